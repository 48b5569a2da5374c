import type { Db, Tx } from "@/lib/db-client";

// Fixed-window counters in PostgreSQL (RateCounter): one statement adds one and returns the
// new count, so a hundred parallel requests see 1, 2, … 100 and cannot all slip under a
// limit the way "count, then write" can. Windows start at multiples of `windowMs` since the
// epoch; a limit of N per window therefore allows at most 2N in any span of one window
// across a boundary, which the limits here are chosen for.

const windowStartOf = (now: Date, windowMs: number) => new Date(Math.floor(now.getTime() / windowMs) * windowMs);

/** Adds `by` (default one) to the counter `key` for the window containing `now`; the count after it. */
export async function bumpCounter(db: Db | Tx, key: string, windowMs: number, now = new Date(), by = 1): Promise<number> {
  const windowStart = windowStartOf(now, windowMs);
  const [row] = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateCounter" ("key", "windowStart", "count") VALUES (${key}, ${windowStart}, ${by})
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateCounter"."count" + ${by}
    RETURNING "count"`;
  return row!.count;
}

/** The counter's value in the window containing `now` (0 when nothing was counted). */
export async function counterValue(db: Db | Tx, key: string, windowMs: number, now = new Date()): Promise<number> {
  const row = await db.rateCounter.findUnique({
    where: { key_windowStart: { key, windowStart: windowStartOf(now, windowMs) } },
    select: { count: true },
  });
  return row?.count ?? 0;
}

/** Forgets a counter's current window (a successful sign-in clears its account's failures). */
export async function resetCounter(db: Db | Tx, key: string, windowMs: number, now = new Date()): Promise<void> {
  await db.rateCounter.deleteMany({ where: { key, windowStart: windowStartOf(now, windowMs) } });
}

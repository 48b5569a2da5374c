import type { Db, Tx } from "@/lib/db-client";
import { bumpCounter, counterValue, resetCounter } from "@/lib/rate-counter";

// The account's failure counter, shared by everything that checks a secret of the account:
// sign-in passwords, the current password asked again (change password), and one-time
// codes (forgotten password, activation). All count into the same fixed-window counter
// (RateCounter, lib/rate-counter.ts) under `accountCounterKey(nationalId)`, bumped BEFORE
// the secret is compared, so N parallel guesses see 1…N and at most ACCOUNT_MAX_FAILURES
// of them are ever compared. A right secret gives its count back.
//
// The sign-in (lib/auth/sign-in.ts) must use the same key and window: then five wrong codes
// lock the sign-in too, and five wrong passwords stop codes. Reaching the limit also sets
// User.lockedUntil, which every path (and the sign-in as it is today) already honours.

export const ACCOUNT_FAILURE_WINDOW_MS = 15 * 60 * 1000;
/** The sign-in's name for the same window. */
export const SIGN_IN_WINDOW_MS = ACCOUNT_FAILURE_WINDOW_MS;
export const ACCOUNT_MAX_FAILURES = 5;

/** The end of the counter window containing `now`: when a lock reached in it ends. */
export const lockEnd = (now: Date) => new Date((Math.floor(now.getTime() / ACCOUNT_FAILURE_WINDOW_MS) + 1) * ACCOUNT_FAILURE_WINDOW_MS);

/** The counter key of an account's failed secrets, by its (normalised) national ID: unknown IDs count alike. */
export const accountCounterKey = (nationalId: string) => `auth:fail:account:${nationalId}`;

export const ACCOUNT_LOCKED_MESSAGE = "به دلیل چند تلاش ناموفق، حساب حداکثر تا ۱۵ دقیقه قفل است. پس از آن دوباره تلاش کنید.";

/**
 * Takes one attempt's slot on the account counter, before a secret is compared:
 * `{ locked: true, until }` once the window already had ACCOUNT_MAX_FAILURES (compare nothing
 * then), else the attempt's number. Give the slot back with `giveBackAccountSlot` when the
 * secret was right.
 */
export async function takeAccountSlot(
  db: Db | Tx,
  nationalId: string,
  now = new Date(),
): Promise<{ locked: true; until: Date } | { locked: false; attempt: number; last: boolean }> {
  const attempt = await bumpCounter(db, accountCounterKey(nationalId), ACCOUNT_FAILURE_WINDOW_MS, now);
  if (attempt > ACCOUNT_MAX_FAILURES) return { locked: true, until: lockEnd(now) };
  return { locked: false, attempt, last: attempt === ACCOUNT_MAX_FAILURES };
}

/** The secret was right: its attempt does not count as a failure. */
export async function giveBackAccountSlot(db: Db | Tx, nationalId: string, now = new Date()): Promise<void> {
  await bumpCounter(db, accountCounterKey(nationalId), ACCOUNT_FAILURE_WINDOW_MS, now, -1);
}

/** Forgets the account's failures in this window (a successful sign-in). */
export async function clearAccountCounter(db: Db | Tx, nationalId: string, now = new Date()): Promise<void> {
  await resetCounter(db, accountCounterKey(nationalId), ACCOUNT_FAILURE_WINDOW_MS, now);
}

/**
 * Counts one attempt at a secret of the account, before it is compared (takeAccountSlot),
 * also refused while the account's row is locked. `allowed` is false
 * once the account is over its limit (or locked until later): then do not compare at all.
 */
export async function spendAccountAttempt(
  db: Db | Tx,
  account: { nationalId: string; lockedUntil?: Date | null },
  now = new Date(),
): Promise<{ allowed: boolean; count: number }> {
  const slot = await takeAccountSlot(db, account.nationalId, now);
  const locked = account.lockedUntil != null && account.lockedUntil > now;
  return slot.locked ? { allowed: false, count: ACCOUNT_MAX_FAILURES + 1 } : { allowed: !locked, count: slot.attempt };
}

/**
 * The secret was wrong (its attempt already counted): the failure that reaches the limit
 * also marks the account's row locked until the window ends (the counter decides; the row mirrors it for the lists). Returns whether the account is now locked.
 */
export async function recordAccountFailure(db: Db | Tx, userId: string | null, count: number, now = new Date()): Promise<boolean> {
  if (count < ACCOUNT_MAX_FAILURES) return false;
  if (userId) await db.user.update({ where: { id: userId }, data: { lockedUntil: lockEnd(now), failedAttempts: count } });
  return true;
}

/** Whether the account is locked now (its row, or its counter over the limit). */
export async function accountLocked(db: Db | Tx, account: { nationalId: string; lockedUntil?: Date | null }, now = new Date()) {
  if (account.lockedUntil != null && account.lockedUntil > now) return true;
  return (await counterValue(db, accountCounterKey(account.nationalId), ACCOUNT_FAILURE_WINDOW_MS, now)) >= ACCOUNT_MAX_FAILURES;
}

/** Clears the lock-out (a successful reset, or the region unlocking the account). */
export async function clearAccountFailures(db: Db | Tx, user: { id: string; nationalId: string }, now = new Date()): Promise<void> {
  await clearAccountCounter(db, user.nationalId, now);
  await db.user.update({ where: { id: user.id }, data: { lockedUntil: null, failedAttempts: 0, failedWindowStart: null } });
}

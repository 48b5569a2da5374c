// The outbox worker: claims due rows in batches (FOR UPDATE SKIP LOCKED, see outbox.ts), sends
// them a few at a time, records each outcome, and now and then asks the provider which sent
// messages were delivered. Any number of workers (server processes) may run at once.
import { createPrismaClient, type Db } from "@/lib/db-client";
import { FINAL_DELIVERY_STATUSES, type DeliveryStatus, type SmsAdapter } from "@/lib/notify/adapter";
import { deliverClaimed, OUTBOX_DEFAULTS, type BatchState, type Outcome, type OutboxOptions } from "@/lib/notify/deliver";
import { claimDue } from "@/lib/notify/outbox";
import { smsAdapter } from "@/lib/notify/sms-adapter";

export type ProcessOptions = OutboxOptions & {
  /** Rows claimed per round. */
  batchSize?: number;
  /** Requests to the provider in flight at once. */
  concurrency?: number;
};

export type ProcessCounts = { claimed: number } & Record<Outcome, number>;

async function eachWithConcurrency<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  });
  await Promise.all(lanes);
}

/** One round: claim a batch, send it, record the outcomes. */
export async function processOutboxOnce(db: Db, adapter: SmsAdapter, opts: ProcessOptions = {}): Promise<ProcessCounts> {
  const leaseMs = opts.leaseMs ?? OUTBOX_DEFAULTS.leaseMs;
  const rows = await claimDue(db, opts.batchSize ?? 50, leaseMs);
  const counts: ProcessCounts = { claimed: rows.length, sent: 0, retried: 0, held: 0, failed: 0, lost: 0 };
  const batch: BatchState = { hold: null };
  await eachWithConcurrency(rows, opts.concurrency ?? 4, async (row) => {
    try {
      counts[await deliverClaimed(db, adapter, row, opts, batch)] += 1;
    } catch (e) {
      // Most likely the database went away between send and record. The row stays SENDING;
      // when its lease expires the next claim asks the provider before sending again.
      console.error(`[sms] notification ${row.id} not recorded:`, (e as Error)?.message);
      counts.lost += 1;
    }
  });
  if (batch.hold) {
    // The admin alert: this log line, and HELD rows that the admin dashboard counts
    // (smsOutboxHealth). Repeated every hold pause while the account cannot send.
    console.error(`[sms] ALERT: ${counts.held} SMS held, sending paused: ${batch.hold}`);
  }
  return counts;
}

export type PollOptions = {
  /** Ask again about a message after this long. */
  recheckMs?: number;
  /** Stop asking about messages older than this (reports can be missing for good). */
  maxAgeMs?: number;
  limit?: number;
};

/** Asks the provider about sent, not yet finally reported messages; stores what it says. */
export async function pollDeliveryOnce(db: Db, adapter: SmsAdapter, opts: PollOptions = {}): Promise<{ checked: number; updated: number }> {
  const now = Date.now();
  const rows = await db.notification.findMany({
    where: {
      status: "SENT",
      providerMessageId: { not: null },
      sentAt: { gt: new Date(now - (opts.maxAgeMs ?? 7 * 86_400_000)) },
      OR: [{ deliveryStatus: null }, { deliveryStatus: { notIn: [...FINAL_DELIVERY_STATUSES] } }],
      AND: [{ OR: [{ deliveryCheckedAt: null }, { deliveryCheckedAt: { lte: new Date(now - (opts.recheckMs ?? 2 * 60_000)) } }] }],
    },
    select: { id: true, providerMessageId: true },
    orderBy: [{ deliveryCheckedAt: { sort: "asc", nulls: "first" } }, { sentAt: "asc" }],
    take: opts.limit ?? 500,
  });
  if (rows.length === 0) return { checked: 0, updated: 0 };
  const statuses = await adapter.status(rows.map((r) => r.providerMessageId!));
  const checkedAt = new Date();
  const byStatus = new Map<DeliveryStatus | null, string[]>();
  for (const r of rows) {
    const s = statuses.get(r.providerMessageId!) ?? null;
    byStatus.set(s, [...(byStatus.get(s) ?? []), r.id]);
  }
  let updated = 0;
  for (const [deliveryStatus, ids] of byStatus) {
    // Unanswered ids keep their last status; only the time of asking moves on.
    const data = deliveryStatus ? { deliveryStatus, deliveryCheckedAt: checkedAt } : { deliveryCheckedAt: checkedAt };
    const res = await db.notification.updateMany({ where: { id: { in: ids }, status: "SENT" }, data });
    if (deliveryStatus) updated += res.count;
  }
  return { checked: rows.length, updated };
}

export type WorkerOptions = ProcessOptions & {
  intervalMs?: number;
  deliveryPollMs?: number;
  db?: Db;
  adapter?: SmsAdapter;
};

export type WorkerHandle = { stop(): Promise<void> };

const globalForWorker = globalThis as unknown as { pishkhanSmsWorker?: WorkerHandle };

/**
 * Runs the worker in this process until stop(): every ~2 s it drains the due rows, and every
 * minute it polls delivery reports. Errors are logged, never thrown: the web server must not
 * fall over because the SMS provider or the database hiccups. One per process (a second
 * call, e.g. after a hot reload, returns the running one).
 */
export function startOutboxWorker(options: WorkerOptions = {}): WorkerHandle {
  if (globalForWorker.pishkhanSmsWorker) return globalForWorker.pishkhanSmsWorker;
  let adapter: SmsAdapter;
  try {
    adapter = options.adapter ?? smsAdapter();
  } catch (e) {
    console.error(`[sms] worker not started: ${(e as Error).message}`);
    return { stop: async () => {} };
  }
  const url = process.env.DATABASE_URL;
  if (!options.db && !url) {
    console.error("[sms] worker not started: DATABASE_URL is not set");
    return { stop: async () => {} };
  }
  if (adapter.name === "console" && process.env.NODE_ENV === "production") {
    console.warn("[sms] SMS_PROVIDER is not kavenegar: messages are only printed on this console");
  }
  // Its own small pool, so that a slow provider never holds the pages' connections.
  const db = options.db ?? createPrismaClient(url!, 2);
  const intervalMs = options.intervalMs ?? 2_000;
  const deliveryPollMs = options.deliveryPollMs ?? 60_000;
  const batchSize = options.batchSize ?? 50;
  let lastPoll = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  async function tick() {
    try {
      // Drain what is due, a bounded number of rounds per tick.
      for (let round = 0; round < 20 && !stopped; round++) {
        const c = await processOutboxOnce(db, adapter, { ...options, batchSize });
        if (c.claimed < batchSize) break;
      }
      if (!stopped && Date.now() - lastPoll >= deliveryPollMs) {
        lastPoll = Date.now();
        await pollDeliveryOnce(db, adapter);
      }
    } catch (e) {
      console.error("[sms] worker round failed:", (e as Error)?.message);
    }
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().finally(schedule);
    }, intervalMs);
    timer.unref?.();
  }
  schedule();

  const handle: WorkerHandle = {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      if (!options.db) await db.$disconnect();
      if (globalForWorker.pishkhanSmsWorker === handle) delete globalForWorker.pishkhanSmsWorker;
    },
  };
  globalForWorker.pishkhanSmsWorker = handle;
  return handle;
}

// The job table's state changes (see the Job model): enqueue, claim, progress, finish.
// A claim is its own committed statement (FOR UPDATE SKIP LOCKED), so two server processes
// never run the same job at once; a job whose worker died (no heartbeat for `leaseMs`) is
// claimed again, which is safe because every job kind is idempotent. Later writes are fenced
// on (status RUNNING, attempts = the claimed value), so a worker whose lease was taken over
// cannot overwrite the newer run's progress or outcome.
import type { Db, Tx } from "@/lib/db-client";
import { UTC_NOW } from "@/lib/sql-time";
import { Prisma } from "@/lib/generated/prisma/client";
import type { JobKind } from "@/lib/generated/prisma/enums";

export type ClaimedJob = {
  id: string;
  kind: JobKind;
  input: unknown;
  attempts: number;
  createdById: string;
};

/** Jobs are given up after this many claims (a job that crashes its worker every time). */
export const MAX_JOB_ATTEMPTS = 3;

export async function enqueueJob(
  db: Db | Tx,
  job: { kind: JobKind; input: Prisma.InputJsonValue; file?: Uint8Array<ArrayBuffer>; total?: number; createdById: string },
) {
  return db.job.create({
    data: { kind: job.kind, input: job.input, file: job.file, total: job.total ?? 0, createdById: job.createdById },
    select: { id: true },
  });
}

/** Claims the oldest queued job, or a running one whose lease expired. */
export async function claimNextJob(db: Db, leaseMs: number, kinds?: readonly JobKind[]): Promise<ClaimedJob | null> {
  const kindFilter = kinds && kinds.length > 0 ? Prisma.sql`AND kind::text IN (${Prisma.join(kinds)})` : Prisma.empty;
  const rows = await db.$queryRaw<ClaimedJob[]>`
    WITH picked AS (
      SELECT id FROM "Job"
      WHERE (status = 'QUEUED' OR (status = 'RUNNING' AND "lockedAt" < ${UTC_NOW} - ${leaseMs}::double precision * interval '1 millisecond'))
        ${kindFilter}
      ORDER BY "createdAt", id
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "Job" j
    SET status = 'RUNNING', attempts = j.attempts + 1, "lockedAt" = ${UTC_NOW},
        "startedAt" = COALESCE(j."startedAt", ${UTC_NOW}), "updatedAt" = ${UTC_NOW}
    FROM picked WHERE j.id = picked.id
    RETURNING j.id, j.kind, j.input, j.attempts, j."createdById"`;
  return rows[0] ?? null;
}

/** Records progress and renews the lease; false when the run was taken over. */
export async function recordJobProgress(db: Db, job: ClaimedJob, done: number, total: number): Promise<boolean> {
  const n = await db.$executeRaw`
    UPDATE "Job" SET done = ${done}, total = ${total}, "lockedAt" = ${UTC_NOW}, "updatedAt" = ${UTC_NOW}
    WHERE id = ${job.id} AND status = 'RUNNING' AND attempts = ${job.attempts}`;
  return n === 1;
}

export async function finishJob(
  db: Db,
  job: ClaimedJob,
  outcome: { ok: true; result: Prisma.InputJsonValue } | { ok: false; error: string; retry: boolean },
): Promise<void> {
  const data = outcome.ok
    ? { status: "SUCCEEDED" as const, result: outcome.result, error: null, finishedAt: new Date(), lockedAt: null }
    : outcome.retry
      ? { status: "QUEUED" as const, error: outcome.error, lockedAt: null }
      : { status: "FAILED" as const, error: outcome.error, finishedAt: new Date(), lockedAt: null };
  await db.job.updateMany({ where: { id: job.id, status: "RUNNING", attempts: job.attempts }, data });
}

/** The file a job was given (kept out of the claim so claims stay small). */
export async function jobFile(db: Db, jobId: string): Promise<Buffer | null> {
  const row = await db.job.findUnique({ where: { id: jobId }, select: { file: true } });
  return row?.file ? Buffer.from(row.file) : null;
}

// Runs claimed jobs with the handler of their kind. A handler reports progress through
// `progress(done, total)` (written at most every PROGRESS_EVERY_MS, and it renews the lease)
// and returns a JSON report stored on the job. A handler's JobFailure is the user's message
// (Persian); any other error is logged and the job is tried again, up to MAX_JOB_ATTEMPTS.
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { JobKind } from "@/lib/generated/prisma/enums";
import { claimNextJob, finishJob, MAX_JOB_ATTEMPTS, recordJobProgress, type ClaimedJob } from "./queue";

export type JobProgress = (done: number, total: number) => Promise<void>;
export type JobHandler = (db: Db, job: ClaimedJob, progress: JobProgress) => Promise<Prisma.InputJsonValue>;
export type JobHandlers = Partial<Record<JobKind, JobHandler>>;

/** A failure to show the admin as it is (no retry). */
export class JobFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "JobFailure";
  }
}

/** Thrown into a handler whose run was taken over by another worker: stop quietly. */
class JobTakenOver extends Error {
  constructor() {
    super("job taken over by another worker");
    this.name = "JobTakenOver";
  }
}

const JOB_LEASE_MS = 2 * 60 * 1000;
const PROGRESS_EVERY_MS = 250;
const JOB_GAVE_UP_MESSAGE = "این کار پس از چند تلاش انجام نشد. دوباره تلاش کنید یا با پشتیبانی فنی تماس بگیرید.";

export async function runClaimedJob(
  db: Db,
  job: ClaimedJob,
  handlers: JobHandlers,
): Promise<"succeeded" | "failed" | "retry" | "taken-over"> {
  const handler = handlers[job.kind];
  if (!handler) {
    await finishJob(db, job, { ok: false, error: JOB_GAVE_UP_MESSAGE, retry: false });
    return "failed";
  }
  let lastWrite = 0;
  const progress: JobProgress = async (done, total) => {
    const now = Date.now();
    if (now - lastWrite < PROGRESS_EVERY_MS && done < total) return;
    lastWrite = now;
    if (!(await recordJobProgress(db, job, done, total))) throw new JobTakenOver();
  };
  try {
    const result = await handler(db, job, progress);
    await finishJob(db, job, { ok: true, result });
    return "succeeded";
  } catch (e) {
    if (e instanceof JobTakenOver) return "taken-over";
    if (e instanceof JobFailure) {
      await finishJob(db, job, { ok: false, error: e.message, retry: false });
      return "failed";
    }
    console.error(`[jobs] ${job.kind} ${job.id} attempt ${job.attempts} failed:`, (e as Error)?.stack ?? e);
    const retry = job.attempts < MAX_JOB_ATTEMPTS;
    await finishJob(db, job, { ok: false, error: JOB_GAVE_UP_MESSAGE, retry });
    return retry ? "retry" : "failed";
  }
}

/** Runs jobs until none is waiting; returns how many were run. */
export async function processJobs(
  db: Db,
  handlers: JobHandlers,
  opts: { leaseMs?: number; kinds?: readonly JobKind[] } = {},
): Promise<number> {
  let ran = 0;
  for (;;) {
    const job = await claimNextJob(db, opts.leaseMs ?? JOB_LEASE_MS, opts.kinds);
    if (!job) return ran;
    await runClaimedJob(db, job, handlers);
    ran += 1;
  }
}

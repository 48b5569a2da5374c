import "server-only";
import { db } from "@/lib/db";
import { JOB_HANDLERS } from "./handlers";
import { processJobs } from "./run-jobs";

// The job worker of a server process: looks for work every few seconds, and at once when an
// action has just queued a job (`kickJobWorker`). One run at a time per process; several
// processes may run at once (claims skip locked rows).
const EVERY_MS = 5_000;
const state = globalThis as unknown as { pishkhanJobs?: { running: boolean; again: boolean; started: boolean } };
const s = (state.pishkhanJobs ??= { running: false, again: false, started: false });

async function drain(): Promise<void> {
  if (s.running) {
    s.again = true;
    return;
  }
  s.running = true;
  try {
    do {
      s.again = false;
      await processJobs(db, JOB_HANDLERS);
    } while (s.again);
  } catch (e) {
    console.error("[jobs] worker failed:", (e as Error)?.message);
  } finally {
    s.running = false;
  }
}

/** Starts the periodic worker (instrumentation.ts). */
export function startJobWorker(): void {
  if (s.started) return;
  s.started = true;
  setInterval(() => void drain(), EVERY_MS).unref();
}

/** Runs queued jobs now, in the background of this process (the caller does not wait). */
export function kickJobWorker(): void {
  if (process.env.JOB_WORKER === "off") return;
  setImmediate(() => void drain());
}

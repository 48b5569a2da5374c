import "server-only";
import type { JobHandlers } from "./run-jobs";
import { runRoundCloseJob } from "@/lib/admin/rounds";

// Every job kind's handler, for the worker. Each kind's module owns its handler.
export const JOB_HANDLERS: JobHandlers = {
  ROUND_CLOSE: runRoundCloseJob,
};

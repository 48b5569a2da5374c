import "server-only";
import type { JobHandlers } from "./run-jobs";

// Every job kind's handler, for the worker. Each kind's module owns its handler.
export const JOB_HANDLERS: JobHandlers = {};

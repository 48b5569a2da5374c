import "server-only";
import type { JobHandlers } from "./run-jobs";
import { registryImportHandler } from "@/lib/registry/import-job";
import { runRoundCloseJob } from "@/lib/admin/rounds";

// Every job kind's handler, for the worker. Each kind's module owns its handler.
export const JOB_HANDLERS: JobHandlers = {
  REGISTRY_IMPORT: registryImportHandler,
  ROUND_CLOSE: runRoundCloseJob,
};

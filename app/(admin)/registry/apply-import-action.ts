"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { runParsedAction } from "@/lib/actions/run-action";
import { kickJobWorker } from "@/lib/jobs/worker";
import { startRegistryApply } from "@/lib/registry/start-import";

const input = z.object({ dryRunJobId: z.string().min(1).max(64), confirmSkipErrors: z.boolean() });

/** Applies the file of a finished dry run (the stored bytes; nothing is uploaded again). */
export async function applyImportAction(raw: unknown) {
  return runParsedAction(input, raw, async (i, who) => {
    const job = await startRegistryApply(db, who.actor, who.caller, i);
    kickJobWorker();
    return { jobId: job.id };
  });
}

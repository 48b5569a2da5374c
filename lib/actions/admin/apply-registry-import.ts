"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { defineAction } from "@/lib/actions/define-action";
import { kickJobWorker } from "@/lib/jobs/worker";
import { startRegistryApply } from "@/lib/registry/start-import";
import { recordId } from "@/lib/validation/record-id";

/** Applies the file of a finished dry run (the stored bytes; nothing is uploaded again). */
export const applyImportAction = defineAction(
  z.object({ dryRunJobId: recordId, confirmSkipErrors: z.boolean() }),
  async (i, who) => {
    const job = await startRegistryApply(db, who.actor, who.caller, i);
    kickJobWorker();
    return { jobId: job.id };
  },
  { name: "admin.apply-registry-import" },
);

"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { defineAction } from "@/lib/actions/define-action";
import { requestRoundClose } from "@/lib/admin/rounds";
import { kickJobWorker } from "@/lib/jobs/worker";
import { recordId } from "@/lib/validation/record-id";

/**
 * Asks for a round to be closed after its window; the job worker then gives every office
 * without a submission the lowest rank and an SMS, and the rounds page shows its progress.
 */
export const closeRoundAction = defineAction(
  z.object({ roundId: recordId }),
  async (i, who) => {
    const job = await requestRoundClose(db, who.actor, who.caller, i.roundId);
    kickJobWorker();
    return job;
  },
  { name: "admin.close-round" },
);

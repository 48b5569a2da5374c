"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { runParsedAction } from "@/lib/actions/run-action";
import { requestRoundClose } from "@/lib/admin/rounds";
import { kickJobWorker } from "@/lib/jobs/worker";

const input = z.object({ roundId: z.string().min(1).max(64) });

/**
 * Asks for a round to be closed after its window; the job worker then gives every office
 * without a submission the lowest rank and an SMS, and the rounds page shows its progress.
 */
export async function closeRoundAction(raw: unknown) {
  const result = await runParsedAction(input, raw, (i, who) => requestRoundClose(db, who.actor, who.caller, i.roundId));
  if (result.ok) kickJobWorker();
  return result;
}

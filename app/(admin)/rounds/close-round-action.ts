"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { runParsedAction } from "@/lib/actions/run-action";
import { closeRound } from "@/lib/admin/rounds";

const input = z.object({ roundId: z.string().min(1).max(64) });

/** Closes a round after its window; offices without a submission get the lowest rank and an SMS. */
export async function closeRoundAction(raw: unknown) {
  return runParsedAction(input, raw, (i, who) => closeRound(db, who.actor, who.caller, i.roundId));
}

"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { runParsedAction } from "@/lib/actions/run-action";
import { openRound } from "@/lib/admin/rounds";

const input = z.object({ roundId: z.string().min(1).max(64) });

/** Opens a draft round (its rule set is fixed from now on). */
export async function openRoundAction(raw: unknown) {
  return runParsedAction(input, raw, (i, who) => openRound(db, who.actor, who.caller, i.roundId));
}

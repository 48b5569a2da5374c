"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { runParsedDeclarationAction } from "@/lib/actions/declaration-action";
import { openRound } from "@/lib/admin/rounds";

const input = z.object({ roundId: z.string().min(1).max(64) });

/** Opens a draft round (its rule set is fixed from now on). */
export async function openRoundAction(raw: unknown) {
  return runParsedDeclarationAction(input, raw, (i, who) => openRound(db, who.actor, who.caller, i.roundId));
}

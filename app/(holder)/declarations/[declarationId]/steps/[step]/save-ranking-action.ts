"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { declarationTarget, runParsedDeclarationAction } from "@/lib/actions/declaration-action";
import { saveRankingStep } from "@/lib/declaration/save-ranking-step";

const input = declarationTarget.extend({ values: z.unknown(), mode: z.enum(["draft", "complete"]) });

/** Autosave, explicit save and "complete" of step 8 (positive table confirmation, violations). */
export async function saveRankingAction(raw: unknown) {
  return runParsedDeclarationAction(input, raw, (i, who) => saveRankingStep(db, who.actor, who.caller, i));
}

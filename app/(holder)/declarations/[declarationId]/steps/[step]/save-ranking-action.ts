"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { declarationTarget, runParsedAction } from "@/lib/actions/run-action";
import { saveRankingStep } from "@/lib/declaration/save-ranking-step";

const input = declarationTarget.extend({ values: z.unknown(), mode: z.enum(["draft", "complete"]) });

/** Autosave, explicit save and "complete" of step 8 (positive table confirmation, violations). */
export async function saveRankingAction(raw: unknown) {
  return runParsedAction(input, raw, (i, who) => saveRankingStep(db, who.actor, who.caller, i));
}

"use server";

import { db } from "@/lib/db";
import { defineAction } from "@/lib/actions/define-action";
import { saveRankingInput, saveRankingStep } from "@/lib/declaration/save-ranking-step";

/** Autosave, explicit save and "complete" of step 8 (positive table confirmation, violations). */
export const saveRankingAction = defineAction(saveRankingInput, (i, who) => saveRankingStep(db, who.actor, who.caller, i), {
  name: "declaration.save-ranking-step",
});

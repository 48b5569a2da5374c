"use server";

import { db } from "@/lib/db";
import { defineAction } from "@/lib/actions/define-action";
import { saveStep, saveStepInput } from "@/lib/declaration/save-step";

/** Autosave, explicit save and "complete this step" of the form steps 2–6. */
export const saveStepAction = defineAction(saveStepInput, (i, who) => saveStep(db, who.actor, who.caller, i), {
  name: "declaration.save-step",
});

"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { declarationTarget, runParsedAction } from "@/lib/actions/run-action";
import { saveStep } from "@/lib/declaration/save-step";

const input = declarationTarget.extend({ step: z.number().int().min(2).max(6), values: z.unknown(), mode: z.enum(["draft", "complete"]) });

/** Autosave, explicit save and "complete this step" of the form steps 2–6. */
export async function saveStepAction(raw: unknown) {
  return runParsedAction(input, raw, (i, who) => saveStep(db, who.actor, who.caller, i));
}

"use server";

import { db } from "@/lib/db";
import { declarationTarget, runParsedAction } from "@/lib/actions/run-action";
import { completeStaffStep } from "@/lib/declaration/save-step";

/** Step 7 complete: the staff list matches the numbers declared in step 3. */
export async function completeStaffAction(raw: unknown) {
  return runParsedAction(declarationTarget, raw, (i, who) => completeStaffStep(db, who.actor, who.caller, i));
}

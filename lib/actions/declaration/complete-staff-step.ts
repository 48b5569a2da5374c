"use server";

import { db } from "@/lib/db";
import { defineAction } from "@/lib/actions/define-action";
import { completeStaffStep } from "@/lib/declaration/complete-staff-step";
import { declarationTarget } from "@/lib/validation/record-id";

/** Step 7 complete: the staff list matches the numbers declared in step 3. */
export const completeStaffAction = defineAction(declarationTarget, (i, who) => completeStaffStep(db, who.actor, who.caller, i), {
  name: "declaration.complete-staff-step",
});

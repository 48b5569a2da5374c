"use server";

import { db } from "@/lib/db";
import { defineAction } from "@/lib/actions/define-action";
import { staffMember } from "@/lib/declaration/forms/step-7-staff";
import { updateStaffMember } from "@/lib/declaration/staff";
import { declarationTarget, recordId } from "@/lib/validation/record-id";

/** Step 7: corrects one person of the staff list. */
export const updateStaffMemberAction = defineAction(
  declarationTarget.extend({ rowId: recordId, values: staffMember }),
  ({ values, rowId, ...target }, who) => updateStaffMember(db, who, { ...target, rowId }, values),
  { name: "declaration.update-staff-member" },
);

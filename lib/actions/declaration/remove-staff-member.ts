"use server";

import { db } from "@/lib/db";
import { defineAction } from "@/lib/actions/define-action";
import { removeStaffMember } from "@/lib/declaration/staff";
import { declarationTarget, recordId } from "@/lib/validation/record-id";

/** Step 7: takes one person off the staff list. */
export const removeStaffMemberAction = defineAction(
  declarationTarget.extend({ rowId: recordId }),
  ({ rowId, ...target }, who) => removeStaffMember(db, who, { ...target, rowId }),
  { name: "declaration.remove-staff-member" },
);

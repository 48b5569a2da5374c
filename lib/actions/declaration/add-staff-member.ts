"use server";

import { db } from "@/lib/db";
import { defineAction } from "@/lib/actions/define-action";
import { staffMember } from "@/lib/declaration/forms/step-7-staff";
import { addStaffMember } from "@/lib/declaration/staff";
import { declarationTarget } from "@/lib/validation/record-id";

/** Step 7: one more person on the office's staff list. */
export const addStaffMemberAction = defineAction(
  declarationTarget.extend({ values: staffMember }),
  ({ values, ...target }, who) => addStaffMember(db, who, target, values),
  { name: "declaration.add-staff-member" },
);

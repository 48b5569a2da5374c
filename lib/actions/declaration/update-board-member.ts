"use server";

import { db } from "@/lib/db";
import { defineAction } from "@/lib/actions/define-action";
import { updateBoardMember } from "@/lib/declaration/board-members";
import { boardMember } from "@/lib/declaration/forms/step-4-legal";
import { declarationTarget, recordId } from "@/lib/validation/record-id";

/** Step 4: corrects one board member. */
export const updateBoardMemberAction = defineAction(
  declarationTarget.extend({ rowId: recordId, values: boardMember }),
  ({ values, rowId, ...target }, who) => updateBoardMember(db, who, { ...target, rowId }, values),
  { name: "declaration.update-board-member" },
);

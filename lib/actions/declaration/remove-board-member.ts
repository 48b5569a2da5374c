"use server";

import { db } from "@/lib/db";
import { defineAction } from "@/lib/actions/define-action";
import { removeBoardMember } from "@/lib/declaration/board-members";
import { declarationTarget, recordId } from "@/lib/validation/record-id";

/** Step 4: takes one member off the board list. */
export const removeBoardMemberAction = defineAction(
  declarationTarget.extend({ rowId: recordId }),
  ({ rowId, ...target }, who) => removeBoardMember(db, who, { ...target, rowId }),
  { name: "declaration.remove-board-member" },
);

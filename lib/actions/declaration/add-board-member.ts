"use server";

import { db } from "@/lib/db";
import { defineAction } from "@/lib/actions/define-action";
import { addBoardMember } from "@/lib/declaration/board-members";
import { boardMember } from "@/lib/declaration/forms/step-4-legal";
import { declarationTarget } from "@/lib/validation/record-id";

/** Step 4 (legal persons): one more member of the board of directors. */
export const addBoardMemberAction = defineAction(
  declarationTarget.extend({ values: boardMember }),
  ({ values, ...target }, who) => addBoardMember(db, who, target, values),
  { name: "declaration.add-board-member" },
);

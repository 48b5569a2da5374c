"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { declarationTarget, runParsedAction } from "@/lib/actions/run-action";
import { updateBoardMember } from "@/lib/declaration/board-members";

const input = declarationTarget.extend({ rowId: z.string().min(1).max(64), values: z.unknown() });

export async function updateBoardMemberAction(raw: unknown) {
  return runParsedAction(input, raw, ({ values, rowId, ...target }, who) => updateBoardMember(db, who, { ...target, memberId: rowId }, values));
}

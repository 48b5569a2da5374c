"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { declarationTarget, runParsedAction } from "@/lib/actions/run-action";
import { removeBoardMember } from "@/lib/declaration/board-members";

const input = declarationTarget.extend({ rowId: z.string().min(1).max(64) });

export async function removeBoardMemberAction(raw: unknown) {
  return runParsedAction(input, raw, ({ rowId, ...target }, who) => removeBoardMember(db, who, { ...target, memberId: rowId }));
}

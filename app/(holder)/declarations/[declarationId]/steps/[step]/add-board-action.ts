"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { declarationTarget, runParsedAction } from "@/lib/actions/run-action";
import { addBoardMember } from "@/lib/declaration/board-members";

const input = declarationTarget.extend({ values: z.unknown() });

export async function addBoardMemberAction(raw: unknown) {
  return runParsedAction(input, raw, ({ values, ...target }, who) => addBoardMember(db, who, target, values));
}

"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { declarationTarget, runParsedAction } from "@/lib/actions/run-action";
import { removeStaffMember } from "@/lib/declaration/staff";

const input = declarationTarget.extend({ rowId: z.string().min(1).max(64) });

export async function removeStaffMemberAction(raw: unknown) {
  return runParsedAction(input, raw, ({ rowId, ...target }, who) => removeStaffMember(db, who, { ...target, staffId: rowId }));
}

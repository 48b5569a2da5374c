"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { declarationTarget, runParsedDeclarationAction } from "@/lib/actions/declaration-action";
import { removeStaffMember } from "@/lib/declaration/staff";

const input = declarationTarget.extend({ rowId: z.string().min(1).max(64) });

export async function removeStaffMemberAction(raw: unknown) {
  return runParsedDeclarationAction(input, raw, ({ rowId, ...target }, who) => removeStaffMember(db, who, { ...target, staffId: rowId }));
}

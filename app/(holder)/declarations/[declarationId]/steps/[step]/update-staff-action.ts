"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { declarationTarget, runParsedAction } from "@/lib/actions/run-action";
import { updateStaffMember } from "@/lib/declaration/staff";

const input = declarationTarget.extend({ rowId: z.string().min(1).max(64), values: z.unknown() });

export async function updateStaffMemberAction(raw: unknown) {
  return runParsedAction(input, raw, ({ values, rowId, ...target }, who) => updateStaffMember(db, who, { ...target, staffId: rowId }, values));
}

"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { declarationTarget, runParsedDeclarationAction } from "@/lib/actions/declaration-action";
import { addStaffMember } from "@/lib/declaration/staff";

const input = declarationTarget.extend({ values: z.unknown() });

export async function addStaffMemberAction(raw: unknown) {
  return runParsedDeclarationAction(input, raw, ({ values, ...target }, who) => addStaffMember(db, who, target, values));
}

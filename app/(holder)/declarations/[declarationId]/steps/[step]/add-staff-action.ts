"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { declarationTarget, runParsedAction } from "@/lib/actions/run-action";
import { addStaffMember } from "@/lib/declaration/staff";

const input = declarationTarget.extend({ values: z.unknown() });

export async function addStaffMemberAction(raw: unknown) {
  return runParsedAction(input, raw, ({ values, ...target }, who) => addStaffMember(db, who, target, values));
}

"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { defineAction } from "@/lib/actions/define-action";
import { assignDeclarations } from "@/lib/review/assignment";
import { recordId } from "@/lib/validation/record-id";

const input = z.object({ declarationIds: z.array(recordId).min(1).max(200), assigneeId: recordId });

/** Assigns one or many files to an expert of their region (bulk assign from the queue). */
export const assignAction = defineAction(input, (i, who) => assignDeclarations(db, who.actor, who.caller, i), {
  name: "review.assign-declarations",
});

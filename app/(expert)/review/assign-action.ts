"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { runParsedAction } from "@/lib/actions/run-action";
import { assignDeclarations } from "@/lib/review/assignment";

const input = z.object({ declarationIds: z.array(z.string().min(1).max(64)).min(1).max(200), assigneeId: z.string().min(1).max(64) });

/** Assigns one or many files to an expert of their region (bulk assign from the queue). */
export async function assignAction(raw: unknown) {
  return runParsedAction(input, raw, (i, who) => assignDeclarations(db, who.actor, who.caller, i));
}

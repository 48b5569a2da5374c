"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { runParsedAction } from "@/lib/actions/run-action";
import { releaseDeclaration } from "@/lib/review/assignment";

const input = z.object({ declarationId: z.string().min(1).max(64) });

/** The assignee gives a file back to the region's pool. */
export async function releaseAction(raw: unknown) {
  return runParsedAction(input, raw, (i, who) => releaseDeclaration(db, who.actor, who.caller, i.declarationId));
}

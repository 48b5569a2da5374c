"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { runParsedAction } from "@/lib/actions/run-action";
import { claimDeclaration } from "@/lib/review/assignment";

const input = z.object({ declarationId: z.string().min(1).max(64) });

/** An expert takes a file of the region (starting its review if it was waiting). */
export async function claimAction(raw: unknown) {
  return runParsedAction(input, raw, (i, who) => claimDeclaration(db, who.actor, who.caller, i.declarationId));
}

"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { runParsedDeclarationAction } from "@/lib/actions/declaration-action";
import { fileObjection } from "@/lib/declaration/file-objection";

const input = z.object({ declarationId: z.string().min(1).max(64), text: z.string().max(10_000) });

/** The holder objects to the approved result within the window. */
export async function objectionAction(raw: unknown) {
  return runParsedDeclarationAction(input, raw, (i, who) => fileObjection(db, who.actor, who.caller, i));
}

"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { declarationTarget, runParsedDeclarationAction } from "@/lib/actions/declaration-action";
import { resubmitDeclaration } from "@/lib/declaration/resubmit-declaration";

const input = declarationTarget.extend({ confirmed: z.boolean() });

/** The holder sends the corrected file back to the region. */
export async function resubmitAction(raw: unknown) {
  return runParsedDeclarationAction(input, raw, (i, who) => resubmitDeclaration(db, who.actor, who.caller, i));
}

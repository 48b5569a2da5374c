"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { declarationTarget, runParsedAction } from "@/lib/actions/run-action";
import { resubmitDeclaration } from "@/lib/declaration/resubmit-declaration";

const input = declarationTarget.extend({ confirmed: z.boolean() });

/** The holder sends the corrected file back to the region. */
export async function resubmitAction(raw: unknown) {
  return runParsedAction(input, raw, (i, who) => resubmitDeclaration(db, who.actor, who.caller, i));
}

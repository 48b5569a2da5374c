"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { runParsedAction } from "@/lib/actions/run-action";
import { returnForCorrection } from "@/lib/review/return-declaration";

// The flags are validated by the service (each with a Persian message beside its field).
const input = z.object({ declarationId: z.string().min(1).max(64), flags: z.array(z.unknown()).max(100) });

/** The assignee returns the file to the holder with what must be corrected. */
export async function returnAction(raw: unknown) {
  return runParsedAction(input, raw, async (i, who) => {
    const r = await returnForCorrection(db, who.actor, who.caller, i);
    return { dueAt: r.dueAt.toISOString() };
  });
}

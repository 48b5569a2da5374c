"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { runParsedAction } from "@/lib/actions/run-action";
import { decideObjection } from "@/lib/review/decide-objection";

// Fields are validated by the service, with Persian messages beside each.
const input = z.object({ declarationId: z.string().min(1).max(64) }).passthrough();

/** Another expert than the approver decides the holder's objection; the rank becomes final. */
export async function decideObjectionAction(raw: unknown) {
  return runParsedAction(input, raw, async (i, who) => {
    const score = await decideObjection(db, who.actor, who.caller, i);
    return { total: score.total, rank: score.rank };
  });
}

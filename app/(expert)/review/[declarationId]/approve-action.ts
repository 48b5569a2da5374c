"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { runParsedAction } from "@/lib/actions/run-action";
import { approveDeclaration } from "@/lib/review/region-scores";

const input = z.object({ declarationId: z.string().min(1).max(64) });

/** The assignee approves: final score and rank fixed, the holder's SMS queued. */
export async function approveAction(raw: unknown) {
  return runParsedAction(input, raw, async (i, who) => {
    const score = await approveDeclaration(db, who.actor, who.caller, i.declarationId);
    return { total: score.total, rank: score.rank };
  });
}

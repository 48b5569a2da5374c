"use server";

import { db } from "@/lib/db";
import { runParsedAction } from "@/lib/actions/run-action";
import { regionScoresInput, saveRegionScores } from "@/lib/review/region-scores";

/** The assignee enters the region's scores and gets the recomputed score back. */
export async function regionScoresAction(raw: unknown) {
  return runParsedAction(regionScoresInput, raw, async (i, who) => {
    const score = await saveRegionScores(db, who.actor, who.caller, i);
    return { total: score.total, rank: score.rank };
  });
}

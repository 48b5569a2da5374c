"use server";

import { db } from "@/lib/db";
import { defineAction } from "@/lib/actions/define-action";
import { regionScoresInput, saveRegionScores } from "@/lib/review/region-scores";

/** The assignee enters the region's scores and gets the recomputed score back. */
export const regionScoresAction = defineAction(
  regionScoresInput,
  async (i, who) => {
    const score = await saveRegionScores(db, who.actor, who.caller, i);
    return { total: score.total, rank: score.rank };
  },
  { name: "review.save-region-scores" },
);

"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { defineAction } from "@/lib/actions/define-action";
import { approveDeclaration } from "@/lib/review/approve-declaration";
import { recordId } from "@/lib/validation/record-id";

/** The assignee approves: final score and rank fixed, the holder's SMS queued. */
export const approveAction = defineAction(
  z.object({ declarationId: recordId }),
  async (i, who) => {
    const score = await approveDeclaration(db, who.actor, who.caller, i.declarationId);
    return { total: score.total, rank: score.rank };
  },
  { name: "review.approve-declaration" },
);

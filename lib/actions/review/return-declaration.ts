"use server";

import { db } from "@/lib/db";
import { defineAction } from "@/lib/actions/define-action";
import { returnForCorrection, returnInput } from "@/lib/review/return-declaration";

/** The assignee returns the file to the holder with what must be corrected (a message beside each flag). */
export const returnAction = defineAction(
  returnInput,
  async (i, who) => {
    const r = await returnForCorrection(db, who.actor, who.caller, i);
    return { dueAt: r.dueAt.toISOString() };
  },
  { name: "review.return-declaration" },
);

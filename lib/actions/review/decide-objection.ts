"use server";

import { db } from "@/lib/db";
import { defineAction } from "@/lib/actions/define-action";
import { decideObjection, decideObjectionInput } from "@/lib/review/decide-objection";

/** Another expert than the approver decides the holder's objection; the rank becomes final. */
export const decideObjectionAction = defineAction(
  decideObjectionInput,
  async (i, who) => {
    const score = await decideObjection(db, who.actor, who.caller, i);
    return { total: score.total, rank: score.rank };
  },
  { name: "review.decide-objection" },
);

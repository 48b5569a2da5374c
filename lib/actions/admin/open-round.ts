"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { defineAction } from "@/lib/actions/define-action";
import { openRound } from "@/lib/admin/rounds";
import { recordId } from "@/lib/validation/record-id";

/** Opens a draft round (its rule set is fixed from now on). */
export const openRoundAction = defineAction(z.object({ roundId: recordId }), (i, who) => openRound(db, who.actor, who.caller, i.roundId), {
  name: "admin.open-round",
});

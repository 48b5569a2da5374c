"use server";

import { db } from "@/lib/db";
import { defineAction } from "@/lib/actions/define-action";
import { roundInput, saveRound } from "@/lib/admin/rounds";

/** Creates a round, or edits one that is not closed (each field's message beside it). */
export const saveRoundAction = defineAction(roundInput, (i, who) => saveRound(db, who.actor, who.caller, i), { name: "admin.save-round" });

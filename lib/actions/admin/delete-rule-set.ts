"use server";

import { db } from "@/lib/db";
import { defineAction } from "@/lib/actions/define-action";
import { deleteRuleSet, ruleSetTarget } from "@/lib/admin/rule-sets";

/** Deletes an upload that was never approved. */
export const deleteRuleSetAction = defineAction(ruleSetTarget, (i, who) => deleteRuleSet(db, who.actor, who.caller, i.ruleSetId), {
  name: "admin.delete-rule-set",
});

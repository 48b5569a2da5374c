"use server";

import { db } from "@/lib/db";
import { defineAction } from "@/lib/actions/define-action";
import { approveRuleSet, ruleSetTarget } from "@/lib/admin/rule-sets";

/** Approves a rule set: it becomes immutable and rounds may pin it. */
export const approveRuleSetAction = defineAction(ruleSetTarget, (i, who) => approveRuleSet(db, who.actor, who.caller, i.ruleSetId), {
  name: "admin.approve-rule-set",
});

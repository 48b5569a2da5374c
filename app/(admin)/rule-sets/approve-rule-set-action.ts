"use server";

import { db } from "@/lib/db";
import { runParsedAction } from "@/lib/actions/run-action";
import { approveRuleSet, ruleSetTarget } from "@/lib/admin/rule-sets";

/** Approves a rule set: it becomes immutable and rounds may pin it. */
export async function approveRuleSetAction(raw: unknown) {
  return runParsedAction(ruleSetTarget, raw, (i, who) => approveRuleSet(db, who.actor, who.caller, i.ruleSetId));
}

"use server";

import { db } from "@/lib/db";
import { runParsedAction } from "@/lib/actions/run-action";
import { deleteRuleSet, ruleSetTarget } from "@/lib/admin/rule-sets";

/** Deletes an upload that was never approved. */
export async function deleteRuleSetAction(raw: unknown) {
  return runParsedAction(ruleSetTarget, raw, (i, who) => deleteRuleSet(db, who.actor, who.caller, i.ruleSetId));
}

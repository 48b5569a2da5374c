"use server";

import { db } from "@/lib/db";
import { runParsedAction } from "@/lib/actions/run-action";
import { uploadRuleSet, uploadRuleSetInput } from "@/lib/admin/rule-sets";

/** Stores an uploaded rule set file (validated; every bad field named) as a new unapproved version. */
export async function uploadRuleSetAction(raw: unknown) {
  return runParsedAction(uploadRuleSetInput, raw, (i, who) => uploadRuleSet(db, who.actor, who.caller, i));
}

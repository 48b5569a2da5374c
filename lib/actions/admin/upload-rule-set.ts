"use server";

import { db } from "@/lib/db";
import { defineAction } from "@/lib/actions/define-action";
import { uploadRuleSet, uploadRuleSetInput } from "@/lib/admin/rule-sets";

/** Stores an uploaded rule set file (validated; every bad field named) as a new unapproved version. */
export const uploadRuleSetAction = defineAction(uploadRuleSetInput, (i, who) => uploadRuleSet(db, who.actor, who.caller, i), {
  name: "admin.upload-rule-set",
});

"use server";

import { db } from "@/lib/db";
import { defineAction } from "@/lib/actions/define-action";
import { findHolderForHelp, findHolderInput } from "@/lib/admin/account-help";

/** The region's account help: the holder with this national ID or office code (own region only; the head office any). */
export const findHolderAction = defineAction(findHolderInput, async (i, who) => findHolderForHelp(db, who.caller, i), {
  name: "account-help.find-holder",
});

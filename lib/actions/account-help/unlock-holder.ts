"use server";

import { db } from "@/lib/db";
import { defineAction } from "@/lib/actions/define-action";
import { holderTarget, unlockHolder } from "@/lib/admin/account-help";

/** Clears a holder's sign-in lock-out (audited; the holder is told by SMS). */
export const unlockHolderAction = defineAction(holderTarget, async (i, who) => unlockHolder(db, who.actor, who.caller, i), {
  name: "account-help.unlock-holder",
});

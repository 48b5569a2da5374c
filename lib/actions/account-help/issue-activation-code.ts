"use server";

import { db } from "@/lib/db";
import { defineAction } from "@/lib/actions/define-action";
import { issueActivationCode, issueActivationInput } from "@/lib/admin/account-help";

/** A one-time activation code for a holder: shown once to read out, or sent by SMS to the registry's mobile. */
export const issueActivationAction = defineAction(
  issueActivationInput,
  async (i, who) => {
    const r = await issueActivationCode(db, who.actor, who.caller, i);
    return { code: r.code, expiresAt: r.expiresAt.toISOString(), sentTo: r.sentTo };
  },
  { name: "account-help.issue-activation-code" },
);

"use server";

import { db } from "@/lib/db";
import { defineAction } from "@/lib/actions/define-action";
import { submitDeclaration, submitDeclarationInput } from "@/lib/declaration/submit-declaration";

/** Step 9: the final submission (password asked again). Returns the tracking code. */
export const submitDeclarationAction = defineAction(
  submitDeclarationInput,
  async (i, who) => {
    const result = await submitDeclaration(db, who.actor, who.caller, i);
    return { trackingCode: result.trackingCode, submittedAt: result.submittedAt.toISOString(), repeated: result.repeated };
  },
  { name: "declaration.submit-declaration" },
);

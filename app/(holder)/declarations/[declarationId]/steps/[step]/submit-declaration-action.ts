"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { declarationTarget, runParsedAction } from "@/lib/actions/run-action";
import { submitDeclaration } from "@/lib/declaration/submit-declaration";
import { PASSWORD_MAX_LENGTH } from "@/lib/auth/password-policy";

const input = declarationTarget.extend({ confirmed: z.boolean(), password: z.string().max(PASSWORD_MAX_LENGTH * 4) });

/** Step 9: the final submission (password asked again). Returns the tracking code. */
export async function submitDeclarationAction(raw: unknown) {
  return runParsedAction(input, raw, async (i, who) => {
    const result = await submitDeclaration(db, who.actor, who.caller, i);
    return { trackingCode: result.trackingCode, submittedAt: result.submittedAt.toISOString(), repeated: result.repeated };
  });
}

"use server";

import { db } from "@/lib/db";
import { actionContext } from "@/lib/actions/action-context";
import { fieldErrorsOf, SESSION_EXPIRED_MESSAGE, type ActionResult } from "@/lib/actions/result";
import { changePassword } from "@/lib/auth/change-password";
import { changePasswordSchema } from "@/lib/auth/schemas";

// On success the browser signs in again with the new password: the change ends every
// session opened before it, this one included.
export async function changePasswordAction(input: unknown): Promise<ActionResult<{ nationalId: string }>> {
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const ctx = await actionContext({ allowMustChangePassword: true });
  if (!ctx) return { ok: false, formError: SESSION_EXPIRED_MESSAGE };
  const result = await changePassword(db, ctx.actor, parsed.data);
  return result.ok ? { ok: true, data: { nationalId: ctx.user.nationalId } } : { ok: false, fieldErrors: result.fieldErrors };
}

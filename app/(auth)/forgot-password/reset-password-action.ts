"use server";

import { db } from "@/lib/db";
import { requestActor } from "@/lib/actions/action-context";
import { fieldErrorsOf, type ActionResult } from "@/lib/actions/result";
import { resetPassword } from "@/lib/auth/password-reset";
import { resetPasswordSchema } from "@/lib/auth/schemas";

export async function resetPasswordAction(input: unknown): Promise<ActionResult> {
  const parsed = resetPasswordSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { ip } = await requestActor();
  const result = await resetPassword(db, { ...parsed.data, ip });
  return result.ok ? { ok: true } : { ok: false, fieldErrors: result.fieldErrors };
}

"use server";

import { db } from "@/lib/db";
import { definePublicAction } from "@/lib/actions/define-action";
import { resetPassword } from "@/lib/auth/password-reset";
import { resetPasswordSchema } from "@/lib/auth/schemas";
import { InvalidInputError, type FieldErrors } from "@/lib/errors/app-error";

/** «فراموشی رمز عبور», second step: the code and the new password. */
export const resetPasswordAction = definePublicAction(resetPasswordSchema, async (i, request) => {
  const result = await resetPassword(db, { ...i, ip: request.ip });
  if (!result.ok) throw new InvalidInputError(result.fieldErrors as FieldErrors);
});

"use server";

import { db } from "@/lib/db";
import { definePublicAction } from "@/lib/actions/define-action";
import { resetPassword } from "@/lib/auth/password-reset";
import { resetPasswordSchema } from "@/lib/auth/schemas";
import { InvalidInputError, type FieldErrors } from "@/lib/errors/app-error";

/** «فعال‌سازی حساب»: the activation code the region gave (by phone or SMS) and a new password. */
export const activateAccountAction = definePublicAction(resetPasswordSchema, async (i, request) => {
  const result = await resetPassword(db, { ...i, ip: request.ip }, "ACTIVATION");
  if (!result.ok) throw new InvalidInputError(result.fieldErrors as FieldErrors);
});

"use server";

import { db } from "@/lib/db";
import { defineAction } from "@/lib/actions/define-action";
import { changePassword } from "@/lib/auth/change-password";
import { changePasswordSchema } from "@/lib/auth/schemas";
import { InvalidInputError, type FieldErrors } from "@/lib/errors/app-error";

// On success the browser signs in again with the new password: the change ends every
// session opened before it, this one included. Allowed while the change is forced.
export const changePasswordAction = defineAction(
  changePasswordSchema,
  async (i, who) => {
    const result = await changePassword(db, who.actor, i);
    if (!result.ok) throw new InvalidInputError(result.fieldErrors as FieldErrors);
    return { nationalId: who.user.nationalId };
  },
  { allowMustChangePassword: true },
);

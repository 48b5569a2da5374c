"use server";

import { db } from "@/lib/db";
import { definePublicAction } from "@/lib/actions/define-action";
import { requestPasswordReset } from "@/lib/auth/password-reset";
import { resetRequestSchema } from "@/lib/auth/schemas";
import { deliverToConsole, smsProvider } from "@/lib/notify/console-adapter";

/** «فراموشی رمز عبور», first step: a code by SMS to the account's mobile (the same answer for an unknown ID). */
export const requestResetAction = definePublicAction(resetRequestSchema, async (i, request) => {
  const { notificationId } = await requestPasswordReset(db, { nationalId: i.nationalId, ip: request.ip });
  // Development (console provider): printed at once. Otherwise the outbox worker sends it within
  // seconds; both go through the same claim, so the code is never sent twice.
  if (notificationId && smsProvider() === "console") await deliverToConsole(db, notificationId);
});

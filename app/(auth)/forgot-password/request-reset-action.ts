"use server";

import { db } from "@/lib/db";
import { requestActor } from "@/lib/actions/action-context";
import { fieldErrorsOf, type ActionResult } from "@/lib/actions/result";
import { requestPasswordReset } from "@/lib/auth/password-reset";
import { resetRequestSchema } from "@/lib/auth/schemas";
import { deliverToConsole, smsProvider } from "@/lib/notify/console-adapter";

export async function requestResetAction(input: unknown): Promise<ActionResult> {
  const parsed = resetRequestSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { ip } = await requestActor();
  const { notificationId } = await requestPasswordReset(db, { nationalId: parsed.data.nationalId, ip });
  // Development (console provider): printed at once. Otherwise the outbox worker sends it within
  // seconds; both go through the same claim, so the code is never sent twice.
  if (notificationId && smsProvider() === "console") await deliverToConsole(db, notificationId);
  return { ok: true };
}

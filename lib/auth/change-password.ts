import type { Db } from "@/lib/db-client";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { ACCOUNT_LOCKED_MESSAGE, recordAccountFailure, giveBackAccountSlot, spendAccountAttempt } from "@/lib/auth/failure-counters";
import { enqueueSms } from "@/lib/notify/enqueue-sms";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { newPasswordIssue, normalizePassword } from "@/lib/auth/password-policy";
import type { ChangePasswordInput } from "@/lib/auth/schemas";

export type FieldErrors<K extends string> = Partial<Record<K, string>>;
export type ChangePasswordResult = { ok: true } | { ok: false; fieldErrors: FieldErrors<keyof ChangePasswordInput> };

export async function changePassword(
  db: Db,
  actor: AuditActor & { userId: string },
  raw: { currentPassword: string; newPassword: string },
  now = new Date(),
): Promise<ChangePasswordResult> {
  const input = { currentPassword: normalizePassword(raw.currentPassword), newPassword: normalizePassword(raw.newPassword) };
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId } });
  // Wrong current passwords count as failed sign-ins (the account's one failure counter,
  // lib/auth/failure-counters.ts): a stolen session cannot be used to guess the password
  // either. The attempt is counted atomically BEFORE the hash check, so parallel guesses
  // cannot all slip under the limit; a right password gives its count back.
  const attempt = await spendAccountAttempt(db, user, now);
  if (!attempt.allowed) return { ok: false, fieldErrors: { currentPassword: ACCOUNT_LOCKED_MESSAGE } };
  let current = await verifyPassword(user.passwordHash, input.currentPassword);
  if (!current && user.mustChangePassword && input.currentPassword === `Cra@${user.nationalId}`) {
    current = await verifyPassword(user.passwordHash, user.nationalId);
  }
  if (!current) {
    const locked = await recordAccountFailure(db, user.id, attempt.count, now);
    await db.loginAttempt.create({ data: { ip: actor.ip ?? "unknown", nationalId: user.nationalId, success: false, createdAt: now } });
    return { ok: false, fieldErrors: { currentPassword: locked ? ACCOUNT_LOCKED_MESSAGE : "رمز عبور فعلی نادرست است." } };
  }
  await giveBackAccountSlot(db, user.nationalId, now);
  const issue = newPasswordIssue(input.newPassword, {
    nationalId: user.nationalId,
    mobile: user.mobile,
    names: [user.firstName, user.lastName],
  });
  if (issue) return { ok: false, fieldErrors: { newPassword: issue } };
  if (await verifyPassword(user.passwordHash, input.newPassword)) {
    return { ok: false, fieldErrors: { newPassword: "رمز عبور جدید باید با رمز عبور فعلی متفاوت باشد." } };
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: false, passwordChangedAt: now },
    });
    await recordAudit(tx, actor, { action: "auth.password_changed", targetType: "User", targetId: user.id });
    // The account's owner hears of it, on the mobile of the registry (not one a thief could set).
    if (user.mobile)
      await enqueueSms(tx, { recipient: user.mobile, userId: user.id, template: "password-changed", data: { via: "change" } });
  });
  return { ok: true };
}

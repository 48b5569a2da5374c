import type { Db } from "@/lib/db-client";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { ACCOUNT_MAX_FAILURES, WINDOW_MS } from "@/lib/auth/sign-in";
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
  // Wrong current passwords count as failed sign-ins: a stolen session cannot be used to
  // guess the password either.
  const windowStart = new Date(now.getTime() - WINDOW_MS);
  const failures = await db.loginAttempt.count({ where: { nationalId: user.nationalId, success: false, createdAt: { gte: windowStart } } });
  if (failures >= ACCOUNT_MAX_FAILURES) {
    return { ok: false, fieldErrors: { currentPassword: "به دلیل چند تلاش ناموفق، ۱۵ دقیقه دیگر دوباره تلاش کنید." } };
  }
  let current = await verifyPassword(user.passwordHash, input.currentPassword);
  if (!current && user.mustChangePassword && input.currentPassword === `Cra@${user.nationalId}`) {
    current = await verifyPassword(user.passwordHash, user.nationalId);
  }
  if (!current) {
    await db.loginAttempt.create({ data: { ip: actor.ip ?? "unknown", nationalId: user.nationalId, success: false, createdAt: now } });
    return { ok: false, fieldErrors: { currentPassword: "رمز عبور فعلی نادرست است." } };
  }
  const issue = newPasswordIssue(input.newPassword, user.nationalId);
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
  });
  return { ok: true };
}

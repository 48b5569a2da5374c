import type { Db } from "@/lib/db-client";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { newPasswordIssue } from "@/lib/auth/password-policy";
import type { ChangePasswordInput } from "@/lib/auth/schemas";

export type FieldErrors<K extends string> = Partial<Record<K, string>>;
export type ChangePasswordResult = { ok: true } | { ok: false; fieldErrors: FieldErrors<keyof ChangePasswordInput> };

export async function changePassword(
  db: Db,
  actor: AuditActor & { userId: string },
  input: { currentPassword: string; newPassword: string },
): Promise<ChangePasswordResult> {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId } });
  let current = await verifyPassword(user.passwordHash, input.currentPassword);
  if (!current && user.mustChangePassword && input.currentPassword === `Cra@${user.nationalId}`) {
    current = await verifyPassword(user.passwordHash, user.nationalId);
  }
  if (!current) return { ok: false, fieldErrors: { currentPassword: "رمز عبور فعلی نادرست است." } };
  const issue = newPasswordIssue(input.newPassword, user.nationalId);
  if (issue) return { ok: false, fieldErrors: { newPassword: issue } };
  if (await verifyPassword(user.passwordHash, input.newPassword)) {
    return { ok: false, fieldErrors: { newPassword: "رمز عبور جدید باید با رمز عبور فعلی متفاوت باشد." } };
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: false, passwordChangedAt: new Date() },
    });
    await recordAudit(tx, actor, { action: "auth.password_changed", targetType: "User", targetId: user.id });
  });
  return { ok: true };
}

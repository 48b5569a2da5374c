import type { Db } from "@/lib/db-client";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { verifyPassword } from "@/lib/auth/password";
import { normalizePassword } from "@/lib/auth/password-policy";
import { wrongPasswordUpdate } from "@/lib/auth/sign-in";

export type PasswordConfirmation = { ok: true } | { ok: false; code: "WRONG" } | { ok: false; code: "LOCKED"; until: Date };

/**
 * Checks the password a signed-in user types again before an irreversible step (the final
 * submission). Wrong answers count toward the same lock-out as sign-in, so a session left
 * open on a shared computer cannot be used to guess the password.
 */
export async function confirmPassword(
  db: Db,
  actor: AuditActor & { userId: string },
  password: string,
  now = new Date(),
): Promise<PasswordConfirmation> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { id: true, passwordHash: true, failedAttempts: true, failedWindowStart: true, lockedUntil: true },
  });
  if (user.lockedUntil && user.lockedUntil > now) return { ok: false, code: "LOCKED", until: user.lockedUntil };
  if (await verifyPassword(user.passwordHash, normalizePassword(password))) return { ok: true };

  const { lock, failedAttempts, data } = wrongPasswordUpdate(user, now);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data });
    await recordAudit(tx, actor, {
      action: lock ? "auth.locked_out" : "auth.password_confirm_failed",
      targetType: "User",
      targetId: user.id,
      after: { reason: "wrong-password-confirmation", failedAttempts },
    });
  });
  return lock ? { ok: false, code: "LOCKED", until: data.lockedUntil! } : { ok: false, code: "WRONG" };
}

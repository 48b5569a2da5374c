import type { Db } from "@/lib/db-client";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { spendVerifyTime, verifyPassword } from "@/lib/auth/password";
import { normalizePassword, PASSWORD_MAX_LENGTH } from "@/lib/auth/password-policy";
import { giveBackAccountSlot, lockEnd, takeAccountSlot } from "@/lib/auth/failure-counters";

export type PasswordConfirmation = { ok: true } | { ok: false; code: "WRONG" } | { ok: false; code: "LOCKED"; until: Date };

/**
 * Checks the password a signed-in user types again before an irreversible step (the final
 * submission). Every try takes a slot of the same account counter as sign-in BEFORE the hash
 * is checked (lib/auth/sign-in.ts takeAccountSlot), so a session left open on a shared
 * computer cannot be used to guess the password, not even with parallel requests.
 */
export async function confirmPassword(
  db: Db,
  actor: AuditActor & { userId: string },
  password: string,
  now = new Date(),
): Promise<PasswordConfirmation> {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { id: true, nationalId: true, passwordHash: true } });
  const typed = normalizePassword(typeof password === "string" ? password : "");
  const slot = await takeAccountSlot(db, user.nationalId, now);
  if (slot.locked) {
    await spendVerifyTime(typed);
    return { ok: false, code: "LOCKED", until: slot.until };
  }
  if (typed.length > 0 && typed.length <= PASSWORD_MAX_LENGTH && (await verifyPassword(user.passwordHash, typed))) {
    await giveBackAccountSlot(db, user.nationalId, now);
    return { ok: true };
  }

  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: slot.last ? { failedAttempts: slot.attempt, lockedUntil: lockEnd(now) } : { failedAttempts: slot.attempt },
    });
    await recordAudit(tx, actor, {
      action: slot.last ? "auth.locked_out" : "auth.password_confirm_failed",
      targetType: "User",
      targetId: user.id,
      after: { reason: "wrong-password-confirmation", failedAttempts: slot.attempt },
    });
  });
  return slot.last ? { ok: false, code: "LOCKED", until: lockEnd(now) } : { ok: false, code: "WRONG" };
}

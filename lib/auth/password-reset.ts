import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import type { Db } from "@/lib/db-client";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import { newPasswordIssue, normalizePassword } from "@/lib/auth/password-policy";
import { enqueueSms } from "@/lib/notify/enqueue-sms";

// "Forgot password": a 6-digit code by SMS to the registered mobile. Stored as an HMAC
// (never in clear in this table), valid 10 minutes, single use, 5 guesses, and at most 3
// requests per account in 10 minutes. The answer to a request is the same whether or not
// the account exists or has a mobile, so the form cannot be used to find accounts.
export const CODE_TTL_MS = 10 * 60 * 1000;
export const REQUEST_WINDOW_MS = 10 * 60 * 1000;
export const MAX_REQUESTS_PER_WINDOW = 3;
export const MAX_GUESSES = 5;

function codeHash(userId: string, code: string): string {
  const key = process.env.NEXTAUTH_SECRET || "pishkhan-development-key";
  return createHmac("sha256", key).update(`${userId}:${code}`).digest("hex");
}

export type ResetRequestResult = { notificationId: string | null };

export async function requestPasswordReset(
  db: Db,
  input: { nationalId: string; ip: string | null; now?: Date },
): Promise<ResetRequestResult> {
  const now = input.now ?? new Date();
  const user = await db.user.findUnique({ where: { nationalId: input.nationalId } });
  if (!user || !user.active || !user.mobile) return { notificationId: null };
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const notification = await db.$transaction(async (tx) => {
    // Serialise requests of one account (row lock), so that concurrent requests cannot
    // all see room under the limit.
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${user.id} FOR UPDATE`;
    const recent = await tx.oneTimeCode.count({
      where: { userId: user.id, purpose: "PASSWORD_RESET", createdAt: { gte: new Date(now.getTime() - REQUEST_WINDOW_MS) } },
    });
    if (recent >= MAX_REQUESTS_PER_WINDOW) return null;
    // Only the newest code works: earlier ones are retired.
    await tx.oneTimeCode.updateMany({ where: { userId: user.id, purpose: "PASSWORD_RESET", usedAt: null }, data: { usedAt: now } });
    await tx.oneTimeCode.create({
      data: {
        userId: user.id,
        purpose: "PASSWORD_RESET",
        codeHash: codeHash(user.id, code),
        expiresAt: new Date(now.getTime() + CODE_TTL_MS),
        createdAt: now,
      },
    });
    await recordAudit(
      tx,
      { userId: user.id, role: user.role, ip: input.ip },
      {
        action: "auth.password_reset_requested",
        targetType: "User",
        targetId: user.id,
      },
    );
    return enqueueSms(tx, { recipient: user.mobile!, userId: user.id, template: "password-reset", data: { code } });
  });
  if (!notification) return { notificationId: null };
  return { notificationId: notification.id };
}

export type ResetResult = { ok: true } | { ok: false; fieldErrors: Partial<Record<"code" | "newPassword", string>> };

const WRONG_CODE = "کد تأیید نادرست یا منقضی است. در صورت نیاز کد تازه بخواهید.";

export async function resetPassword(
  db: Db,
  input: { nationalId: string; code: string; newPassword: string; ip: string | null; now?: Date },
): Promise<ResetResult> {
  const now = input.now ?? new Date();
  const user = await db.user.findUnique({ where: { nationalId: input.nationalId } });
  if (!user) return { ok: false, fieldErrors: { code: WRONG_CODE } };
  const pending = await db.oneTimeCode.findFirst({
    where: { userId: user.id, purpose: "PASSWORD_RESET", usedAt: null, expiresAt: { gt: now }, attempts: { lt: MAX_GUESSES } },
    orderBy: { createdAt: "desc" },
  });
  if (!pending) return { ok: false, fieldErrors: { code: WRONG_CODE } };
  // Spend a guess before comparing, atomically: concurrent guesses cannot exceed the limit.
  const spent = await db.oneTimeCode.updateMany({
    where: { id: pending.id, usedAt: null, attempts: { lt: MAX_GUESSES } },
    data: { attempts: { increment: 1 } },
  });
  if (spent.count !== 1) return { ok: false, fieldErrors: { code: WRONG_CODE } };
  const expected = Buffer.from(pending.codeHash, "hex");
  const given = Buffer.from(codeHash(user.id, input.code), "hex");
  if (!timingSafeEqual(expected, given)) return { ok: false, fieldErrors: { code: WRONG_CODE } };
  const issue = newPasswordIssue(input.newPassword, user.nationalId);
  if (issue) {
    // The guess was right: give it back, so fixing the password costs no attempt.
    await db.oneTimeCode.update({ where: { id: pending.id }, data: { attempts: { decrement: 1 } } });
    return { ok: false, fieldErrors: { newPassword: issue } };
  }
  const passwordHash = await hashPassword(normalizePassword(input.newPassword));
  const used = await db.$transaction(async (tx) => {
    // Single use even under a race: only one transaction can flip usedAt from null.
    const claimed = await tx.oneTimeCode.updateMany({ where: { id: pending.id, usedAt: null }, data: { usedAt: now } });
    if (claimed.count !== 1) return false;
    await tx.oneTimeCode.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: false, passwordChangedAt: now, failedAttempts: 0, lockedUntil: null },
    });
    await recordAudit(
      tx,
      { userId: user.id, role: user.role, ip: input.ip },
      {
        action: "auth.password_reset",
        targetType: "User",
        targetId: user.id,
      },
    );
    return true;
  });
  return used ? { ok: true } : { ok: false, fieldErrors: { code: WRONG_CODE } };
}

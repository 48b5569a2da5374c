import type { Db } from "@/lib/db-client";
import type { CodePurpose } from "@/lib/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import { newPasswordIssue, normalizePassword } from "@/lib/auth/password-policy";
import { checkCode, consumeCode, issueCode, CODE_TTL_MS, MAX_CODE_GUESSES, ResendTooSoonError } from "@/lib/auth/one-time-code";
import {
  ACCOUNT_LOCKED_MESSAGE,
  clearAccountFailures,
  recordAccountFailure,
  giveBackAccountSlot,
  spendAccountAttempt,
} from "@/lib/auth/failure-counters";
import { bumpCounter } from "@/lib/rate-counter";
import { enqueueSms } from "@/lib/notify/enqueue-sms";
import { RefusedError } from "@/lib/errors/app-error";

// "Forgot password": a 6-digit one-time code (lib/auth/one-time-code.ts: hashed, 10 minutes,
// 5 guesses, a new one at most every 60 s) by SMS to the registered mobile.
//
// Flooding: every request counts, atomically (RateCounter), per IP and per typed national ID
// before anything is looked up; codes actually issued count against an hourly cap for the
// whole system. The answer is the same whether or not the account exists or has a mobile.
// Guessing: every code checked counts into the account's sign-in failures (the same counter
// as wrong passwords, lib/auth/failure-counters.ts), spent before the comparison; a locked
// account refuses even the right code.

export { CODE_TTL_MS };
export const MAX_GUESSES = MAX_CODE_GUESSES;
export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

export type ResetLimits = {
  /** Requests from one IP address per hour (an office behind one NAT stays well below it). */
  perIpPerHour: number;
  /** Requests for one national ID per hour and per day. */
  perAccountPerHour: number;
  perAccountPerDay: number;
  /** Codes issued by SMS in the whole system per hour: what a botnet can cost us. */
  codesPerHour: number;
};

export const RESET_LIMITS: ResetLimits = { perIpPerHour: 10, perAccountPerHour: 3, perAccountPerDay: 6, codesPerHour: 300 };

export const TOO_MANY_REQUESTS_MESSAGE = "درخواست‌های کد بازیابی بیش از حد مجاز است. یک ساعت دیگر دوباره تلاش کنید.";

export type ResetRequestResult = { notificationId: string | null };

/**
 * A reset code for `nationalId`, if the account exists, is active and has a mobile. Refused
 * (RefusedError) only for the request's own rate — the IP or the typed national ID, which
 * do not depend on the account existing; otherwise always the same answer.
 */
export async function requestPasswordReset(
  db: Db,
  input: { nationalId: string; ip: string | null; now?: Date; limits?: Partial<ResetLimits> },
): Promise<ResetRequestResult> {
  const now = input.now ?? new Date();
  const limits = { ...RESET_LIMITS, ...input.limits };
  const ip = (input.ip ?? "unknown").slice(0, 64);
  const [byIp, byAccountHour, byAccountDay] = await Promise.all([
    bumpCounter(db, `reset:ip:${ip}`, HOUR_MS, now),
    bumpCounter(db, `reset:account:h:${input.nationalId}`, HOUR_MS, now),
    bumpCounter(db, `reset:account:d:${input.nationalId}`, DAY_MS, now),
  ]);
  if (byIp > limits.perIpPerHour || byAccountHour > limits.perAccountPerHour || byAccountDay > limits.perAccountPerDay) {
    throw new RefusedError(TOO_MANY_REQUESTS_MESSAGE);
  }

  const user = await db.user.findUnique({ where: { nationalId: input.nationalId } });
  if (!user || !user.active || !user.mobile) return { notificationId: null };
  // The system-wide cap: past it, nobody gets a code this hour (and nobody is told).
  if ((await bumpCounter(db, "reset:codes", HOUR_MS, now)) > limits.codesPerHour) {
    console.error("[auth] ALERT: password-reset codes over the hourly cap; no code sent");
    return { notificationId: null };
  }
  try {
    const notification = await db.$transaction(async (tx) => {
      const issued = await issueCode(tx, { userId: user.id, purpose: "PASSWORD_RESET", sentTo: user.mobile, now });
      await recordAudit(
        tx,
        { userId: user.id, role: user.role, ip: input.ip },
        { action: "auth.password_reset_requested", targetType: "User", targetId: user.id },
      );
      return enqueueSms(tx, { recipient: user.mobile!, userId: user.id, template: "password-reset", data: { code: issued.code } });
    });
    return { notificationId: notification.id };
  } catch (e) {
    // A second request within 60 s: the first code is on its way; the same answer.
    if (e instanceof ResendTooSoonError) return { notificationId: null };
    throw e;
  }
}

export type ResetResult = { ok: true } | { ok: false; fieldErrors: Partial<Record<"code" | "newPassword", string>> };

export const WRONG_CODE = "کد تأیید نادرست یا منقضی است. در صورت نیاز کد تازه بخواهید.";

/**
 * Sets a new password with a one-time code of `purpose` (a forgotten password, or an
 * activation code from the region). The new password is checked first (it costs no guess);
 * then one attempt is counted on the account, the code compared, and on success the code
 * used up, the password stored, the lock-out cleared and the holder told by SMS.
 */
export async function resetPassword(
  db: Db,
  input: { nationalId: string; code: string; newPassword: string; ip: string | null; now?: Date },
  purpose: Extract<CodePurpose, "PASSWORD_RESET" | "ACTIVATION"> = "PASSWORD_RESET",
): Promise<ResetResult> {
  const now = input.now ?? new Date();
  const user = await db.user.findUnique({ where: { nationalId: input.nationalId } });
  const issue = newPasswordIssue(input.newPassword, {
    nationalId: input.nationalId,
    mobile: user?.mobile,
    names: user ? [user.firstName, user.lastName] : [],
  });
  if (issue) return { ok: false, fieldErrors: { newPassword: issue } };

  // Counted whether or not the account exists, before the comparison.
  const attempt = await spendAccountAttempt(db, { nationalId: input.nationalId, lockedUntil: user?.lockedUntil }, now);
  if (!attempt.allowed) return { ok: false, fieldErrors: { code: ACCOUNT_LOCKED_MESSAGE } };
  const checked = user ? await checkCode(db, { userId: user.id, purpose, code: input.code, now, keep: true }) : { ok: false as const };
  if (!checked.ok) {
    const locked = await recordAccountFailure(db, user?.id ?? null, attempt.count, now);
    if (user) {
      await db.$transaction((tx) =>
        recordAudit(
          tx,
          { userId: user.id, role: user.role, ip: input.ip },
          { action: locked ? "auth.locked_out" : "auth.code_failed", targetType: "User", targetId: user.id, after: { purpose } },
        ),
      );
    }
    return { ok: false, fieldErrors: { code: locked ? ACCOUNT_LOCKED_MESSAGE : WRONG_CODE } };
  }
  await giveBackAccountSlot(db, input.nationalId, now);

  const passwordHash = await hashPassword(normalizePassword(input.newPassword));
  const account = user!;
  const used = await db.$transaction(async (tx) => {
    // Single use even under a race: only one transaction can flip usedAt from null.
    if (!(await consumeCode(tx, checked.id, now))) return false;
    await tx.oneTimeCode.updateMany({ where: { userId: account.id, usedAt: null }, data: { usedAt: now } });
    await tx.user.update({
      where: { id: account.id },
      data: { passwordHash, mustChangePassword: false, passwordChangedAt: now, sessionGeneration: { increment: 1 } },
    });
    await clearAccountFailures(tx, account, now);
    await recordAudit(
      tx,
      { userId: account.id, role: account.role, ip: input.ip },
      { action: purpose === "ACTIVATION" ? "auth.account_activated" : "auth.password_reset", targetType: "User", targetId: account.id },
    );
    if (account.mobile) {
      await enqueueSms(tx, {
        recipient: account.mobile,
        userId: account.id,
        template: "password-changed",
        data: { via: purpose === "ACTIVATION" ? "activation" : "reset" },
      });
    }
    return true;
  });
  return used ? { ok: true } : { ok: false, fieldErrors: { code: WRONG_CODE } };
}

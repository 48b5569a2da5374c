import type { Db } from "@/lib/db-client";
import type { Role } from "@/lib/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/record-audit";
import { normalizeNationalId, isValidNationalId } from "@/lib/validation/national-id";
import { defaultPasswordCandidates, isFullCostHash, spendVerifyTime, verifyPassword } from "@/lib/auth/password";
import { normalizePassword, PASSWORD_MAX_LENGTH } from "@/lib/auth/password-policy";
import { bumpCounter } from "@/lib/rate-counter";
import { clearAccountCounter, giveBackAccountSlot, lockEnd, SIGN_IN_WINDOW_MS, takeAccountSlot } from "@/lib/auth/failure-counters";
import { checkCode, issueCode, maskMobile, pendingCode, RESEND_AFTER_MS, ResendTooSoonError } from "@/lib/auth/one-time-code";
import { enqueueSms } from "@/lib/notify/enqueue-sms";
import { checkSecondFactor } from "@/lib/auth/totp";
import { toAsciiDigits } from "@/lib/validation/normalize";

// Sign-in rules (docs/decisions/0003 and 0013). Two atomic counters (RateCounter, fixed
// 15-minute windows), both bumped BEFORE the password hash is checked:
//  - accountCounterKey(typed national ID): ACCOUNT_MAX_FAILURES per window, then "locked"
//    until the window ends — the same for an unknown national ID, so nothing tells whether an
//    account exists (the answer and the argon2 work are the same);
//  - ipCounterKey(client address, lib/auth/request-context.ts): IP_MAX_FAILURES per window.
// An attempt takes one slot of each. It gives it back when the password was right (a sign-in,
// or a specific refusal: licence, deactivated, a code or second factor still to give); a
// successful sign-in clears the account's window. A wrong password, a wrong SMS code and a
// wrong second factor keep their slot. Parallel requests get 1, 2, 3 … from the counter, so
// no more than ACCOUNT_MAX_FAILURES hashes are ever checked per account and window.
//
// The account counter is the one of lib/auth/failure-counters.ts, shared by every place a
// secret of the account is checked (the password asked again at submission, the password
// change, one-time codes).
export { ACCOUNT_MAX_FAILURES, accountCounterKey, SIGN_IN_WINDOW_MS } from "@/lib/auth/failure-counters";
/** How long a lock lasts at most: to the end of the counter window it was reached in. */
export const LOCK_MS = SIGN_IN_WINDOW_MS;
export const IP_MAX_FAILURES = 30;

/** The failures counter of a client address (clientIp's answer). */
export const ipCounterKey = (ip: string) => `auth:fail:ip:${ip}`;

export type SignInFailure =
  | { ok: false; code: "INVALID" }
  | { ok: false; code: "LOCKED"; until: Date }
  | { ok: false; code: "IP_LIMITED" }
  | { ok: false; code: "LICENCE"; licence: "EXPIRED" | "INCOMPLETE" | "MISSING"; regionId: number | null }
  | { ok: false; code: "INACTIVE" }
  /** First sign-in with a default password: a code went by SMS to `sentTo` (masked). */
  | { ok: false; code: "CODE_REQUIRED"; sentTo: string; resendAt: Date }
  | { ok: false; code: "CODE_INVALID"; sentTo: string; resendAt: Date }
  /** First sign-in with a default password, and no mobile on file: call the region. */
  | { ok: false; code: "NO_MOBILE"; regionId: number | null }
  /** Staff with an enrolled second factor: the app's code (or a recovery code) is needed. */
  | { ok: false; code: "TOTP_REQUIRED" }
  | { ok: false; code: "TOTP_INVALID" };

export type SignInSuccess = { ok: true; user: { id: string; role: Role; mustChangePassword: boolean } };

export type SignInInput = {
  nationalId: unknown;
  password: unknown;
  /** The SMS code of a first sign-in with a default password. */
  code?: unknown;
  /** The staff's second factor: a TOTP or a recovery code. */
  totp?: unknown;
  ip: string | null;
  userAgent?: string | null;
  now?: Date;
  /** Called after a committed SMS (the first-sign-in code): development prints it at once. */
  onSmsQueued?: (notificationId: string) => Promise<void>;
};

/** NUL and lone surrogates: PostgreSQL refuses the first, and neither belongs in a national ID or a password. */
function hasUnsafeText(s: string): boolean {
  return /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
}

const text = (v: unknown, max: number) => (typeof v === "string" ? v.slice(0, max) : "");

export async function attemptSignIn(db: Db, input: SignInInput): Promise<SignInSuccess | SignInFailure> {
  const now = input.now ?? new Date();
  const ip = (input.ip ?? "unknown").slice(0, 64);
  const rawId = text(input.nationalId, 64);
  const rawPassword = typeof input.password === "string" ? input.password : "";
  const malformedText = hasUnsafeText(rawId) || hasUnsafeText(rawPassword.slice(0, PASSWORD_MAX_LENGTH + 1));
  const password = malformedText ? "" : normalizePassword(rawPassword);
  const nationalId = malformedText ? "" : normalizeNationalId(rawId);
  const code = text(input.code, 32).trim();
  const secondFactor = text(input.totp, 64).trim();
  const actorOf = (user: { id: string; role: Role } | null) => ({
    userId: user?.id ?? null,
    role: user?.role ?? null,
    ip,
    userAgent: input.userAgent,
  });

  const ipCount = await bumpCounter(db, ipCounterKey(ip), SIGN_IN_WINDOW_MS, now);
  if (ipCount > IP_MAX_FAILURES) return { ok: false, code: "IP_LIMITED" };
  const giveBackIpSlot = () => bumpCounter(db, ipCounterKey(ip), SIGN_IN_WINDOW_MS, now, -1);

  // Malformed input: the same answer as a wrong password, the same argon2 work, no account touched.
  if (!isValidNationalId(nationalId) || password.length === 0 || password.length > PASSWORD_MAX_LENGTH) {
    await spendVerifyTime(password);
    await db.$transaction(async (tx) => {
      await tx.loginAttempt.create({ data: { ip, nationalId: nationalId || null, success: false, createdAt: now } });
      await recordAudit(tx, actorOf(null), {
        action: "auth.sign_in_failed",
        targetType: "User",
        targetId: null,
        after: { reason: "malformed" },
      });
    });
    return { ok: false, code: "INVALID" };
  }

  // The account's slot, taken before the hash is checked: a locked national ID answers the
  // same, after the same work, whether or not an account has it. The account's row also
  // carries a lock (set at the same window end by every path that counts, or by hand) that
  // the head office sees and clears.
  const slot = await takeAccountSlot(db, nationalId, now);
  const user = await db.user.findUnique({
    where: { nationalId },
    include: { office: { include: { licences: { orderBy: { expiresAt: "desc" }, take: 1 }, province: true } } },
  });
  const rowLock = user?.lockedUntil && user.lockedUntil > now ? user.lockedUntil : null;
  if (slot.locked || rowLock) {
    await spendVerifyTime(password);
    const until = slot.locked ? slot.until : rowLock!;
    return { ok: false, code: "LOCKED", until: rowLock && rowLock > until ? rowLock : until };
  }
  const locked: SignInFailure = { ok: false, code: "LOCKED", until: lockEnd(now) };

  // One argon2 verification at full cost for everyone: an unknown ID against a dummy hash; a
  // "Cra@" + national ID default password is checked as the national ID it stands for; a
  // registry-imported default hash (cheap, docs/decisions/0011) is topped up to full cost.
  const isDefaultForm = !!user?.mustChangePassword && defaultPasswordCandidates(nationalId).includes(password);
  let valid = false;
  if (!user) await spendVerifyTime(password);
  else {
    valid = await verifyPassword(user.passwordHash, isDefaultForm ? nationalId : password);
    if (!isFullCostHash(user.passwordHash)) await spendVerifyTime(password);
  }

  const fail = async (reason: string, extra: Record<string, string | number> = {}) => {
    await db.$transaction(async (tx) => {
      // The account's row mirrors the lock for the head office's list (the counter decides).
      await tx.user.updateMany({
        where: { nationalId },
        data: slot.last ? { failedAttempts: slot.attempt, lockedUntil: lockEnd(now) } : { failedAttempts: slot.attempt },
      });
      await tx.loginAttempt.create({ data: { ip, nationalId, success: false, createdAt: now } });
      await recordAudit(tx, actorOf(user), {
        action: slot.last ? "auth.locked_out" : "auth.sign_in_failed",
        targetType: "User",
        targetId: user?.id ?? null,
        after: { reason, failedAttempts: slot.attempt, ...extra },
      });
    });
  };

  if (!user || !valid) {
    // Unknown accounts and wrong passwords write the same rows (the update matches none for the first).
    await fail(user ? "wrong-password" : "unknown-account");
    return slot.last ? locked : { ok: false, code: "INVALID" };
  }

  // The password is right: from here on the answers may be specific to the account.
  const refuse = async (failure: SignInFailure, reason: string) => {
    await giveBackAccountSlot(db, nationalId, now);
    await giveBackIpSlot();
    await db.$transaction(async (tx) => {
      await tx.loginAttempt.create({ data: { ip, nationalId, success: true, createdAt: now } });
      await recordAudit(tx, actorOf(user), { action: "auth.sign_in_refused", targetType: "User", targetId: user.id, after: { reason } });
    });
    return failure;
  };

  if (!user.active) return refuse({ ok: false, code: "INACTIVE" }, "inactive");

  const regionId = user.office?.province.regionId ?? null;
  if (user.role === "HOLDER") {
    const licence = user.office?.licences[0];
    if (!licence) return refuse({ ok: false, code: "LICENCE", licence: "MISSING", regionId }, "no-licence");
    const expired = licence.status === "EXPIRED" || licence.expiresAt <= now;
    if (expired) return refuse({ ok: false, code: "LICENCE", licence: "EXPIRED", regionId }, "licence-expired");
    if (licence.status === "INCOMPLETE") {
      return refuse({ ok: false, code: "LICENCE", licence: "INCOMPLETE", regionId }, "licence-incomplete");
    }
  }

  // A default password is known to anyone who knows the national ID: the first sign-in with it
  // is confirmed by a code sent to the mobile the licence registry has for the holder.
  if (isDefaultForm) {
    if (!user.mobile) return refuse({ ok: false, code: "NO_MOBILE", regionId }, "default-password-no-mobile");
    if (!code) {
      const sent = await sendFirstSignInCode(db, { id: user.id, mobile: user.mobile }, now);
      if (sent.notificationId) await input.onSmsQueued?.(sent.notificationId);
      return refuse(
        { ok: false, code: "CODE_REQUIRED", sentTo: sent.sentTo, resendAt: sent.resendAt },
        sent.issued ? "first-sign-in-code-sent" : "first-sign-in-code-pending",
      );
    }
    const checked = await checkCode(db, { userId: user.id, purpose: "FIRST_SIGN_IN", code: normalizeCode(code), now });
    if (!checked.ok) {
      const pending = await pendingCode(db, user.id, "FIRST_SIGN_IN", now);
      await fail("wrong-first-sign-in-code");
      if (slot.last) return locked;
      return {
        ok: false,
        code: "CODE_INVALID",
        sentTo: pending?.sentTo ?? maskMobile(user.mobile),
        resendAt: pending ? new Date(pending.createdAt.getTime() + RESEND_AFTER_MS) : now,
      };
    }
  }

  // Staff with an enrolled second factor give it too (an unenrolled one is sent to enrol it
  // before anything else: lib/auth/current-user.ts).
  if (user.role !== "HOLDER" && user.totpEnabledAt) {
    if (!secondFactor) return refuse({ ok: false, code: "TOTP_REQUIRED" }, "second-factor-required");
    const factor = await checkSecondFactor(db, user, secondFactor, now);
    if (!factor.ok) {
      await fail("wrong-second-factor");
      return slot.last ? locked : { ok: false, code: "TOTP_INVALID" };
    }
  }

  await clearAccountCounter(db, nationalId, now);
  await giveBackIpSlot();
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { failedAttempts: 0, failedWindowStart: null, lockedUntil: null, lastLoginAt: now },
    });
    await tx.loginAttempt.create({ data: { ip, nationalId, success: true, createdAt: now } });
    await recordAudit(tx, actorOf(user), {
      action: "auth.sign_in",
      targetType: "User",
      targetId: user.id,
      after: isDefaultForm ? { confirmedBy: "sms-code" } : undefined,
    });
  });
  return { ok: true, user: { id: user.id, role: user.role, mustChangePassword: user.mustChangePassword } };
}

function normalizeCode(code: string): string {
  return toAsciiDigits(code).replace(/\s/g, "");
}

/**
 * Issues the first-sign-in code and queues its SMS in one transaction; within 60 s of the
 * previous one, nothing new is sent and the pending code's number and resend time are given.
 */
async function sendFirstSignInCode(
  db: Db,
  user: { id: string; mobile: string },
  now: Date,
): Promise<{ sentTo: string; resendAt: Date; issued: boolean; notificationId: string | null }> {
  try {
    const sms = await db.$transaction(async (tx) => {
      const c = await issueCode(tx, { userId: user.id, purpose: "FIRST_SIGN_IN", sentTo: user.mobile, now });
      return enqueueSms(tx, {
        recipient: user.mobile,
        userId: user.id,
        template: "one-time-code",
        data: { purpose: "FIRST_SIGN_IN", code: c.code },
      });
    });
    return { sentTo: maskMobile(user.mobile), resendAt: new Date(now.getTime() + RESEND_AFTER_MS), issued: true, notificationId: sms.id };
  } catch (e) {
    if (!(e instanceof ResendTooSoonError)) throw e;
    const pending = await pendingCode(db, user.id, "FIRST_SIGN_IN", now);
    return {
      sentTo: pending?.sentTo ?? maskMobile(user.mobile),
      resendAt: new Date(now.getTime() + e.retryAfterMs),
      issued: false,
      notificationId: null,
    };
  }
}

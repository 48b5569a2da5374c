import type { Db } from "@/lib/db-client";
import type { Role } from "@/lib/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/record-audit";
import { normalizeNationalId, isValidNationalId } from "@/lib/validation/national-id";
import { defaultPasswordCandidates, spendVerifyTime, verifyPassword } from "@/lib/auth/password";
import { normalizePassword, PASSWORD_MAX_LENGTH } from "@/lib/auth/password-policy";

// Sign-in rules: 5 failures of one account in 15 minutes lock it for 15
// minutes; one IP address gets at most IP_MAX_FAILURES failures per window. Counting is
// done on LoginAttempt rows keyed by the typed national ID, so an unknown national ID
// "locks" exactly like a real one and the answers never tell whether an account exists.
export const WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;
export const ACCOUNT_MAX_FAILURES = 5;
export const IP_MAX_FAILURES = 30;

/**
 * The account counters after one more wrong password (at sign-in, or when the password is
 * asked again before a final submission): the 5th failure in the window locks the account.
 */
export function wrongPasswordUpdate(
  user: { failedAttempts: number; failedWindowStart: Date | null; lockedUntil: Date | null },
  now: Date,
): { lock: boolean; failedAttempts: number; data: { failedAttempts: number; failedWindowStart: Date | null; lockedUntil: Date | null } } {
  const inWindow = user.failedWindowStart !== null && user.failedWindowStart >= new Date(now.getTime() - WINDOW_MS);
  const failedAttempts = inWindow ? user.failedAttempts + 1 : 1;
  const lock = failedAttempts >= ACCOUNT_MAX_FAILURES;
  return {
    lock,
    failedAttempts,
    data: {
      failedAttempts: lock ? 0 : failedAttempts,
      failedWindowStart: inWindow ? user.failedWindowStart : now,
      lockedUntil: lock ? new Date(now.getTime() + LOCK_MS) : user.lockedUntil,
    },
  };
}

export type SignInFailure =
  | { ok: false; code: "INVALID" }
  | { ok: false; code: "LOCKED"; until: Date }
  | { ok: false; code: "IP_LIMITED" }
  | { ok: false; code: "LICENCE"; licence: "EXPIRED" | "INCOMPLETE" | "MISSING"; regionId: number | null }
  | { ok: false; code: "INACTIVE" };

export type SignInSuccess = { ok: true; user: { id: string; role: Role; mustChangePassword: boolean } };

export type SignInInput = { nationalId: unknown; password: unknown; ip: string | null; userAgent?: string | null; now?: Date };

export async function attemptSignIn(db: Db, input: SignInInput): Promise<SignInSuccess | SignInFailure> {
  const now = input.now ?? new Date();
  const ip = (input.ip ?? "unknown").slice(0, 64);
  const rawId = typeof input.nationalId === "string" ? input.nationalId.slice(0, 64) : "";
  const password = typeof input.password === "string" ? normalizePassword(input.password) : "";
  const nationalId = normalizeNationalId(rawId);
  const windowStart = new Date(now.getTime() - WINDOW_MS);

  const ipFailures = await db.loginAttempt.count({ where: { ip, success: false, createdAt: { gte: windowStart } } });
  if (ipFailures >= IP_MAX_FAILURES) return { ok: false, code: "IP_LIMITED" };

  const fail = async (userId: string | null, reason: string) => {
    await db.$transaction(async (tx) => {
      await tx.loginAttempt.create({ data: { ip, nationalId: nationalId || null, success: false, createdAt: now } });
      await recordAudit(
        tx,
        { userId, role: null, ip, userAgent: input.userAgent },
        {
          action: "auth.sign_in_failed",
          targetType: "User",
          targetId: userId,
          after: { reason },
        },
      );
    });
  };

  // Malformed input: same answer as a wrong password, without touching any account.
  if (!isValidNationalId(nationalId) || password.length === 0 || password.length > PASSWORD_MAX_LENGTH) {
    await spendVerifyTime(password);
    await fail(null, "malformed");
    return { ok: false, code: "INVALID" };
  }

  const user = await db.user.findUnique({
    where: { nationalId },
    include: { office: { include: { licences: { orderBy: { expiresAt: "desc" }, take: 1 }, province: true } } },
  });

  const accountFailures = await db.loginAttempt.count({
    where: { nationalId, success: false, createdAt: { gte: windowStart } },
  });
  const lockedUntil =
    user?.lockedUntil && user.lockedUntil > now
      ? user.lockedUntil
      : !user && accountFailures >= ACCOUNT_MAX_FAILURES
        ? new Date(now.getTime() + LOCK_MS)
        : null;
  if (lockedUntil) {
    await spendVerifyTime(password);
    return { ok: false, code: "LOCKED", until: lockedUntil };
  }

  if (!user) {
    await spendVerifyTime(password);
    await fail(null, "unknown-account");
    return accountFailures + 1 >= ACCOUNT_MAX_FAILURES
      ? { ok: false, code: "LOCKED", until: new Date(now.getTime() + LOCK_MS) }
      : { ok: false, code: "INVALID" };
  }

  let valid = await verifyPassword(user.passwordHash, password);
  // The guide gives two forms of the initial password; both work until it is changed.
  if (!valid && user.mustChangePassword && password === `Cra@${nationalId}`) {
    const [plain] = defaultPasswordCandidates(nationalId);
    valid = await verifyPassword(user.passwordHash, plain!);
  }

  if (!valid) {
    const { lock, failedAttempts, data } = wrongPasswordUpdate(user, now);
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data });
      await tx.loginAttempt.create({ data: { ip, nationalId, success: false, createdAt: now } });
      await recordAudit(
        tx,
        { userId: user.id, role: user.role, ip, userAgent: input.userAgent },
        {
          action: lock ? "auth.locked_out" : "auth.sign_in_failed",
          targetType: "User",
          targetId: user.id,
          after: { reason: "wrong-password", failedAttempts },
        },
      );
    });
    return lock ? { ok: false, code: "LOCKED", until: new Date(now.getTime() + LOCK_MS) } : { ok: false, code: "INVALID" };
  }

  // The password is right: from here on the answers may be specific to the account.
  const refuse = async (failure: SignInFailure, reason: string) => {
    await db.$transaction(async (tx) => {
      await tx.loginAttempt.create({ data: { ip, nationalId, success: true, createdAt: now } });
      await recordAudit(
        tx,
        { userId: user.id, role: user.role, ip, userAgent: input.userAgent },
        {
          action: "auth.sign_in_refused",
          targetType: "User",
          targetId: user.id,
          after: { reason },
        },
      );
    });
    return failure;
  };

  if (!user.active) return refuse({ ok: false, code: "INACTIVE" }, "inactive");

  if (user.role === "HOLDER") {
    const licence = user.office?.licences[0];
    const regionId = user.office?.province.regionId ?? null;
    if (!licence) return refuse({ ok: false, code: "LICENCE", licence: "MISSING", regionId }, "no-licence");
    const expired = licence.status === "EXPIRED" || licence.expiresAt <= now;
    if (expired) return refuse({ ok: false, code: "LICENCE", licence: "EXPIRED", regionId }, "licence-expired");
    if (licence.status === "INCOMPLETE") {
      return refuse({ ok: false, code: "LICENCE", licence: "INCOMPLETE", regionId }, "licence-incomplete");
    }
  }

  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { failedAttempts: 0, failedWindowStart: null, lockedUntil: null, lastLoginAt: now },
    });
    await tx.loginAttempt.create({ data: { ip, nationalId, success: true, createdAt: now } });
    await recordAudit(
      tx,
      { userId: user.id, role: user.role, ip, userAgent: input.userAgent },
      {
        action: "auth.sign_in",
        targetType: "User",
        targetId: user.id,
      },
    );
  });
  return { ok: true, user: { id: user.id, role: user.role, mustChangePassword: user.mustChangePassword } };
}

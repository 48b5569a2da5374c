import { randomInt } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/lib/db-client";
import type { Role } from "@/lib/generated/prisma/enums";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Caller } from "@/lib/authz/guards";
import { scopeOf } from "@/lib/authz/permissions";
import { InvalidInputError, NotFoundError, RefusedError } from "@/lib/errors/app-error";
import { hashPassword } from "@/lib/auth/password";
import { clearAccountCounter } from "@/lib/auth/failure-counters";
import { clearSecondFactor } from "@/lib/auth/totp";
import { mobileField, nationalIdField, optionalField, persianNameFieldFor } from "@/lib/validation/fields";

// The head office's management of staff accounts (experts of a region, admins): create,
// deactivate / reactivate, reset the password to a temporary one shown once, unlock, reset
// the second factor (a colleague's lost phone; audited as user.reset_totp).
// Only holders of `user:manage:any`; anyone else gets "not found". Holders' accounts come
// from the licence registry (lib/registry), not from here.

function requireManager(caller: Caller) {
  if (scopeOf(caller.role, "user:manage") !== "any") throw new NotFoundError("user");
}

/** A temporary password the user must change at first sign-in: 12 characters, no look-alikes. */
export function temporaryPassword(random: (max: number) => number = randomInt): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  return Array.from({ length: 12 }, () => alphabet[random(alphabet.length)]).join("");
}

export const createStaffInput = z
  .object({
    nationalId: nationalIdField,
    firstName: persianNameFieldFor("نام"),
    lastName: persianNameFieldFor("نام خانوادگی"),
    mobile: optionalField(mobileField),
    role: z.enum(["EXPERT", "ADMIN"], { error: "نقش را انتخاب کنید." }),
    regionId: z.preprocess(
      (v) => (v === "" || v === null || v === undefined ? undefined : Number(v)),
      z.number().int().min(1).max(9).optional(),
    ),
  })
  .refine((v) => v.role !== "EXPERT" || v.regionId !== undefined, { error: "منطقه کارشناس را انتخاب کنید.", path: ["regionId"] });

export async function createStaffAccount(db: Db, actor: AuditActor, caller: Caller, input: z.output<typeof createStaffInput>) {
  requireManager(caller);
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { nationalId: input.nationalId }, select: { id: true } })) {
      throw new InvalidInputError({ nationalId: "حسابی با این کد ملی وجود دارد." });
    }
    const user = await tx.user.create({
      data: {
        nationalId: input.nationalId,
        firstName: input.firstName,
        lastName: input.lastName,
        mobile: input.mobile ?? null,
        role: input.role as Role,
        regionId: input.role === "EXPERT" ? input.regionId! : null,
        passwordHash,
        mustChangePassword: true,
      },
    });
    await recordAudit(tx, actor, {
      action: "user.created",
      targetType: "User",
      targetId: user.id,
      after: { role: user.role, regionId: user.regionId },
    });
    return { userId: user.id, temporaryPassword: password };
  });
}

export const STAFF_ACCOUNT_ACTIONS = ["deactivate", "activate", "reset_password", "unlock", "end_sessions", "reset_totp"] as const;
export type StaffAccountAction = (typeof STAFF_ACCOUNT_ACTIONS)[number];

/** One change to a staff account. A reset returns the temporary password (shown once). */
export async function changeStaffAccount(db: Db, actor: AuditActor, caller: Caller, input: { userId: string; action: StaffAccountAction }) {
  requireManager(caller);
  if (!STAFF_ACCOUNT_ACTIONS.includes(input.action)) throw new RefusedError("درخواست نامعتبر است.");
  const password = input.action === "reset_password" ? temporaryPassword() : null;
  const passwordHash = password ? await hashPassword(password) : null;
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: input.userId },
      select: { id: true, role: true, active: true, nationalId: true },
    });
    if (!user || user.role === "HOLDER") throw new NotFoundError("user");
    if (user.id === caller.id && input.action === "deactivate") throw new RefusedError("نمی‌توانید حساب خودتان را غیرفعال کنید.");
    if (user.id === caller.id && input.action === "reset_totp") {
      throw new RefusedError("ورود دومرحله‌ای حساب خودتان را همکار دیگری از دفتر نظارت باید بازنشانی کند.");
    }
    // The sign-in lock is the account's failure counter (lib/auth/sign-in.ts): an unlock clears it too.
    if (input.action === "unlock") await clearAccountCounter(tx, user.nationalId);
    // A lost phone: the factor and its recovery codes go; the colleague enrols again at next sign-in.
    if (input.action === "reset_totp") await clearSecondFactor(tx, user.id);
    const data =
      input.action === "deactivate"
        ? { active: false }
        : input.action === "activate"
          ? { active: true }
          : input.action === "unlock"
            ? { lockedUntil: null, failedAttempts: 0, failedWindowStart: null }
            : input.action === "end_sessions" || input.action === "reset_totp"
              ? {}
              : {
                  passwordHash: passwordHash!,
                  mustChangePassword: true,
                  passwordChangedAt: new Date(),
                  lockedUntil: null,
                  failedAttempts: 0,
                };
    // Every change but an unlock ends the account's sessions: a deactivated account's old
    // cookies do not come back with a reactivation, and a reset or "sign out everywhere" ends
    // whatever session a thief may hold.
    const endSessions = input.action !== "unlock" ? { sessionGeneration: { increment: 1 } } : {};
    await tx.user.update({ where: { id: user.id }, data: { ...data, ...endSessions } });
    // An expert taken off duty leaves the region's pool with their files unassigned.
    if (input.action === "deactivate") await tx.declaration.updateMany({ where: { assigneeId: user.id }, data: { assigneeId: null } });
    await recordAudit(tx, actor, { action: `user.${input.action}`, targetType: "User", targetId: user.id });
    return { temporaryPassword: password };
  });
}

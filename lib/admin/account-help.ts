import { z } from "zod";
import type { Db, Tx } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Caller } from "@/lib/authz/guards";
import { scopeOf } from "@/lib/authz/permissions";
import { InvalidInputError, NotFoundError } from "@/lib/errors/app-error";
import { accountLocked, clearAccountFailures } from "@/lib/auth/failure-counters";
import { issueCode, maskMobile } from "@/lib/auth/one-time-code";
import { enqueueSms } from "@/lib/notify/enqueue-sms";
import { isValidNationalId, normalizeNationalId } from "@/lib/validation/national-id";
import { toAsciiDigits } from "@/lib/validation/normalize";
import { recordId } from "@/lib/validation/record-id";

// Account help by the region: a holder who lost their password or locked themselves out
// calls their region. The region's expert (only for holders whose office lies in a province
// of their region) or the head office finds the holder by national ID or office code, and
// may unlock the account or issue a one-time activation code (purpose ACTIVATION, valid 60
// minutes, 5 guesses, counted into the account's lock-out like any code). The code is shown
// once to the expert, to read out on the phone, or sent by SMS to the registry's mobile; on
// /forgot-password/activate the holder sets a new password with it. Every step is audited and the holder
// gets an SMS that it happened. Anything outside the caller's scope is "not found".

export const ACTIVATION_TTL_MS = 60 * 60 * 1000;

const HOLDER_NOT_FOUND = "دارنده پروانه‌ای با این مشخصات در حوزه شما یافت نشد.";

/** The holders `caller` may help, as a WHERE on User; NotFoundError for anyone without the permission. */
function helpScope(caller: Caller): Prisma.UserWhereInput {
  const scope = scopeOf(caller.role, "account:help");
  if (scope === "any") return { role: "HOLDER" };
  if (scope === "region" && caller.regionId !== null)
    return { role: "HOLDER", office: { is: { province: { regionId: caller.regionId } } } };
  throw new NotFoundError("holder", HOLDER_NOT_FOUND);
}

export const findHolderInput = z.object({
  query: z
    .string({ error: "کد ملی یا کد دفتر را وارد کنید." })
    .max(64, { error: "کد ملی یا کد دفتر را درست وارد کنید." })
    .transform((s) => toAsciiDigits(s).trim())
    .refine((s) => s.length > 0, { error: "کد ملی یا کد دفتر را وارد کنید." }),
});

const HOLDER_SELECT = {
  id: true,
  nationalId: true,
  firstName: true,
  lastName: true,
  mobile: true,
  active: true,
  lockedUntil: true,
  mustChangePassword: true,
  office: { select: { code: true, name: true, province: { select: { name: true } } } },
} as const satisfies Prisma.UserSelect;

export type HolderForHelp = {
  userId: string;
  nationalId: string;
  name: string;
  officeCode: string | null;
  officeName: string | null;
  province: string | null;
  mobile: string | null;
  active: boolean;
  locked: boolean;
  mustChangePassword: boolean;
};

async function loadHolder(db: Db | Tx, caller: Caller, where: Prisma.UserWhereInput) {
  const user = await db.user.findFirst({ where: { AND: [helpScope(caller), where] }, select: HOLDER_SELECT });
  if (!user) throw new NotFoundError("holder", HOLDER_NOT_FOUND);
  return user;
}

async function view(db: Db | Tx, user: Awaited<ReturnType<typeof loadHolder>>, now: Date): Promise<HolderForHelp> {
  return {
    userId: user.id,
    nationalId: user.nationalId,
    name: `${user.firstName} ${user.lastName}`,
    officeCode: user.office?.code ?? null,
    officeName: user.office?.name ?? null,
    province: user.office?.province.name ?? null,
    mobile: user.mobile ? maskMobile(user.mobile) : null,
    active: user.active,
    locked: await accountLocked(db, user, now),
    mustChangePassword: user.mustChangePassword,
  };
}

/** The holder with this national ID or office code, in the caller's scope; else "not found". */
export async function findHolderForHelp(db: Db, caller: Caller, input: z.output<typeof findHolderInput>, now = new Date()) {
  const nationalId = normalizeNationalId(input.query);
  const where: Prisma.UserWhereInput = isValidNationalId(nationalId)
    ? { nationalId }
    : { office: { is: { code: { equals: input.query, mode: "insensitive" } } } };
  return view(db, await loadHolder(db, caller, where), now);
}

export const holderTarget = z.object({ userId: recordId });

/** Clears the holder's lock-out (the counters and the row's lock); audited, the holder told by SMS. */
export async function unlockHolder(db: Db, actor: AuditActor, caller: Caller, input: z.output<typeof holderTarget>, now = new Date()) {
  return db.$transaction(async (tx) => {
    const user = await loadHolder(tx, caller, { id: input.userId });
    await clearAccountFailures(tx, user, now);
    await recordAudit(tx, actor, {
      action: "account.unlocked",
      targetType: "User",
      targetId: user.id,
      before: { lockedUntil: user.lockedUntil?.toISOString() ?? null },
    });
    if (user.mobile)
      await enqueueSms(tx, { recipient: user.mobile, userId: user.id, template: "account-help", data: { step: "unlocked" } });
    return { unlocked: true };
  });
}

export const issueActivationInput = holderTarget.extend({
  delivery: z.enum(["show", "sms"], { error: "روش رساندن کد را انتخاب کنید." }),
});

/**
 * A one-time activation code for the holder: returned once (`show`, for the expert to read
 * out) or sent by SMS to the registry's mobile. Issuing it also unlocks the account, so the
 * holder can use it at once. The 60 s resend rule of one-time codes applies.
 */
export async function issueActivationCode(
  db: Db,
  actor: AuditActor,
  caller: Caller,
  input: z.output<typeof issueActivationInput>,
  now = new Date(),
): Promise<{ code: string | null; expiresAt: Date; sentTo: string | null }> {
  return db.$transaction(async (tx) => {
    const user = await loadHolder(tx, caller, { id: input.userId });
    if (!user.active) throw new InvalidInputError({ delivery: "این حساب غیرفعال است؛ کد فعال‌سازی برای آن صادر نمی‌شود." });
    if (input.delivery === "sms" && !user.mobile) {
      throw new InvalidInputError({ delivery: "برای این دارنده شماره همراهی ثبت نشده است؛ کد را تلفنی بخوانید." });
    }
    const sentTo = input.delivery === "sms" ? user.mobile : null;
    const issued = await issueCode(tx, { userId: user.id, purpose: "ACTIVATION", sentTo, now, ttlMs: ACTIVATION_TTL_MS });
    await clearAccountFailures(tx, user, now);
    await recordAudit(tx, actor, {
      action: "account.activation_issued",
      targetType: "User",
      targetId: user.id,
      after: { delivery: input.delivery, expiresAt: issued.expiresAt.toISOString(), sentTo: sentTo ? maskMobile(sentTo) : null },
    });
    if (user.mobile) {
      // By SMS: the code itself. Read out: a notice, so a holder who did not call learns of it.
      if (sentTo) await enqueueSms(tx, { recipient: sentTo, userId: user.id, template: "activation-code", data: { code: issued.code } });
      else await enqueueSms(tx, { recipient: user.mobile, userId: user.id, template: "account-help", data: { step: "activation-issued" } });
    }
    return { code: sentTo ? null : issued.code, expiresAt: issued.expiresAt, sentTo: sentTo ? maskMobile(sentTo) : null };
  });
}

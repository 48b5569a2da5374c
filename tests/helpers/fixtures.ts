// Records for tests, created through Prisma on a test database.
import type { Db } from "@/lib/db-client";
import { hashPassword } from "@/lib/auth/password";
import { encryptTotpSecret, newTotpSecret } from "@/lib/auth/totp";
import type { LicenceStatus, PersonType, Role } from "@/lib/generated/prisma/enums";
import { uniqueNationalId } from "./national-ids";

const DAY = 86_400_000;

export async function createHolder(
  db: Db,
  opts: {
    licence?: LicenceStatus;
    licenceExpired?: boolean;
    personType?: PersonType;
    provinceId?: number;
    password?: string;
    mobile?: string;
  } = {},
) {
  const nationalId = uniqueNationalId();
  const user = await db.user.create({
    data: {
      nationalId,
      firstName: "آزمون",
      lastName: "دارنده",
      mobile: opts.mobile ?? "09120000001",
      role: "HOLDER",
      passwordHash: await hashPassword(opts.password ?? nationalId),
      mustChangePassword: opts.password === undefined,
    },
  });
  const code = nationalId.slice(0, 6);
  const office = await db.office.create({
    data: {
      code: `T${code}${Math.floor(Math.random() * 1e6)}`,
      name: "دفتر آزمون",
      type: "PISHKHAN_GOVERNMENT",
      personType: opts.personType ?? "REAL",
      provinceId: opts.provinceId ?? 1,
      city: "تهران",
      address: "نشانی آزمون",
      holderId: user.id,
      licences: {
        create: {
          number: `L-${nationalId}`,
          status: opts.licence ?? "VALID",
          issuedAt: new Date(Date.now() - 400 * DAY),
          expiresAt: new Date(Date.now() + (opts.licenceExpired ? -1 : 365) * DAY),
        },
      },
    },
    include: { province: true },
  });
  return { user, office, nationalId, password: opts.password ?? nationalId };
}

/**
 * A staff account. Its second factor (lib/auth/totp.ts) is enrolled — staff must have one —
 * except where the app runs as a demo (PISHKHAN_DEMO=1: the browser tests, which sign in
 * through the form with the password alone) or with `totp: false` (to test enrolment).
 */
export async function createStaffUser(
  db: Db,
  role: Exclude<Role, "HOLDER">,
  opts: { regionId?: number; password?: string; totp?: boolean } = {},
) {
  const nationalId = uniqueNationalId();
  const password = opts.password ?? "Staff-password-1";
  const enrolled = opts.totp ?? process.env.PISHKHAN_DEMO !== "1";
  const totpSecret = newTotpSecret();
  const user = await db.user.create({
    data: {
      nationalId,
      firstName: "آزمون",
      lastName: role === "EXPERT" ? "کارشناس" : "مدیر",
      role,
      regionId: role === "EXPERT" ? (opts.regionId ?? 1) : null,
      passwordHash: await hashPassword(password),
      mustChangePassword: false,
      ...(enrolled ? { totpSecret: encryptTotpSecret(totpSecret), totpEnabledAt: new Date() } : {}),
    },
  });
  return { user, nationalId, password, totpSecret: enrolled ? totpSecret : null };
}

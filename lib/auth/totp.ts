// The staff's second factor (docs/decisions/0013-sign-in-hardening.md): a TOTP app
// (RFC 6238: SHA-1, 6 digits, 30 s, as every authenticator app expects) and 10 recovery
// codes shown once. Required for ADMIN, on by default for EXPERT (EXPERT_TOTP=optional
// turns it off for experts); holders sign in with a password (and an SMS code the first time).
//
// otplib 13 is used through its TOTP core (@otplib/totp, @otplib/uri) with the two plugins
// below (node:crypto's HMAC and an RFC 4648 base32): its default plugins are ES modules only,
// which Jest's CommonJS runtime cannot load.
//
// The secret is kept encrypted (AES-256-GCM under a key derived from NEXTAUTH_SECRET); a
// recovery code only as an HMAC. A TOTP is accepted once: its time step is spent on a
// RateCounter row, so a code seen over a shoulder cannot be replayed within its 90 s.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { generate as generateTotpToken, verify } from "@otplib/totp";
import { generateTOTP as generateURI } from "@otplib/uri";
import type { Base32Plugin, CryptoPlugin } from "@otplib/core";
import type { Db, Tx } from "@/lib/db-client";
import type { Role } from "@/lib/generated/prisma/enums";
import { bumpCounter } from "@/lib/rate-counter";
import { toAsciiDigits } from "@/lib/validation/normalize";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { RefusedError } from "@/lib/errors/app-error";

export const TOTP_ISSUER = "Pishkhan Rank";
export const RECOVERY_CODE_COUNT = 10;
const TOTP_PERIOD_S = 30;

/**
 * The local demo and the browser tests (PISHKHAN_DEMO=1, set by scripts/start.mjs only for
 * the embedded demo database and by scripts/test.mjs; a production server holding demo data
 * refuses to start without it, lib/config/refuse-unsafe-start.ts) do not force staff to
 * enrol: the whole database is demo data. An enrolled factor is still asked for.
 */
type FactorUser = { role: Role; nationalId: string; totpEnabledAt: Date | null };

/** Must this account have an enrolled second factor? */
export function totpRequired(user: Pick<FactorUser, "role" | "nationalId">, env: NodeJS.ProcessEnv = process.env): boolean {
  if (user.role === "HOLDER") return false;
  if (env.PISHKHAN_DEMO === "1") return false;
  if (user.role === "EXPERT") return env.EXPERT_TOTP !== "optional";
  return true;
}

/** A staff account that signed in without a factor and must enrol one before anything else. */
export function mustEnrollTotp(user: FactorUser, env: NodeJS.ProcessEnv = process.env): boolean {
  return user.totpEnabledAt === null && totpRequired(user, env);
}

function key(purpose: string): Buffer {
  const secret = process.env.NEXTAUTH_SECRET || "pishkhan-development-key";
  return createHash("sha256").update(`${purpose}:${secret}`).digest();
}

export function encryptTotpSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key("totp-secret"), iv);
  const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

export function decryptTotpSecret(stored: string): string | null {
  const [version, iv, tag, body] = stored.split(".");
  if (version !== "v1" || !iv || !tag || !body) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key("totp-secret"), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

export const base32Plugin: Base32Plugin = {
  name: "rfc4648",
  encode(data) {
    let bits = 0;
    let value = 0;
    let out = "";
    for (const byte of data) {
      value = (value << 8) | byte;
      bits += 8;
      while (bits >= 5) {
        out += BASE32[(value >>> (bits - 5)) & 31];
        bits -= 5;
      }
    }
    if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
    return out;
  },
  decode(str) {
    const clean = str.toUpperCase().replace(/[\s=-]/g, "");
    const bytes: number[] = [];
    let bits = 0;
    let value = 0;
    for (const ch of clean) {
      const index = BASE32.indexOf(ch);
      if (index < 0) throw new Error("invalid base32");
      value = (value << 5) | index;
      bits += 5;
      if (bits >= 8) {
        bytes.push((value >>> (bits - 8)) & 255);
        bits -= 8;
      }
    }
    return Uint8Array.from(bytes);
  },
};

export const nodeCryptoPlugin: CryptoPlugin = {
  name: "node-crypto",
  algorithms: ["sha1", "sha256", "sha512"],
  hmac: (algorithm, key, data) => new Uint8Array(createHmac(algorithm, key).update(data).digest()),
  randomBytes: (length) => new Uint8Array(randomBytes(length)),
  constantTimeEqual(a, b) {
    const x = typeof a === "string" ? Buffer.from(a) : Buffer.from(a);
    const y = typeof b === "string" ? Buffer.from(b) : Buffer.from(b);
    return x.length === y.length && timingSafeEqual(x, y);
  },
};

const PLUGINS = { crypto: nodeCryptoPlugin, base32: base32Plugin } as const;

/** A new secret: 20 random bytes (160 bits, RFC 4226's recommendation), base32. */
export function newTotpSecret(): string {
  return base32Plugin.encode(randomBytes(20));
}

/** The current code of `secret` (tests and the browser tests' helper). */
export function currentTotp(secret: string, now = new Date()): Promise<string> {
  return generateTotpToken({ secret, epoch: Math.floor(now.getTime() / 1000), ...PLUGINS });
}

export function totpUri(secret: string, nationalId: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: nationalId, secret });
}

/** Digits only (Persian or Arabic digits and spaces allowed): "۱۲۳ ۴۵۶" → "123456". */
export function normalizeOtpInput(value: string): string {
  return toAsciiDigits(value).replace(/[\s-]/g, "");
}

/** Checks a 6-digit TOTP (one step of clock drift either way) and spends its time step. */
export async function verifyTotp(db: Db | Tx, userId: string, secret: string, token: string, now = new Date()): Promise<boolean> {
  const digits = normalizeOtpInput(token);
  if (!/^\d{6}$/.test(digits)) return false;
  const result = await verify({
    secret,
    token: digits,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOTP_PERIOD_S,
    ...PLUGINS,
  }).catch(() => ({ valid: false as const }));
  if (!result.valid) return false;
  // Replay: the first request to spend this step wins; the window outlives the tolerance.
  const timeStep = Math.floor(now.getTime() / 1000 / TOTP_PERIOD_S) + result.delta;
  const uses = await bumpCounter(db, `totp-step:${userId}:${timeStep}`, 10 * 60 * 1000, now);
  return uses === 1;
}

// ───────────── Recovery codes ─────────────

const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Ten codes like "k7m2p-x9qrt" (about 49 bits each). */
export function newRecoveryCodes(random: (max: number) => number = randomInt): string[] {
  const part = () => Array.from({ length: 5 }, () => RECOVERY_ALPHABET[random(RECOVERY_ALPHABET.length)]).join("");
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => `${part()}-${part()}`);
}

export function normalizeRecoveryCode(code: string): string {
  return toAsciiDigits(code)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

export function recoveryCodeHash(userId: string, code: string): string {
  return createHmac("sha256", key("recovery-code"))
    .update(`${userId}:${normalizeRecoveryCode(code)}`)
    .digest("hex");
}

/** Uses up one recovery code; false when it is not one of the account's unused codes (or a parallel request used it). */
export async function redeemRecoveryCode(db: Db | Tx, userId: string, code: string, now = new Date()): Promise<boolean> {
  const normalized = normalizeRecoveryCode(code);
  if (normalized.length !== 10) return false;
  const hash = recoveryCodeHash(userId, normalized);
  const rows = await db.recoveryCode.findMany({ where: { userId, usedAt: null }, select: { id: true, codeHash: true } });
  const match = rows.find((r) => timingSafeEqual(Buffer.from(r.codeHash, "hex"), Buffer.from(hash, "hex")));
  if (!match) return false;
  const used = await db.recoveryCode.updateMany({ where: { id: match.id, usedAt: null }, data: { usedAt: now } });
  return used.count === 1;
}

/** The second factor at sign-in: a TOTP from the app, or one of the recovery codes. */
export async function checkSecondFactor(
  db: Db | Tx,
  user: { id: string; totpSecret: string | null },
  input: string,
  now = new Date(),
): Promise<{ ok: true; method: "totp" | "recovery-code" } | { ok: false }> {
  const digits = normalizeOtpInput(input);
  if (/^\d{6}$/.test(digits)) {
    const secret = user.totpSecret ? decryptTotpSecret(user.totpSecret) : null;
    return secret && (await verifyTotp(db, user.id, secret, digits, now)) ? { ok: true, method: "totp" } : { ok: false };
  }
  return (await redeemRecoveryCode(db, user.id, input, now)) ? { ok: true, method: "recovery-code" } : { ok: false };
}

// ───────────── Enrolment ─────────────

/**
 * The secret being enrolled (created on the first visit of the enrolment page and kept until
 * confirmed, so a reload shows the same QR code), with its otpauth URI. Refused once enrolled.
 */
export async function pendingEnrolment(db: Db, userId: string): Promise<{ secret: string; uri: string } | null> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { nationalId: true, totpSecret: true, totpEnabledAt: true },
  });
  if (user.totpEnabledAt) return null;
  let secret = user.totpSecret ? decryptTotpSecret(user.totpSecret) : null;
  if (!secret) {
    secret = newTotpSecret();
    // Only while not enrolled: two tabs racing cannot replace an enrolled secret.
    await db.user.updateMany({ where: { id: userId, totpEnabledAt: null }, data: { totpSecret: encryptTotpSecret(secret) } });
    const stored = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecret: true } });
    secret = stored.totpSecret ? decryptTotpSecret(stored.totpSecret) : null;
    if (!secret) return null;
  }
  return { secret, uri: totpUri(secret, user.nationalId) };
}

/**
 * Confirms the enrolment with a code from the app: the factor is on from now, and ten new
 * recovery codes are returned (shown once; only their HMAC is kept). `null`: the code was wrong.
 */
export async function confirmEnrolment(
  db: Db,
  actor: AuditActor & { userId: string },
  token: string,
  now = new Date(),
): Promise<{ recoveryCodes: string[] } | null> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { id: true, totpSecret: true, totpEnabledAt: true },
  });
  if (user.totpEnabledAt) throw new RefusedError("برنامه احراز هویت برای این حساب پیش‌تر فعال شده است.");
  const secret = user.totpSecret ? decryptTotpSecret(user.totpSecret) : null;
  if (!secret || !(await verifyTotp(db, user.id, secret, token, now))) return null;
  const codes = newRecoveryCodes();
  await db.$transaction(async (tx) => {
    const enrolled = await tx.user.updateMany({
      where: { id: user.id, totpEnabledAt: null, totpSecret: user.totpSecret },
      data: { totpEnabledAt: now },
    });
    if (enrolled.count !== 1) throw new RefusedError("برنامه احراز هویت برای این حساب پیش‌تر فعال شده است.");
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.recoveryCode.createMany({
      data: codes.map((c) => ({ userId: user.id, codeHash: recoveryCodeHash(user.id, c), createdAt: now })),
    });
    await recordAudit(tx, actor, { action: "auth.totp_enrolled", targetType: "User", targetId: user.id });
  });
  return { recoveryCodes: codes };
}

/** The head office resets a colleague's second factor (inside its transaction): enrol again at next sign-in. */
export async function clearSecondFactor(tx: Tx, userId: string): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { totpSecret: null, totpEnabledAt: null } });
  await tx.recoveryCode.deleteMany({ where: { userId } });
}

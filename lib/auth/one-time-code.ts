import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import type { Db, Tx } from "@/lib/db-client";
import type { CodePurpose } from "@/lib/generated/prisma/enums";
import { RefusedError } from "@/lib/errors/app-error";
import { toPersianDigits } from "@/lib/format/digits";

// One-time codes (OneTimeCode): 6 digits, kept only as an HMAC, valid 10 minutes, 5 guesses,
// single use, a new one at most every 60 seconds; issuing one retires the earlier codes of
// the same purpose. Used for the first sign-in with a default password, a forgotten
// password, an activation code from the region and confirming a new mobile.

export const CODE_TTL_MS = 10 * 60 * 1000;
export const MAX_CODE_GUESSES = 5;
export const RESEND_AFTER_MS = 60 * 1000;

export function codeHash(userId: string, code: string): string {
  const key = process.env.NEXTAUTH_SECRET || "pishkhan-development-key";
  return createHmac("sha256", key).update(`${userId}:${code}`).digest("hex");
}

/** 0912•••4567: enough for the holder to recognise the number, not enough to learn it. */
export function maskMobile(mobile: string): string {
  const m = mobile.replace(/\D/g, "");
  return m.length >= 8 ? `${m.slice(0, 4)}${"•".repeat(m.length - 7)}${m.slice(-3)}` : "•".repeat(m.length);
}

export const maskedMobileFa = (mobile: string) => toPersianDigits(maskMobile(mobile));

export class ResendTooSoonError extends RefusedError {
  constructor(readonly retryAfterMs: number) {
    super(`کد پیشین همین حالا فرستاده شد. ${toPersianDigits(Math.ceil(retryAfterMs / 1000))} ثانیه دیگر می‌توانید کد تازه بخواهید.`);
  }
}

/**
 * A fresh code for `userId` and `purpose`, inside the caller's transaction (which also
 * queues the SMS or shows the code once). Refused with ResendTooSoonError within 60 s of the
 * previous one. The account's row is locked first, so two requests at once issue one code.
 */
export async function issueCode(
  tx: Tx,
  input: { userId: string; purpose: CodePurpose; sentTo: string | null; now?: Date; ttlMs?: number },
): Promise<{ id: string; code: string; expiresAt: Date }> {
  const now = input.now ?? new Date();
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${input.userId} FOR UPDATE`;
  const last = await tx.oneTimeCode.findFirst({
    where: { userId: input.userId, purpose: input.purpose },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const since = last ? now.getTime() - last.createdAt.getTime() : Infinity;
  if (since < RESEND_AFTER_MS) throw new ResendTooSoonError(RESEND_AFTER_MS - since);
  await tx.oneTimeCode.updateMany({ where: { userId: input.userId, purpose: input.purpose, usedAt: null }, data: { usedAt: now } });
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const expiresAt = new Date(now.getTime() + (input.ttlMs ?? CODE_TTL_MS));
  const row = await tx.oneTimeCode.create({
    data: {
      userId: input.userId,
      purpose: input.purpose,
      codeHash: codeHash(input.userId, code),
      sentTo: input.sentTo ? maskMobile(input.sentTo) : null,
      expiresAt,
      createdAt: now,
    },
  });
  return { id: row.id, code, expiresAt };
}

/** The newest usable code of `purpose` (where it was sent, when it expires), or null. */
export async function pendingCode(db: Db | Tx, userId: string, purpose: CodePurpose, now = new Date()) {
  return db.oneTimeCode.findFirst({
    where: { userId, purpose, usedAt: null, expiresAt: { gt: now }, attempts: { lt: MAX_CODE_GUESSES } },
    orderBy: { createdAt: "desc" },
    select: { id: true, sentTo: true, expiresAt: true, createdAt: true, attempts: true, codeHash: true },
  });
}

/**
 * Checks `code` against the newest usable code: a guess is spent atomically before the
 * comparison (parallel guesses cannot exceed 5), and a right code is used up at once (it
 * works once even under a race). `keep: true` leaves a right code unused (e.g. to let the
 * holder fix the new password that came with it); consume it later with `consumeCode`.
 */
export async function checkCode(
  db: Db | Tx,
  input: { userId: string; purpose: CodePurpose; code: string; now?: Date; keep?: boolean },
): Promise<{ ok: true; id: string } | { ok: false }> {
  const now = input.now ?? new Date();
  const pending = await pendingCode(db, input.userId, input.purpose, now);
  if (!pending) return { ok: false };
  const spent = await db.oneTimeCode.updateMany({
    where: { id: pending.id, usedAt: null, attempts: { lt: MAX_CODE_GUESSES } },
    data: { attempts: { increment: 1 } },
  });
  if (spent.count !== 1) return { ok: false };
  const right = timingSafeEqual(Buffer.from(codeHash(input.userId, input.code), "hex"), Buffer.from(pending.codeHash, "hex"));
  if (!right) return { ok: false };
  if (!input.keep && !(await consumeCode(db, pending.id, now))) return { ok: false };
  return { ok: true, id: pending.id };
}

/** Uses up a code that was checked with `keep`; false when another request used it first. */
export async function consumeCode(db: Db | Tx, id: string, now = new Date()): Promise<boolean> {
  const used = await db.oneTimeCode.updateMany({ where: { id, usedAt: null }, data: { usedAt: now } });
  return used.count === 1;
}

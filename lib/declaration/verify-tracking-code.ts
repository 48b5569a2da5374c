import "server-only";
import type { Db } from "@/lib/db-client";
import { DECLARATION_STATUS_LABEL } from "@/lib/format/labels";
import { bumpCounter } from "@/lib/rate-counter";
import { isValidTrackingCode } from "@/lib/declaration/tracking-code";

// The public verification of a tracking code (/verify/<code>, no sign-in): anyone holding a
// receipt or a certificate can check that the file exists, where it stands and — once the
// rank is final — the rank and the SHA-256 of the score snapshot the certificate prints
// (result-certificate.ts). Nothing personal is read: the office's code, the round's title
// and the file's status, never a name, a national ID or a mobile.
//
// Every lookup counts, found or not, malformed or not, against its client address: 60 in a
// fixed 10-minute window (rate-counter.ts), so the 12-digit codes cannot be walked.
export const VERIFY_LIMIT = 60;
export const VERIFY_WINDOW_MS = 10 * 60_000;

export type VerifiedFile = {
  trackingCode: string;
  officeCode: string;
  roundTitle: string;
  statusLabel: string;
  /** Once the rank is final (status FINAL): the rank, when it became final and the certificate's SHA-256. */
  final: { rank: number; finalizedAt: Date; sha256: string } | null;
};

export type VerifyResult = { kind: "found"; file: VerifiedFile } | { kind: "not_found" } | { kind: "too_many" };

const DIGITS: Record<string, string> = Object.fromEntries(
  [..."۰۱۲۳۴۵۶۷۸۹"].map((d, i) => [d, String(i)]).concat([..."٠١٢٣٤٥٦٧٨٩"].map((d, i) => [d, String(i)])),
);

/** A code as typed or scanned: Persian or Arabic digits and the spaces or dashes of the grouped form are accepted. */
export function normalizeTrackingCode(raw: string): string {
  return raw
    .slice(0, 64)
    .replace(/[\s\-\u200c]/g, "")
    .replace(/[۰-۹٠-٩]/g, (d) => DIGITS[d]!);
}

export async function verifyTrackingCode(db: Db, rawCode: string, clientAddress: string, now = new Date()): Promise<VerifyResult> {
  const count = await bumpCounter(db, `verify:ip:${clientAddress}`, VERIFY_WINDOW_MS, now);
  if (count > VERIFY_LIMIT) return { kind: "too_many" };
  const code = normalizeTrackingCode(rawCode);
  if (!isValidTrackingCode(code)) return { kind: "not_found" };
  const declaration = await db.declaration.findUnique({
    where: { trackingCode: code },
    select: {
      id: true,
      status: true,
      finalizedAt: true,
      submittedAt: true,
      office: { select: { code: true } },
      round: { select: { title: true } },
    },
  });
  if (!declaration || !declaration.submittedAt || declaration.status === "DRAFT") return { kind: "not_found" };
  let final: VerifiedFile["final"] = null;
  if (declaration.status === "FINAL" && declaration.finalizedAt) {
    const snapshot = await db.scoreSnapshot.findFirst({
      where: { declarationId: declaration.id, reason: { in: ["APPROVED", "OBJECTION_DECIDED"] } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { rank: true, sha256: true },
    });
    if (snapshot) final = { rank: snapshot.rank, finalizedAt: declaration.finalizedAt, sha256: snapshot.sha256 };
  }
  return {
    kind: "found",
    file: {
      trackingCode: code,
      officeCode: declaration.office.code,
      roundTitle: declaration.round.title,
      statusLabel: DECLARATION_STATUS_LABEL[declaration.status],
      final,
    },
  };
}

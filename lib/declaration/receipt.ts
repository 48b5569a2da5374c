import "server-only";
import type { Db } from "@/lib/db-client";
import { loadDeclarationFor, type Caller } from "@/lib/authz/guards";
import { DECLARATION_STATUS_LABEL, OFFICE_TYPE_LABEL } from "@/lib/format/labels";
import type { ScoreResult } from "@/lib/ranking";
import { verifyLink, type VerifyLink } from "@/lib/declaration/verify-link";

// What the receipt of a submission shows (the page and the PDF render the same data):
// the tracking code, the office, the submission time, the score as submitted and the
// SHA-256 of the score snapshot (submission-digest.ts). It stays the record of the
// submission: the status and the score are those of the (latest) SUBMITTED or RESUBMITTED
// snapshot, never the region's later score — that is the result certificate's
// (result-certificate.ts). The verification link shows where the file stands now.
export type ReceiptData = {
  declarationId: string;
  trackingCode: string;
  submittedAt: Date;
  /** The status the file had when this snapshot was taken (submitted, or resubmitted after correction). */
  statusLabel: string;
  /** Whether the rank is final now (the result certificate exists). */
  isFinal: boolean;
  roundTitle: string;
  office: { code: string; name: string; typeLabel: string; city: string; province: string; region: string; regionPhone: string };
  holderName: string;
  ruleSet: { title: string; version: number; isSample: boolean };
  score: ScoreResult;
  sha256: string;
  verify: VerifyLink;
};

/**
 * The receipt of a declaration the caller may see (its holder, its region's experts, the
 * head office), or null when it has not been submitted. Other declarations: NotFoundError.
 * `origin`: where the verification link points (verify-link.ts).
 */
export async function loadReceipt(db: Db, caller: Caller, declarationId: string, origin: string): Promise<ReceiptData | null> {
  const declaration = await loadDeclarationFor(db, caller, declarationId);
  if (!declaration.trackingCode || !declaration.submittedAt) return null;
  const [snapshot, holder] = await Promise.all([
    db.scoreSnapshot.findFirst({
      where: { declarationId: declaration.id, reason: { in: ["SUBMITTED", "RESUBMITTED"] } },
      orderBy: { createdAt: "desc" },
      include: { ruleSet: { select: { title: true, version: true, isSample: true } } },
    }),
    db.user.findUniqueOrThrow({ where: { id: declaration.office.holderId }, select: { firstName: true, lastName: true } }),
  ]);
  if (!snapshot) return null;
  const office = declaration.office;
  return {
    declarationId: declaration.id,
    trackingCode: declaration.trackingCode,
    submittedAt: declaration.submittedAt,
    statusLabel: DECLARATION_STATUS_LABEL[snapshot.reason === "RESUBMITTED" ? "RESUBMITTED" : "SUBMITTED"],
    isFinal: declaration.status === "FINAL",
    roundTitle: declaration.round.title,
    office: {
      code: office.code,
      name: office.name,
      typeLabel: OFFICE_TYPE_LABEL[declaration.officeType],
      city: office.city,
      province: office.province.name,
      region: office.province.region.name,
      regionPhone: office.province.region.phone,
    },
    holderName: `${holder.firstName} ${holder.lastName}`,
    ruleSet: snapshot.ruleSet,
    score: snapshot.breakdown as unknown as ScoreResult,
    sha256: snapshot.sha256,
    verify: await verifyLink(declaration.trackingCode, origin),
  };
}

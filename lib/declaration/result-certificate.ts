import "server-only";
import type { Db } from "@/lib/db-client";
import { loadDeclarationFor, type Caller } from "@/lib/authz/guards";
import type { ObjectionDecision } from "@/lib/generated/prisma/enums";
import { DECLARATION_STATUS_LABEL, OFFICE_TYPE_LABEL } from "@/lib/format/labels";
import type { ScoreResult } from "@/lib/ranking";
import { verifyLink, type VerifyLink } from "@/lib/declaration/verify-link";

// The result certificate (گواهی نتیجه): the final score of every criterion, the rank and
// its share of services, when the rank became final and how an objection was decided. It
// exists once the file is FINAL — an APPROVED file may still be objected to, and
// OBJECTION_DECIDED lasts only inside the transaction that finalizes it (decide-objection.ts).
// Its numbers are the latest score snapshot taken by the region (APPROVED, or
// OBJECTION_DECIDED after an objection), and the SHA-256 it prints is that snapshot's — the
// same one the public verification page shows.
export const OBJECTION_DECISION_LABEL: Record<ObjectionDecision, string> = {
  UPHELD: "اعتراض بررسی شد و نتیجه تغییری نکرد",
  CHANGED: "اعتراض پذیرفته شد و امتیاز اصلاح شد",
};

export type CertificateData = {
  declarationId: string;
  trackingCode: string;
  statusLabel: string;
  roundTitle: string;
  office: { code: string; name: string; typeLabel: string; city: string; province: string; region: string; regionPhone: string };
  holderName: string;
  ruleSet: { title: string; version: number; isSample: boolean };
  submittedAt: Date;
  finalizedAt: Date;
  score: ScoreResult;
  sha256: string;
  /** The decided objection, if the holder objected. */
  objection: { decision: ObjectionDecision; label: string; decidedAt: Date } | null;
  verify: VerifyLink;
};

/**
 * The certificate of a declaration the caller may see (its holder, its region's experts, the
 * head office), or null while its rank is not final. Other declarations: NotFoundError.
 * `origin`: where the verification link points (verify-link.ts).
 */
export async function loadResultCertificate(
  db: Db,
  caller: Caller,
  declarationId: string,
  origin: string,
): Promise<CertificateData | null> {
  const declaration = await loadDeclarationFor(db, caller, declarationId);
  if (declaration.status !== "FINAL" || !declaration.trackingCode || !declaration.submittedAt || !declaration.finalizedAt) return null;
  const [snapshot, holder, objection] = await Promise.all([
    db.scoreSnapshot.findFirst({
      where: { declarationId: declaration.id, reason: { in: ["APPROVED", "OBJECTION_DECIDED"] } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      include: { ruleSet: { select: { title: true, version: true, isSample: true } } },
    }),
    db.user.findUniqueOrThrow({ where: { id: declaration.office.holderId }, select: { firstName: true, lastName: true } }),
    db.objection.findFirst({
      where: { declarationId: declaration.id, decision: { not: null } },
      orderBy: { decidedAt: "desc" },
      select: { decision: true, decidedAt: true },
    }),
  ]);
  if (!snapshot) return null;
  const office = declaration.office;
  return {
    declarationId: declaration.id,
    trackingCode: declaration.trackingCode,
    statusLabel: DECLARATION_STATUS_LABEL[declaration.status],
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
    submittedAt: declaration.submittedAt,
    finalizedAt: declaration.finalizedAt,
    score: snapshot.breakdown as unknown as ScoreResult,
    sha256: snapshot.sha256,
    objection:
      objection?.decision && objection.decidedAt
        ? { decision: objection.decision, label: OBJECTION_DECISION_LABEL[objection.decision], decidedAt: objection.decidedAt }
        : null,
    verify: await verifyLink(declaration.trackingCode, origin),
  };
}

import "server-only";
import type { Db } from "@/lib/db-client";
import type { Caller } from "@/lib/authz/guards";
import { loadDeclarationFor } from "@/lib/authz/guards";
import { NotFoundError } from "@/lib/errors/app-error";
import { staffDiscrepancies } from "@/lib/declaration/discrepancies";
import { loadDeclarationSummary } from "@/lib/declaration/load-summary";
import { staffCountIssue } from "@/lib/declaration/staff-rules";
import { scoreDeclaration } from "@/lib/declaration/score-declaration";
import { checkLocation, parseCoordinate } from "@/lib/geo/location-check";
import { PROVINCES } from "@/lib/geo/regions";
import type { ScoreResult } from "@/lib/ranking";
import { approverOf } from "@/lib/review/assignment";
import { regionScoreCaps, storedRegionScores } from "@/lib/review/region-scores";
import { objectionDeadline } from "@/lib/workflow/objection-window";

/**
 * Everything the region's file view shows: the declaration section by section, the score
 * now (with the region's scores entered so far), discrepancy hints, corrections asked and
 * made, objections, and the audit timeline. The caller's region (or the head office) only.
 */
export async function loadReviewFile(db: Db, caller: Caller, declarationId: string) {
  if (caller.role === "HOLDER") throw new NotFoundError("declaration");
  const declaration = await loadDeclarationFor(db, caller, declarationId, "declaration:view");
  const regionScores = storedRegionScores(declaration);
  const [summary, scored, corrections, objections, audit, staffElsewhere, experts, approver, assignee, submittedSnapshot, messages] =
    await Promise.all([
      loadDeclarationSummary(db, declaration),
      scoreDeclaration(db, declaration, regionScores),
      db.correctionRequest.findMany({ where: { declarationId }, orderBy: { createdAt: "asc" } }),
      db.objection.findMany({
        where: { declarationId },
        orderBy: { filedAt: "asc" },
        include: { attachments: { select: { id: true, fileName: true } } },
      }),
      db.auditEvent.findMany({
        where: { targetId: declarationId },
        orderBy: { id: "asc" },
        take: 500,
        select: {
          id: true,
          action: true,
          createdAt: true,
          actorRole: true,
          after: true,
          actor: { select: { firstName: true, lastName: true } },
        },
      }),
      staffDiscrepancies(db, declarationId),
      db.user.findMany({
        where: { role: "EXPERT", active: true, regionId: declaration.regionId },
        orderBy: { lastName: "asc" },
        select: { id: true, firstName: true, lastName: true },
      }),
      approverOf(db, declarationId),
      declaration.assigneeId
        ? db.user.findUnique({ where: { id: declaration.assigneeId }, select: { id: true, firstName: true, lastName: true } })
        : null,
      db.scoreSnapshot.findFirst({
        where: { declarationId, reason: { in: ["SUBMITTED", "RESUBMITTED"] } },
        orderBy: { createdAt: "desc" },
      }),
      // The holder's SMS about this file, so the expert sees one that failed (e.g. a wrong number).
      db.notification.findMany({
        where: { declarationId },
        orderBy: { createdAt: "asc" },
        select: { id: true, template: true, status: true, createdAt: true, sentAt: true, lastError: true, deliveryStatus: true },
      }),
    ]);

  const hints: string[] = [];
  const staffIssue = staffCountIssue(summary.data["3"], {
    total: summary.staff.length,
    disabled: summary.staff.filter((s) => s.disabled).length,
  });
  if (staffIssue) hints.push(staffIssue);
  for (const s of staffElsewhere) {
    hints.push(
      `کد ملی ${s.name} در فهرست کارکنان ${s.otherOffices.length === 1 ? "دفتر" : "دفترهای"} ${s.otherOffices.map((o) => o.code).join("، ")} هم آمده است.`,
    );
  }
  const lat = parseCoordinate(String(summary.data["6"]?.lat ?? ""));
  const lng = parseCoordinate(String(summary.data["6"]?.lng ?? ""));
  const declaredProvince = PROVINCES.find((p) => p.id === Number(summary.data["5"]?.provinceId))?.name ?? null;
  if (lat !== null && lng !== null) {
    const check = checkLocation(lat, lng, declaredProvince);
    if (check.error) hints.push(check.error);
    if (check.warning) hints.push(check.warning);
  }

  return {
    declaration,
    summary,
    score: scored.score as ScoreResult,
    submittedScore: (submittedSnapshot?.breakdown ?? null) as ScoreResult | null,
    caps: regionScoreCaps(scored.pinned.ruleSet),
    regionScores,
    corrections,
    objections,
    audit,
    messages,
    hints,
    experts,
    approverId: approver,
    assignee,
    point: lat !== null && lng !== null ? { lat, lng } : null,
    declaredProvince,
    objectionClosesAt: declaration.status === "APPROVED" ? await objectionDeadline(db, declaration) : null,
  };
}

export type ReviewFile = Awaited<ReturnType<typeof loadReviewFile>>;

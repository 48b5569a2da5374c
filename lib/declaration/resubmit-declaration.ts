import type { Db } from "@/lib/db-client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AuditActor } from "@/lib/audit/record-audit";
import { declarationVisible, type Caller } from "@/lib/authz/guards";
import { scopeOf } from "@/lib/authz/permissions";
import { NotFoundError } from "@/lib/authz/errors";
import { assertComplete } from "@/lib/declaration/completeness";
import { CorrectionClosedError, NotEditableError, StaleVersionError, StepInvalidError } from "@/lib/declaration/errors";
import { scoreDeclaration, storeViolationAnswers, writeScoreSnapshot } from "@/lib/declaration/score-declaration";
import type { DeclarationData } from "@/lib/declaration/step-status";
import { applyTransition } from "@/lib/workflow/apply-transition";
import { roundDeadline } from "@/lib/workflow/round-deadline";

export const RESUBMIT_CONFIRM_MESSAGE = "برای ارسال دوباره، انجام اصلاحات را با علامت زدن این گزینه تایید کنید.";

/**
 * The holder sends a returned file back after correcting it: before the correction deadline,
 * from the version they reviewed, every step complete. The score is recomputed (snapshot
 * RESUBMITTED), each correction request records what the flagged part holds now next to what
 * it held, and the region's re-review period starts.
 */
export async function resubmitDeclaration(
  db: Db,
  actor: AuditActor & { userId: string },
  caller: Caller,
  input: { declarationId: string; version: number; confirmed: boolean },
  now = new Date(),
) {
  if (input.confirmed !== true) throw new StepInvalidError({ confirmed: RESUBMIT_CONFIRM_MESSAGE });
  return db.$transaction(async (tx) => {
    const d = await tx.declaration.findUnique({
      where: { id: input.declarationId },
      select: {
        id: true, status: true, version: true, regionId: true, roundId: true, data: true, stepStatus: true, trackingCode: true, submittedAt: true,
        office: { select: { holderId: true, personType: true } },
        round: { select: { reReviewDays: true, dayKind: true } },
        correctionRequests: { where: { resolvedAt: null }, select: { id: true, section: true, field: true, dueAt: true } },
      },
    });
    if (!d || !declarationVisible(scopeOf(caller.role, "declaration:submit"), caller, { holderId: d.office.holderId, regionId: d.regionId })) {
      throw new NotFoundError("declaration");
    }
    if (d.status !== "RETURNED") throw new NotEditableError();
    if (d.correctionRequests.some((c) => now >= c.dueAt)) throw new CorrectionClosedError();
    if (d.version !== input.version) throw new StaleVersionError();
    const stepStatus = await assertComplete(tx, { ...d, officePersonType: d.office.personType }, now);

    const scored = await scoreDeclaration(tx, d);
    const data = d.data as DeclarationData;
    await applyTransition(tx, d, "resubmit", { actor: "HOLDER", audit: actor }, {
      data: { dueAt: await roundDeadline(tx, d.round, now, d.round.reReviewDays), stepStatus: stepStatus as Prisma.InputJsonValue },
      audit: { total: scored.score.total, rank: scored.score.rank },
    });
    for (const c of d.correctionRequests) {
      const after = c.field === null ? data[c.section] : data[c.section]?.[c.field];
      await tx.correctionRequest.update({ where: { id: c.id }, data: { after: (after ?? Prisma.DbNull) as Prisma.InputJsonValue, resolvedAt: now } });
    }
    await storeViolationAnswers(tx, d.id, scored.answers);
    await writeScoreSnapshot(tx, {
      declaration: { id: d.id, trackingCode: d.trackingCode!, submittedAt: d.submittedAt! },
      reason: "RESUBMITTED",
      scored,
      createdById: actor.userId,
      at: now,
    });
  });
}

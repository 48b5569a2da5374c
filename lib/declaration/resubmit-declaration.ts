import type { Db } from "@/lib/db-client";
import type { AuditActor } from "@/lib/audit/record-audit";
import { loadDeclarationFor, type Caller } from "@/lib/authz/guards";
import { correctionDue } from "@/lib/declaration/correction-access";
import { assertComplete } from "@/lib/declaration/completeness";
import { CorrectionClosedError, NotEditableError, StaleVersionError, StepInvalidError } from "@/lib/declaration/errors";
import { scoreDeclaration, storeViolationAnswers, writeScoreSnapshot } from "@/lib/declaration/score-declaration";
import { readDeclarationData, toJson, toJsonOrDbNull } from "@/lib/declaration/declaration-json";
import { enqueueHolderSms } from "@/lib/notify/enqueue-sms";
import { applyTransition } from "@/lib/workflow/apply-transition";
import { roundDeadline } from "@/lib/workflow/round-deadline";

const RESUBMIT_CONFIRM_MESSAGE = "برای ارسال دوباره، انجام اصلاحات را با علامت زدن این گزینه تایید کنید.";

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
    const d = await loadDeclarationFor(tx, caller, input.declarationId, "declaration:submit", {
      select: {
        id: true,
        status: true,
        version: true,
        regionId: true,
        roundId: true,
        data: true,
        stepStatus: true,
        trackingCode: true,
        submittedAt: true,
        office: { select: { personType: true, code: true, holder: { select: { id: true, mobile: true } } } },
        round: { select: { reReviewDays: true, dayKind: true } },
        correctionRequests: { where: { resolvedAt: null }, select: { id: true, section: true, field: true, dueAt: true } },
      },
    });
    if (d.status !== "RETURNED") throw new NotEditableError();
    const due = correctionDue(d.correctionRequests);
    if (due !== null && now >= due) throw new CorrectionClosedError();
    if (d.version !== input.version) throw new StaleVersionError();
    const stepStatus = await assertComplete(tx, { ...d, officePersonType: d.office.personType }, now);

    const scored = await scoreDeclaration(tx, d);
    const data = readDeclarationData(d.data);
    await applyTransition(
      tx,
      d,
      "resubmit",
      { actor: "HOLDER", audit: actor },
      {
        data: { dueAt: await roundDeadline(tx, d.round, now, d.round.reReviewDays), stepStatus: toJson(stepStatus) },
        audit: { total: scored.score.total, rank: scored.score.rank },
      },
    );
    for (const c of d.correctionRequests) {
      const after = c.field === null ? data[c.section] : data[c.section]?.[c.field];
      await tx.correctionRequest.update({ where: { id: c.id }, data: { after: toJsonOrDbNull(after), resolvedAt: now } });
    }
    await storeViolationAnswers(tx, d.id, scored.answers);
    await writeScoreSnapshot(tx, {
      declaration: { id: d.id, trackingCode: d.trackingCode!, submittedAt: d.submittedAt! },
      reason: "RESUBMITTED",
      scored,
      createdById: actor.userId,
      at: now,
    });
    await enqueueHolderSms(tx, { declarationId: d.id, holder: d.office.holder }, "declaration-resubmitted", {
      officeCode: d.office.code,
      declarationId: d.id,
    });
  });
}

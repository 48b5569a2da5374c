import type { Db } from "@/lib/db-client";
import type { AuditActor } from "@/lib/audit/record-audit";
import type { Caller } from "@/lib/authz/guards";
import { scoreDeclaration, writeScoreSnapshot } from "@/lib/declaration/score-declaration";
import { enqueueHolderSms } from "@/lib/notify/enqueue-sms";
import { ReviewError } from "@/lib/review/errors";
import { loadForReview } from "@/lib/review/load-for-review";
import { storedRegionScores } from "@/lib/review/region-scores";
import { applyTransition } from "@/lib/workflow/apply-transition";

/**
 * The assignee approves: the region's scores must be entered; the final score and rank are
 * fixed (snapshot APPROVED) and the holder's SMS is queued in the same transaction.
 */
export async function approveDeclaration(
  db: Db,
  actor: AuditActor & { userId: string },
  caller: Caller,
  declarationId: string,
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const d = await loadForReview(tx, caller, declarationId, { assigneeOnly: true });
    const regionScores = storedRegionScores(d);
    const scored = await scoreDeclaration(tx, d, regionScores);
    const missing = scored.score.criteria.filter((c) => c.pending);
    if (missing.length > 0) throw new ReviewError(`پیش از تأیید، امتیاز «${missing.map((c) => c.title).join("» و «")}» را ثبت کنید.`);
    await applyTransition(
      tx,
      d,
      "approve",
      { actor: "EXPERT", audit: actor },
      {
        data: { finalScore: scored.score.total, finalRank: scored.score.rank, approvedAt: now, dueAt: null },
        audit: { total: scored.score.total, rank: scored.score.rank },
      },
    );
    await writeScoreSnapshot(tx, {
      declaration: { id: d.id, trackingCode: d.trackingCode!, submittedAt: d.submittedAt! },
      reason: "APPROVED",
      scored,
      createdById: actor.userId,
      at: now,
    });
    await enqueueHolderSms(tx, { declarationId: d.id, holder: d.office.holder }, "result-approved", {
      officeCode: d.office.code,
      declarationId: d.id,
      objectionDays: d.round.objectionDays,
    });
    return scored.score;
  });
}

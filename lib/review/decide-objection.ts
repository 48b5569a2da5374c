import { z } from "zod";
import type { Db } from "@/lib/db-client";
import type { AuditActor } from "@/lib/audit/record-audit";
import type { Caller } from "@/lib/authz/guards";
import { scoreDeclaration, writeScoreSnapshot } from "@/lib/declaration/score-declaration";
import { enqueueHolderSms } from "@/lib/notify/enqueue-sms";
import { approverOf } from "@/lib/review/assignment";
import { ReviewError } from "@/lib/review/errors";
import { loadForReview } from "@/lib/review/load-for-review";
import { parseRegionScores, regionScoreCaps, storedRegionScores } from "@/lib/review/region-scores";
import { applyTransition } from "@/lib/workflow/apply-transition";
import { ruleSetOfRound } from "@/lib/rounds/rule-set-of-round";

export const decideObjectionInput = z.object({
  declarationId: z.string().min(1).max(64),
  decision: z.enum(["UPHELD", "CHANGED"], { error: "نتیجه رسیدگی را انتخاب کنید." }),
  reason: z.string().trim().min(10, { error: "دلیل تصمیم را بنویسید (دست‌کم ۱۰ حرف)." }).max(4000, { error: "متن بیش از حد طولانی است." }),
  satisfactionScore: z.string().max(20).optional(),
  associationScore: z.string().max(20).optional(),
});

/**
 * An expert other than the approver decides the objection: the result stands (UPHELD) or
 * the region's scores change (CHANGED), with a reason. Either way the rank becomes final in
 * the same transaction (OBJECTION_DECIDED, then FINAL) and the holder's SMS is queued.
 */
export async function decideObjection(
  db: Db,
  actor: AuditActor & { userId: string },
  caller: Caller,
  input: z.output<typeof decideObjectionInput>,
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const d = await loadForReview(tx, caller, input.declarationId, { assigneeOnly: true });
    if (d.status !== "OBJECTED") throw new ReviewError("برای این پرونده اعتراضی در انتظار رسیدگی نیست.");
    if ((await approverOf(tx, d.id)) === caller.id) throw new ReviewError("رسیدگی به اعتراض باید با کارشناسی جز تأییدکننده پرونده باشد.");
    const objection = await tx.objection.findFirstOrThrow({
      where: { declarationId: d.id, decidedAt: null },
      orderBy: { filedAt: "desc" },
    });

    let regionScores = storedRegionScores(d);
    if (input.decision === "CHANGED") {
      regionScores = parseRegionScores(input, regionScoreCaps((await ruleSetOfRound(tx, d.roundId)).ruleSet));
    }
    const scored = await scoreDeclaration(tx, d, regionScores);
    await tx.objection.update({
      where: { id: objection.id },
      data: { decision: input.decision, decisionReason: input.reason, decidedById: caller.id, decidedAt: now },
    });
    const who = { actor: "EXPERT" as const, audit: actor };
    await applyTransition(tx, d, "decide_objection", who, {
      data: { ...regionScores, finalScore: scored.score.total, finalRank: scored.score.rank, dueAt: null },
      audit: { objectionId: objection.id, decision: input.decision, total: scored.score.total, rank: scored.score.rank },
    });
    // The decision fixes the final rank: the system finalizes at once.
    await applyTransition(
      tx,
      { id: d.id, status: "OBJECTION_DECIDED" },
      "finalize",
      { actor: "SYSTEM", audit: actor },
      { data: { finalizedAt: now, assigneeId: null } },
    );
    await writeScoreSnapshot(tx, {
      declaration: { id: d.id, trackingCode: d.trackingCode!, submittedAt: d.submittedAt! },
      reason: "OBJECTION_DECIDED",
      scored,
      createdById: actor.userId,
      at: now,
    });
    // The holder learns the outcome itself, not only that there is one.
    await enqueueHolderSms(tx, { declarationId: d.id, holder: d.office.holder }, "objection-decided", {
      officeCode: d.office.code,
      declarationId: d.id,
      decision: input.decision,
      total: scored.score.total,
      rank: scored.score.rank,
    });
    return scored.score;
  });
}

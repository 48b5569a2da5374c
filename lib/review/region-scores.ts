import { z } from "zod";
import type { Db } from "@/lib/db-client";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Caller } from "@/lib/authz/guards";
import type { RuleSet } from "@/lib/ranking";
import { toAsciiDigits } from "@/lib/validation/normalize";
import { formatNumberFa } from "@/lib/format/digits";
import { ReviewError, ReviewInvalidError } from "@/lib/review/errors";
import { loadForReview } from "@/lib/review/load-for-review";
import { scoreDeclaration, type RegionScores } from "@/lib/declaration/score-declaration";
import { ruleSetOfRound } from "@/lib/rounds/rule-set-of-round";

// The scores the region enters (criteria of kind regionEntered: service recipients'
// satisfaction, the provincial association's score). The approval that fixes the final
// score and rank from them is lib/review/approve-declaration.ts.

const REGION_SCORE_FIELDS = ["satisfactionScore", "associationScore"] as const;
type RegionField = (typeof REGION_SCORE_FIELDS)[number];

/** The cap of each region-entered fact in the rule set (absent: the rule set does not score it). */
export function regionScoreCaps(ruleSet: RuleSet): Partial<Record<RegionField, { title: string; max: number }>> {
  const caps: Partial<Record<RegionField, { title: string; max: number }>> = {};
  for (const c of ruleSet.criteria) {
    if (c.kind === "regionEntered" && (REGION_SCORE_FIELDS as readonly string[]).includes(c.fact))
      caps[c.fact as RegionField] = { title: c.title, max: c.max };
  }
  return caps;
}

/** Parses typed scores (any digits, «٫»), each within [0, max] with at most two decimals. */
export function parseRegionScores(raw: Record<string, unknown>, caps: ReturnType<typeof regionScoreCaps>): RegionScores {
  const errors: Record<string, string> = {};
  const out: RegionScores = { satisfactionScore: null, associationScore: null };
  for (const field of REGION_SCORE_FIELDS) {
    const cap = caps[field];
    if (!cap) continue;
    const text = toAsciiDigits(String(raw[field] ?? ""))
      .replace("٫", ".")
      .trim();
    const value = Number(text);
    if (text === "") errors[field] = "امتیاز را وارد کنید.";
    else if (!/^\d+(\.\d{1,2})?$/.test(text) || value > cap.max)
      errors[field] = `عددی از ۰ تا ${formatNumberFa(cap.max)} با حداکثر دو رقم اعشار وارد کنید.`;
    else out[field] = value;
  }
  if (Object.keys(errors).length > 0) throw new ReviewInvalidError(errors);
  return out;
}

export const regionScoresInput = z.object({
  declarationId: z.string().min(1).max(64),
  satisfactionScore: z.string().max(20),
  associationScore: z.string().max(20),
});

/** Saves the region's scores (the assignee, during review) and returns the recomputed score. */
export async function saveRegionScores(db: Db, actor: AuditActor, caller: Caller, input: z.infer<typeof regionScoresInput>) {
  return db.$transaction(async (tx) => {
    const d = await loadForReview(tx, caller, input.declarationId, { assigneeOnly: true });
    if (d.status !== "IN_REVIEW") throw new ReviewError("امتیاز منطقه فقط هنگام بررسی پرونده ثبت می‌شود.");
    const scores = parseRegionScores(input, regionScoreCaps((await ruleSetOfRound(tx, d.roundId)).ruleSet));
    await tx.declaration.update({ where: { id: d.id }, data: scores });
    await recordAudit(tx, actor, {
      action: "declaration.region_scores_saved",
      targetType: "Declaration",
      targetId: d.id,
      before: { satisfactionScore: d.satisfactionScore?.toNumber() ?? null, associationScore: d.associationScore?.toNumber() ?? null },
      after: scores,
    });
    return (await scoreDeclaration(tx, d, scores)).score;
  });
}

export function storedRegionScores(d: {
  satisfactionScore: { toNumber(): number } | null;
  associationScore: { toNumber(): number } | null;
}): RegionScores {
  return { satisfactionScore: d.satisfactionScore?.toNumber() ?? null, associationScore: d.associationScore?.toNumber() ?? null };
}

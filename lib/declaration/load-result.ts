import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db-client";
import { loadDeclarationFor, type Caller } from "@/lib/authz/guards";
import type { DeclarationStatus, ObjectionDecision } from "@/lib/generated/prisma/enums";
import { FACT_DISPLAY } from "@/lib/declaration/facts";
import { explainCriterion, type ScorePreviewRow } from "@/lib/declaration/score-preview";
import { CRITERION_KINDS } from "@/lib/ranking";

// What the holder reads about the region's result of their file: the latest result snapshot
// (APPROVED, or OBJECTION_DECIDED after an objection) criterion by criterion with the
// region's two scores, the violations answered yes, and the objection with its decision,
// reason and attachments. Seen by the office's holder, the region's experts and the head
// office (loadDeclarationFor); anyone else NotFoundError. The deciding expert is never named.

/** The snapshot reasons that announce a result to the holder. */
const RESULT_REASONS = ["APPROVED", "OBJECTION_DECIDED"] as const;

// The stored breakdown is a ScoreResult (lib/ranking); read as such, only what is shown.
const storedBreakdown = z.object({
  criteria: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      kind: z.enum(CRITERION_KINDS),
      fact: z.string(),
      value: z.union([z.number(), z.string(), z.boolean(), z.array(z.string()), z.null()]),
      points: z.number(),
      max: z.number(),
      pending: z.boolean(),
      capped: z.boolean(),
    }),
  ),
  violations: z.array(z.object({ code: z.string(), title: z.string(), points: z.number() })),
  positive: z.number(),
  negative: z.number(),
  total: z.number(),
  rank: z.number().int(),
  serviceSharePercent: z.number(),
});

export type ResultRegionScore = { key: string; title: string; value: number | null; points: number; max: number };
export type ResultViolation = { code: string; title: string; points: number; description: string | null; verdictNoticeDate: Date | null };
export type ResultObjection = {
  id: string;
  text: string;
  filedAt: Date;
  decision: ObjectionDecision | null;
  /** CHANGED: accepted (the region's scores changed); UPHELD: not accepted; null: not decided yet. */
  accepted: boolean | null;
  decisionReason: string | null;
  decidedAt: Date | null;
  attachments: { id: string; fileName: string; size: number }[];
};
export type ScoreLine = { positive: number; negative: number; total: number; rank: number; serviceSharePercent: number };

export type DeclarationResult = {
  declarationId: string;
  officeCode: string;
  officeName: string;
  roundTitle: string;
  regionName: string;
  status: DeclarationStatus;
  /** The rank is final (no objection possible any more, or the objection was decided). */
  final: boolean;
  /** null: the region has not announced a result yet. */
  result: {
    reason: (typeof RESULT_REASONS)[number];
    takenAt: Date;
    ruleSet: { title: string; version: number; isSample: boolean };
    score: ScoreLine;
    /** Every criterion, as step 8's table shows it (the region's two included). */
    criteria: ScorePreviewRow[];
    regionScores: ResultRegionScore[];
    violations: ResultViolation[];
    /** The approved score, when an objection changed it. */
    beforeObjection: ScoreLine | null;
  } | null;
  objections: ResultObjection[];
};

const scoreLine = (b: z.output<typeof storedBreakdown>): ScoreLine => ({
  positive: b.positive,
  negative: b.negative,
  total: b.total,
  rank: b.rank,
  serviceSharePercent: b.serviceSharePercent,
});

export async function loadDeclarationResult(db: Db, caller: Caller, declarationId: string): Promise<DeclarationResult> {
  const declaration = await loadDeclarationFor(db, caller, declarationId, "declaration:view", {
    select: {
      id: true,
      status: true,
      office: { select: { code: true, name: true } },
      round: { select: { title: true } },
      region: { select: { name: true } },
    },
  });
  const [snapshots, objections, answers] = await Promise.all([
    db.scoreSnapshot.findMany({
      where: { declarationId: declaration.id, reason: { in: [...RESULT_REASONS] } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 10,
      select: {
        reason: true,
        createdAt: true,
        breakdown: true,
        ruleSet: { select: { title: true, version: true, isSample: true } },
      },
    }),
    db.objection.findMany({
      where: { declarationId: declaration.id },
      orderBy: { filedAt: "asc" },
      select: {
        id: true,
        text: true,
        filedAt: true,
        decision: true,
        decisionReason: true,
        decidedAt: true,
        attachments: { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, size: true } },
      },
    }),
    db.violationAnswer.findMany({
      where: { declarationId: declaration.id, answer: true },
      select: { code: true, description: true, verdictNoticeDate: true },
    }),
  ]);

  const latest = snapshots[0];
  let result: DeclarationResult["result"] = null;
  if (latest) {
    const breakdown = storedBreakdown.parse(latest.breakdown);
    const answerOf = new Map(answers.map((a) => [a.code, a]));
    const approved = latest.reason === "OBJECTION_DECIDED" ? snapshots.find((s) => s.reason === "APPROVED") : undefined;
    const approvedScore = approved ? scoreLine(storedBreakdown.parse(approved.breakdown)) : null;
    result = {
      reason: latest.reason as (typeof RESULT_REASONS)[number],
      takenAt: latest.createdAt,
      ruleSet: latest.ruleSet,
      score: scoreLine(breakdown),
      criteria: breakdown.criteria.map((c) => ({
        key: c.key,
        title: c.title,
        points: c.points,
        max: c.max,
        pending: c.pending,
        regionEntered: c.kind === "regionEntered",
        explanation: explainCriterion(c, FACT_DISPLAY),
      })),
      regionScores: breakdown.criteria
        .filter((c) => c.kind === "regionEntered")
        .map((c) => ({ key: c.key, title: c.title, value: typeof c.value === "number" ? c.value : null, points: c.points, max: c.max })),
      violations: breakdown.violations.map((v) => ({
        ...v,
        description: answerOf.get(v.code)?.description ?? null,
        verdictNoticeDate: answerOf.get(v.code)?.verdictNoticeDate ?? null,
      })),
      beforeObjection:
        approvedScore && (approvedScore.total !== breakdown.total || approvedScore.rank !== breakdown.rank) ? approvedScore : null,
    };
  }

  return {
    declarationId: declaration.id,
    officeCode: declaration.office.code,
    officeName: declaration.office.name,
    roundTitle: declaration.round.title,
    regionName: declaration.region.name,
    status: declaration.status,
    final: declaration.status === "FINAL",
    result,
    objections: objections.map((o) => ({
      ...o,
      accepted: o.decision === null ? null : o.decision === "CHANGED",
    })),
  };
}

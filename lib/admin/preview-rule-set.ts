import type { Db } from "@/lib/db-client";
import type { Caller } from "@/lib/authz/guards";
import { InvalidInputError, NotFoundError } from "@/lib/errors/app-error";
import { toAsciiDigits } from "@/lib/validation/normalize";
import { scoreDeclaration } from "@/lib/declaration/score-declaration";
import { explainCriterion } from "@/lib/declaration/score-preview";
import { FACT_DISPLAY } from "@/lib/declaration/facts";
import { FactError, parseRuleSet, scoreOffice, type Facts, type FactValue, type ScoreResult } from "@/lib/ranking";
import { requireRuleSetManager } from "./rule-sets";

// "Preview on an office's data": the chosen office's latest file scored with a candidate
// rule set, beside the score it has under its own round's rule set. The facts are the ones
// the round's scoring uses (scoreDeclaration: steps 1–7, staff rows, step 8's answers read
// with the round's rule set, the region's entries). Violations the candidate does not list,
// and values it refuses (a region entry above its cap), are dropped and reported, so that
// the preview always shows a score.

export type PreviewRow = { key: string; title: string; points: number; max: number; pending: boolean; explanation: string };
export type RuleSetPreview = {
  office: { code: string; name: string };
  round: { title: string; ruleSetTitle: string; ruleSetVersion: number };
  status: string;
  candidate: {
    rows: PreviewRow[];
    violations: { code: string; title: string; points: number }[];
    positive: number;
    negative: number;
    total: number;
    rank: number;
  };
  current: { positive: number; negative: number; total: number; rank: number };
  /** Persian notes: violations or values the candidate could not use. */
  notes: string[];
};

function scoreTolerantly(candidate: ReturnType<typeof parseRuleSet>, facts: Facts, notes: string[]): ScoreResult {
  const known = new Set(candidate.violations.map((v) => v.code));
  const answered = Array.isArray(facts.violations) ? (facts.violations as readonly string[]) : [];
  const dropped = answered.filter((c) => !known.has(c));
  if (dropped.length > 0) notes.push(`تخلف‌های ${dropped.join("، ")} که دفتر «بله» پاسخ داده در این جدول نیستند و کسر نشدند.`);
  const working: Record<string, FactValue | undefined> = { ...facts, violations: answered.filter((c) => known.has(c)) };
  for (let tries = 0; tries <= Object.keys(working).length; tries++) {
    try {
      return scoreOffice(candidate, working);
    } catch (e) {
      if (!(e instanceof FactError) || working[e.fact] === null) throw e;
      notes.push(`${e.message}؛ این مقدار در پیش‌نمایش صفر در نظر گرفته شد.`);
      working[e.fact] = null;
    }
  }
  throw new Error("unreachable");
}

export async function previewRuleSet(db: Db, caller: Caller, input: { ruleSetId: string; officeCode: string }): Promise<RuleSetPreview> {
  requireRuleSetManager(caller);
  const row = await db.ruleSet.findUnique({ where: { id: input.ruleSetId }, select: { definition: true } });
  if (!row) throw new NotFoundError("ruleSet");
  const candidate = parseRuleSet(row.definition);
  const code = toAsciiDigits(input.officeCode).trim();
  if (!/^[A-Za-z0-9-]{1,20}$/.test(code)) throw new InvalidInputError({ officeCode: "کد دفتر را درست وارد کنید." });
  const office = await db.office.findUnique({ where: { code }, select: { code: true, name: true, id: true } });
  if (!office) throw new InvalidInputError({ officeCode: "دفتری با این کد در سامانه نیست." });
  const declaration = await db.declaration.findFirst({
    where: { officeId: office.id },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      roundId: true,
      data: true,
      status: true,
      satisfactionScore: true,
      associationScore: true,
      round: { select: { title: true, ruleSet: { select: { title: true, version: true } } } },
    },
  });
  if (!declaration) throw new InvalidInputError({ officeCode: "این دفتر هنوز پرونده خوداظهاری ندارد؛ دفتر دیگری را انتخاب کنید." });

  const scored = await scoreDeclaration(db, declaration, {
    satisfactionScore: declaration.satisfactionScore === null ? null : Number(declaration.satisfactionScore),
    associationScore: declaration.associationScore === null ? null : Number(declaration.associationScore),
  });
  const notes: string[] = [];
  const result = scoreTolerantly(candidate, scored.facts, notes);
  return {
    office: { code: office.code, name: office.name },
    round: {
      title: declaration.round.title,
      ruleSetTitle: declaration.round.ruleSet.title,
      ruleSetVersion: declaration.round.ruleSet.version,
    },
    status: declaration.status,
    candidate: {
      rows: result.criteria.map((c) => ({
        key: c.key,
        title: c.title,
        points: c.points,
        max: c.max,
        pending: c.pending,
        explanation: explainCriterion(c, FACT_DISPLAY),
      })),
      violations: result.violations,
      positive: result.positive,
      negative: result.negative,
      total: result.total,
      rank: result.rank,
    },
    current: { positive: scored.score.positive, negative: scored.score.negative, total: scored.score.total, rank: scored.score.rank },
    notes,
  };
}

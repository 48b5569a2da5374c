// A provisional score for the holder while the declaration is being filled in: each
// criterion's points with a short Persian explanation, the self-declared positive total out of
// its maximum, and up to three hints of what would raise it. Pure.
//
// Decisions:
// - Never throws on an incomplete or odd draft: a fact the engine refuses (FactError) is
//   treated as missing (null) and scoring is retried, so one bad value costs only its own row.
// - `positive` and `maxPositive` cover only the criteria the holder declares; region-entered
//   criteria (satisfaction, association) are listed but counted in neither, so «X از Y» is
//   what the holder can still influence. Violations are not part of a preview.
import {
  FactError,
  fromCents,
  scoreOffice,
  toCentsRounded,
  type CriterionScore,
  type FactValue,
  type Facts,
  type RuleSet,
  type ScoreResult,
} from "@/lib/ranking";
import { formatNumberFa } from "@/lib/format/digits";

export type ScorePreviewRow = {
  key: string;
  title: string;
  points: number;
  max: number;
  pending: boolean;
  regionEntered: boolean;
  /** Persian, e.g. «۴۵ ← ۸ امتیاز از ۱۵». */
  explanation: string;
};

export type ScorePreview = {
  /** Points of the self-declared (not region-entered) criteria. */
  positive: number;
  /** Sum of `max` of the self-declared criteria. */
  maxPositive: number;
  rows: ScorePreviewRow[];
  /** Up to three Persian hints, largest gap first. */
  suggestions: string[];
  /** Facts the engine refused, scored as missing. */
  invalidFacts: string[];
};

export type ScorePreviewOptions = {
  /** Display labels of fact values, by fact name: e.g. holderEducation → { bachelor: "کارشناسی" }. */
  valueLabels?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Units of numeric facts, by fact name: e.g. floorArea → «متر مربع». */
  valueUnits?: Readonly<Record<string, string>>;
};

const MAX_SUGGESTIONS = 3;

/** Scores, replacing every fact the engine refuses with null (one retry per offending fact). */
function scoreLeniently(ruleSet: RuleSet, facts: Facts): { result: ScoreResult; invalidFacts: string[] } {
  // Violations are the region's business, not the holder's preview.
  const working: Record<string, FactValue | undefined> = { ...facts, violations: [] };
  const invalidFacts: string[] = [];
  for (;;) {
    try {
      return { result: scoreOffice(ruleSet, working), invalidFacts };
    } catch (e) {
      if (!(e instanceof FactError) || invalidFacts.includes(e.fact)) throw e;
      invalidFacts.push(e.fact);
      working[e.fact] = null;
    }
  }
}

function pointsOf(c: CriterionScore): string {
  return `${formatNumberFa(c.points)} امتیاز از ${formatNumberFa(c.max)}`;
}

function explain(c: CriterionScore, labels: Readonly<Record<string, string>> | undefined, unit: string | undefined): string {
  if (c.kind === "regionEntered") {
    return c.pending ? `حداکثر ${formatNumberFa(c.max)} امتیاز` : `${formatNumberFa(c.value as number)} ← ${pointsOf(c)}`;
  }
  if (c.value === null) return `وارد نشده ← ${pointsOf(c)}`;
  let value: string;
  switch (c.kind) {
    case "bands":
    case "perUnit":
      value = unit ? `${formatNumberFa(c.value as number)} ${unit}` : formatNumberFa(c.value as number);
      break;
    case "choice":
      value = labels?.[String(c.value)] ?? String(c.value);
      break;
    case "boolean":
      value = c.value === true ? "بله" : "خیر";
      break;
    case "checklist":
      value = `${formatNumberFa((c.value as string[]).length)} مورد`;
      break;
  }
  return `${value} ← ${pointsOf(c)}${c.capped ? " (سقف)" : ""}`;
}

/** A criterion's Persian explanation, e.g. «۴۵ متر مربع ← ۸ امتیاز از ۱۵» (also for stored breakdowns). */
export function explainCriterion(c: CriterionScore, options: ScorePreviewOptions = {}): string {
  return explain(c, options.valueLabels?.[c.fact], options.valueUnits?.[c.fact]);
}

export function scorePreview(ruleSet: RuleSet, facts: Facts, options: ScorePreviewOptions = {}): ScorePreview {
  const { result, invalidFacts } = scoreLeniently(ruleSet, facts);
  let positiveCents = 0;
  let maxCents = 0;
  const rows: ScorePreviewRow[] = result.criteria.map((c) => {
    const regionEntered = c.kind === "regionEntered";
    if (!regionEntered) {
      positiveCents += toCentsRounded(c.points);
      maxCents += toCentsRounded(c.max);
    }
    return {
      key: c.key,
      title: c.title,
      points: c.points,
      max: c.max,
      pending: c.pending,
      regionEntered,
      explanation: explainCriterion(c, options),
    };
  });

  const gaps = rows
    .map((r, i) => ({ r, i, gap: toCentsRounded(r.max) - toCentsRounded(r.points) }))
    .filter((g) => !g.r.regionEntered && g.gap > 0)
    .sort((a, b) => b.gap - a.gap || a.i - b.i)
    .slice(0, MAX_SUGGESTIONS);
  const suggestions = gaps.map(({ r }) => `امتیاز «${r.title}» اکنون ${formatNumberFa(r.points)} از ${formatNumberFa(r.max)} است.`);

  return { positive: fromCents(positiveCents), maxPositive: fromCents(maxCents), rows, suggestions, invalidFacts };
}

// Scoring one office against a rule set (../shared/ranking/RULESET.md, "Facts" and "Result").
//
// Pure TypeScript: imports nothing outside lib/ranking.
//
// Every score is computed in integer hundredths (see decimal.ts) and converted to a
// two-place number only in the result, so positive − negative = total exactly.
//
// Fact semantics (RULESET.md plus the decisions noted):
// - A fact the office lacks (absent, `undefined` or `null`) counts 0, `value: null`.
//   Facts are read as own properties only (a fact named `constructor` is never inherited).
// - A fact of the wrong type (a string where a number is due, NaN, ±Infinity …) is a wiring
//   bug, not a zero: `FactError`, naming the fact.
// - bands: number; points of the last band whose `min` ≤ value; 0 below the first band.
// - perUnit: number ≥ 0 (negative → FactError), fractional allowed; value × pointsPerUnit is
//   computed exactly, rounded half up to two places, then capped at `max`.
// - choice: the string (a number or boolean is looked up as `String(value)`); 0 if unlisted.
// - boolean: `true` → points; `false` → 0.
// - checklist: string[]; each listed item counted once (duplicates ignored), unknown items
//   ignored; `value` is the items counted, in the office's order; sum capped at `max`.
// - regionEntered: number in [0, max] (outside → FactError), rounded half up to two places;
//   absent/null → 0 and `pending: true`.
// - violations: the fact `violations`, string[] of codes answered "yes"; each subtracts its
//   points once (duplicates ignored); an unknown code → FactError. Reported in rule-set order.
// - rank: the first entry whose minScore ≤ total (total may be negative), else the catch-all.
import { fromCents, mulCents, toCentsExact, toCentsRounded } from "./decimal";
import { RuleSetError, ruleSetIssue, type Criterion, type CriterionKind, type RuleSet } from "./schema";

export type FactValue = number | string | boolean | readonly string[] | null;
/** Fact name → value, as mapped from the office's declaration. */
export type Facts = Readonly<Record<string, FactValue | undefined>>;

export type CriterionScore = {
  key: string;
  title: string;
  kind: CriterionKind;
  fact: string;
  /** The fact value used (`null` when the office lacks it; for a checklist, the items counted). */
  value: number | string | boolean | string[] | null;
  points: number;
  /** The criterion's cap (see `maxPoints`). */
  max: number;
  /** Only a `regionEntered` criterion the region has not entered yet. */
  pending: boolean;
  /** True when the uncapped points (perUnit, checklist) exceeded `max`. */
  capped: boolean;
};
export type ViolationScore = {
  code: string;
  title: string;
  points: number;
};
export type ScoreResult = {
  ruleSetId: string;
  criteria: CriterionScore[];
  /** Only the violations answered "yes", in rule-set order. */
  violations: ViolationScore[];
  positive: number;
  negative: number;
  total: number;
  rank: number;
  serviceSharePercent: number;
};

export class FactError extends Error {
  /** The offending fact's name. */
  readonly fact: string;
  /** The criterion key that read it (`null` for `violations`). */
  readonly criterion: string | null;
  constructor(fact: string, criterion: string | null, message: string) {
    super(`${message} (${fact})`);
    this.name = "FactError";
    this.fact = fact;
    this.criterion = criterion;
  }
}

const VIOLATIONS_FACT = "violations";

// ---------------------------------------------------------------------------- compiled rule set

type CompiledCriterion = {
  readonly src: Criterion;
  readonly maxCents: number;
  readonly max: number;
} & (
  | { readonly kind: "bands"; readonly mins: readonly number[]; readonly pts: readonly number[] }
  | { readonly kind: "perUnit"; readonly perUnit: number }
  | { readonly kind: "choice"; readonly table: ReadonlyMap<string, number> }
  | { readonly kind: "boolean"; readonly pts: number }
  | { readonly kind: "checklist"; readonly table: ReadonlyMap<string, number> }
  | { readonly kind: "regionEntered" }
);

interface CompiledViolation {
  readonly index: number;
  readonly code: string;
  readonly title: string;
  readonly cents: number;
  readonly points: number;
}

interface Compiled {
  readonly criteria: readonly CompiledCriterion[];
  readonly violations: ReadonlyMap<string, CompiledViolation>;
  readonly violationList: readonly CompiledViolation[];
  readonly ranks: readonly { readonly rank: number; readonly minCents: number | null }[];
  readonly share: ReadonlyMap<number, number>;
}

function cents(x: number, path: PropertyKey[]): number {
  const c = toCentsExact(x);
  if (c === null) throw new RuleSetError([ruleSetIssue(path, "امتیاز حداکثر دو رقم اعشار می‌تواند داشته باشد")]);
  return c;
}

function recordTable(r: Readonly<Record<string, number>>, path: PropertyKey[]): Map<string, number> {
  return new Map(Object.keys(r).map((k) => [k, cents(r[k] as number, [...path, k])]));
}

function compileCriterion(c: Criterion, i: number): CompiledCriterion {
  const p = (...rest: PropertyKey[]) => ["criteria", i, ...rest];
  switch (c.kind) {
    case "bands": {
      const pts = c.bands.map((b, j) => cents(b.points, p("bands", j, "points")));
      const maxCents = Math.max(0, ...pts);
      return { src: c, kind: "bands", mins: c.bands.map((b) => b.min), pts, maxCents, max: fromCents(maxCents) };
    }
    case "perUnit": {
      const maxCents = cents(c.max, p("max"));
      return { src: c, kind: "perUnit", perUnit: cents(c.pointsPerUnit, p("pointsPerUnit")), maxCents, max: fromCents(maxCents) };
    }
    case "choice": {
      const table = recordTable(c.choices, p("choices"));
      const maxCents = Math.max(0, ...table.values());
      return { src: c, kind: "choice", table, maxCents, max: fromCents(maxCents) };
    }
    case "boolean": {
      const maxCents = cents(c.points, p("points"));
      return { src: c, kind: "boolean", pts: maxCents, maxCents, max: fromCents(maxCents) };
    }
    case "checklist": {
      const maxCents = cents(c.max, p("max"));
      return { src: c, kind: "checklist", table: recordTable(c.items, p("items")), maxCents, max: fromCents(maxCents) };
    }
    case "regionEntered": {
      const maxCents = cents(c.max, p("max"));
      return { src: c, kind: "regionEntered", maxCents, max: fromCents(maxCents) };
    }
  }
}

function compile(rs: RuleSet): Compiled {
  const violationList = rs.violations.map((v, index) => {
    const c = cents(v.points, ["violations", index, "points"]);
    return { index, code: v.code, title: v.title, cents: c, points: fromCents(c) };
  });
  return {
    criteria: rs.criteria.map(compileCriterion),
    violations: new Map(violationList.map((v) => [v.code, v])),
    violationList,
    ranks: rs.ranks.map((r, i) => ({ rank: r.rank, minCents: r.minScore === null ? null : cents(r.minScore, ["ranks", i, "minScore"]) })),
    share: new Map(rs.ranks.map((r) => [r.rank, rs.serviceSharePercent[String(r.rank)] ?? 0])),
  };
}

// Rule sets from parseRuleSet are deeply frozen, so their compiled form can be cached safely.
// A hand-built (unfrozen) rule set is compiled on every call, so mutating it is never stale.
const cache = new WeakMap<RuleSet, Compiled>();
function compiled(rs: RuleSet): Compiled {
  let c = cache.get(rs);
  if (c === undefined) {
    c = compile(rs);
    if (Object.isFrozen(rs)) cache.set(rs, c);
  }
  return c;
}

// ---------------------------------------------------------------------------- scoring

function readFact(facts: Facts, name: string): FactValue | undefined {
  return Object.hasOwn(facts, name) ? facts[name] : undefined;
}

function typeError(fact: string, criterion: string | null, expected: string): FactError {
  return new FactError(fact, criterion, `مقدار «${fact}» باید ${expected} باشد`);
}

function finiteNumber(v: FactValue, fact: string, key: string): number {
  if (typeof v !== "number" || !Number.isFinite(v)) throw typeError(fact, key, "عدد");
  return v;
}

/** Fills `out` (points 0, value null, not pending/capped on entry) and returns the points in hundredths. */
function scoreCriterion(cc: CompiledCriterion, raw: FactValue | undefined, out: CriterionScore): number {
  const c = cc.src;
  if (raw === undefined || raw === null) {
    if (cc.kind === "regionEntered") out.pending = true;
    return 0;
  }
  let pts = 0;
  switch (cc.kind) {
    case "bands": {
      const v = finiteNumber(raw, c.fact, c.key);
      out.value = v;
      for (let j = cc.mins.length - 1; j >= 0; j--) {
        if (v >= (cc.mins[j] as number)) {
          pts = cc.pts[j] as number;
          break;
        }
      }
      break;
    }
    case "perUnit": {
      const v = finiteNumber(raw, c.fact, c.key);
      if (v < 0) throw new FactError(c.fact, c.key, `مقدار «${c.fact}» نمی‌تواند منفی باشد`);
      out.value = v + 0;
      // Capping at max + 1 keeps the product a safe integer and still tells us it exceeded max.
      pts = mulCents(v, cc.perUnit, cc.maxCents + 1);
      if (pts > cc.maxCents) {
        pts = cc.maxCents;
        out.capped = true;
      }
      break;
    }
    case "choice": {
      if (typeof raw === "object") throw typeError(c.fact, c.key, "یک گزینه (متن)");
      out.value = raw;
      pts = cc.table.get(String(raw)) ?? 0;
      break;
    }
    case "boolean": {
      if (typeof raw !== "boolean") throw typeError(c.fact, c.key, "true یا false");
      out.value = raw;
      if (raw) pts = cc.pts;
      break;
    }
    case "checklist": {
      if (!Array.isArray(raw)) throw typeError(c.fact, c.key, "فهرست موارد (آرایه متن)");
      const items = raw as readonly unknown[];
      const counted: string[] = [];
      for (const item of items) {
        if (typeof item !== "string") throw typeError(c.fact, c.key, "فهرست موارد (آرایه متن)");
        const p = cc.table.get(item);
        if (p !== undefined && !counted.includes(item)) {
          counted.push(item);
          pts += p;
        }
      }
      out.value = counted;
      if (pts > cc.maxCents) {
        pts = cc.maxCents;
        out.capped = true;
      }
      break;
    }
    case "regionEntered": {
      const v = finiteNumber(raw, c.fact, c.key);
      if (v < 0 || v > cc.max) throw new FactError(c.fact, c.key, `مقدار «${c.fact}» باید بین ۰ و ${cc.max} باشد`);
      out.value = v + 0;
      pts = toCentsRounded(v);
      break;
    }
  }
  out.points = fromCents(pts);
  return pts;
}

/** Scores one office: per-criterion and per-violation points, totals, rank and service share. */
export function scoreOffice(ruleSet: RuleSet, facts: Facts): ScoreResult {
  const c = compiled(ruleSet);
  const n = c.criteria.length;
  const criteria: CriterionScore[] = new Array(n);
  let positive = 0;
  for (let i = 0; i < n; i++) {
    const cc = c.criteria[i] as CompiledCriterion;
    const src = cc.src;
    const out: CriterionScore = {
      key: src.key,
      title: src.title,
      kind: src.kind,
      fact: src.fact,
      value: null,
      points: 0,
      max: cc.max,
      pending: false,
      capped: false,
    };
    positive += scoreCriterion(cc, readFact(facts, src.fact), out);
    criteria[i] = out;
  }

  let negative = 0;
  const violations: ViolationScore[] = [];
  const answered = readFact(facts, VIOLATIONS_FACT);
  if (answered !== undefined && answered !== null && !(Array.isArray(answered) && answered.length === 0)) {
    if (!Array.isArray(answered)) throw typeError(VIOLATIONS_FACT, null, "فهرست کدهای تخلف (آرایه متن)");
    const hit: boolean[] = new Array(c.violationList.length).fill(false);
    for (const code of answered as readonly unknown[]) {
      if (typeof code !== "string") throw typeError(VIOLATIONS_FACT, null, "فهرست کدهای تخلف (آرایه متن)");
      const v = c.violations.get(code);
      if (v === undefined) throw new FactError(VIOLATIONS_FACT, null, `کد تخلف ناشناخته است: «${code}»`);
      hit[v.index] = true;
    }
    for (const v of c.violationList) {
      if (hit[v.index]) {
        negative += v.cents;
        violations.push({ code: v.code, title: v.title, points: v.points });
      }
    }
  }

  const total = positive - negative;
  const rank = rankForCents(c, total);
  return {
    ruleSetId: ruleSet.id,
    criteria,
    violations,
    positive: fromCents(positive),
    negative: fromCents(negative),
    total: fromCents(total),
    rank,
    serviceSharePercent: c.share.get(rank) ?? 0,
  };
}

function rankForCents(c: Compiled, totalCents: number): number {
  for (const r of c.ranks) {
    if (r.minCents === null || totalCents >= r.minCents) return r.rank;
  }
  /* c8 ignore next -- a valid rule set always ends with the catch-all */
  return (c.ranks[c.ranks.length - 1] as { rank: number }).rank;
}

/** The rank for a total (a two-place number): the first entry whose minScore ≤ total. */
export function rankForTotal(ruleSet: RuleSet, total: number): number {
  return rankForCents(compiled(ruleSet), toCentsRounded(total));
}

/** The last rank (the catch-all): what an office that did not submit in the round gets. */
export function lowestRank(ruleSet: RuleSet): number {
  const last = ruleSet.ranks[ruleSet.ranks.length - 1];
  if (last === undefined) throw new RuleSetError([ruleSetIssue(["ranks"], "دست‌کم یک ردیف رتبه لازم است")]);
  return last.rank;
}

/** The share of the city's services (0–100) an office of `rank` may offer. */
export function serviceSharePercentFor(ruleSet: RuleSet, rank: number): number {
  return compiled(ruleSet).share.get(rank) ?? 0;
}

/**
 * The cap of a criterion, as reported in `CriterionScore.max`: bands → the highest band
 * points; perUnit, checklist, regionEntered → `max`; choice → the highest choice; boolean → `points`.
 */
export function maxPoints(criterion: Criterion): number {
  switch (criterion.kind) {
    case "bands":
      return Math.max(0, ...criterion.bands.map((b) => b.points));
    case "choice":
      return Math.max(0, ...Object.values(criterion.choices));
    case "boolean":
      return criterion.points;
    case "perUnit":
    case "checklist":
    case "regionEntered":
      return criterion.max;
  }
}

export interface RankedOffice {
  /** Index of the result in the input array. */
  index: number;
  /** 1-based standing by total, best first; equal totals share a position (1, 2, 2, 4). */
  position: number;
  total: number;
  rank: number;
}

/** Orders scored offices by total (descending; ties keep input order) and assigns positions. */
export function rankOffices(results: readonly Pick<ScoreResult, "total" | "rank">[]): RankedOffice[] {
  const n = results.length;
  const totals = new Float64Array(n); // in hundredths
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const t = toCentsRounded((results[i] as Pick<ScoreResult, "total">).total);
    totals[i] = t;
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  }
  let order: ArrayLike<number>;
  if (n > 0 && (hi - lo + 1) * n <= Number.MAX_SAFE_INTEGER) {
    // Fast path: one numeric key per office, (hi − total) × n + index, sorted natively.
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = (hi - (totals[i] as number)) * n + i;
    keys.sort();
    const idx = new Uint32Array(n);
    for (let k = 0; k < n; k++) idx[k] = (keys[k] as number) % n;
    order = idx;
  } else {
    const idx = Array.from({ length: n }, (_, i) => i);
    idx.sort((a, b) => (totals[b] as number) - (totals[a] as number) || a - b);
    order = idx;
  }
  const out = new Array<RankedOffice>(n);
  let position = 0;
  let prev = NaN;
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    const t = totals[i] as number;
    if (t !== prev) position = k + 1;
    prev = t;
    out[k] = { index: i, position, total: fromCents(t), rank: (results[i] as Pick<ScoreResult, "rank">).rank };
  }
  return out;
}

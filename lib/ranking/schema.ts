// The rule set format of ../shared/ranking/RULESET.md: types, validation on import
// (`parseRuleSet`) and the canonical plain-JSON form (`serializeRuleSet`).
//
// Pure TypeScript: imports nothing but zod.
//
// Validation reports every problem it finds at once, each as `{ path, message }` where
// `path` names the field (`criteria[3].bands[1].min`, `ranks`, `serviceSharePercent["2"]`)
// and the Persian `message` ends with the same path in parentheses, so a message shown
// on its own still names the field.
//
// Decisions beyond RULESET.md (documented here, tested in tests/unit/ranking-validation):
// - Objects are strict: an unknown field (a typo such as `pointPerUnit`) is refused, not ignored.
// - `id`, `title`, criterion `key`/`title`/`fact`, violation `code`/`title` are non-empty strings;
//   `isSample` is required; `note` is an optional string.
// - At least one criterion; `bands`, `choices` and `items` are non-empty; violations may be empty.
// - Every score in the file (band/choice/item/violation/boolean points, `pointsPerUnit`, `max`,
//   `minScore`) is a finite number with at most two decimal places and magnitude at most
//   1,000,000,000; all but `minScore` must be ≥ 0 ("negative points"). A threshold may be
//   negative, since a total may be. Band `min` is any finite number (it is a fact value).
// - `ranks`: `rank` is a positive integer, unique; thresholds strictly descending; exactly one
//   `minScore: null`, and it is the last entry.
// - `serviceSharePercent` has exactly one entry per rank (key = the rank as a string), each in
//   [0, 100]; an entry for a rank that does not exist is refused.
// - Band points need not be non-decreasing (RULESET.md asks only that `min` ascend).
import { z } from "zod";
import { fromCents, toCentsExact } from "./decimal";

// ---------------------------------------------------------------------------- types

export const CRITERION_KINDS = ["bands", "perUnit", "choice", "boolean", "checklist", "regionEntered"] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];

interface CriterionBase {
  readonly key: string;
  readonly title: string;
  readonly fact: string;
}
export interface Band {
  readonly min: number;
  readonly points: number;
}
export interface BandsCriterion extends CriterionBase {
  readonly kind: "bands";
  readonly bands: readonly Band[];
}
export interface PerUnitCriterion extends CriterionBase {
  readonly kind: "perUnit";
  readonly pointsPerUnit: number;
  readonly max: number;
}
export interface ChoiceCriterion extends CriterionBase {
  readonly kind: "choice";
  readonly choices: Readonly<Record<string, number>>;
}
export interface BooleanCriterion extends CriterionBase {
  readonly kind: "boolean";
  readonly points: number;
}
export interface ChecklistCriterion extends CriterionBase {
  readonly kind: "checklist";
  readonly items: Readonly<Record<string, number>>;
  readonly max: number;
}
export interface RegionEnteredCriterion extends CriterionBase {
  readonly kind: "regionEntered";
  readonly max: number;
}
export type Criterion =
  BandsCriterion | PerUnitCriterion | ChoiceCriterion | BooleanCriterion | ChecklistCriterion | RegionEnteredCriterion;

export interface Violation {
  readonly code: string;
  readonly title: string;
  readonly points: number;
}
export interface RankThreshold {
  readonly rank: number;
  /** `null` only on the last entry: the catch-all. */
  readonly minScore: number | null;
}
export interface RuleSet {
  readonly id: string;
  readonly title: string;
  readonly isSample: boolean;
  readonly note?: string;
  readonly criteria: readonly Criterion[];
  readonly violations: readonly Violation[];
  readonly ranks: readonly RankThreshold[];
  /** Rank (as a string key) → percentage of the city's services, 0–100. */
  readonly serviceSharePercent: Readonly<Record<string, number>>;
}

export interface RuleSetIssue {
  /** The offending field, e.g. `criteria[3].bands[1].min`; `$` for the whole document. */
  path: string;
  /** Persian, for the admin; ends with ` (path)`. */
  message: string;
}

export class RuleSetError extends Error {
  readonly issues: RuleSetIssue[];
  constructor(issues: RuleSetIssue[]) {
    super(`جدول امتیاز نامعتبر است:\n${issues.map((i) => `- ${i.message}`).join("\n")}`);
    this.name = "RuleSetError";
    this.issues = issues;
  }
}

// ---------------------------------------------------------------------------- messages

export const MAX_POINTS = 1_000_000_000;

const M = {
  required: "این فیلد الزامی است",
  type: (expected: string) => `نوع مقدار نامعتبر است؛ باید ${expected} باشد`,
  unknownField: "فیلد ناشناخته است",
  empty: "نباید خالی باشد",
  kind: `نوع معیار نامعتبر است؛ باید یکی از ${CRITERION_KINDS.join("، ")} باشد`,
  negative: "امتیاز نمی‌تواند منفی باشد",
  decimals: "امتیاز حداکثر دو رقم اعشار می‌تواند داشته باشد",
  tooBig: "مقدار امتیاز بیش از حد بزرگ است (حداکثر ۱٬۰۰۰٬۰۰۰٬۰۰۰)",
  noCriteria: "دست‌کم یک معیار لازم است",
  noBands: "دست‌کم یک بازه لازم است",
  noChoices: "دست‌کم یک گزینه لازم است",
  noItems: "دست‌کم یک مورد لازم است",
  noRanks: "دست‌کم یک ردیف رتبه (ردیف پایانی با minScore: null) لازم است",
  regionMax: "معیار regionEntered باید سقف امتیاز (max) داشته باشد",
  duplicateKey: (k: string) => `کلید معیار تکراری است: «${k}»`,
  duplicateCode: (c: string) => `کد تخلف تکراری است: «${c}»`,
  duplicateRank: (r: number) => `رتبه تکراری است: ${r}`,
  bandsOrder: (min: number, prev: number) =>
    `بازه‌ها باید به ترتیب صعودی min باشند؛ min این بازه (${min}) باید بیشتر از min بازه قبلی (${prev}) باشد`,
  rankInteger: "رتبه باید عدد صحیح مثبت باشد",
  catchAllMissing: "ردیف آخر رتبه‌ها باید ردیف سایر امتیازها با minScore: null باشد",
  catchAllNotLast: "فقط ردیف آخر رتبه‌ها می‌تواند minScore: null داشته باشد",
  thresholdsOrder: (score: number, prev: number) =>
    `آستانه‌ها باید نزولی باشند؛ minScore این ردیف (${score}) باید کمتر از ردیف قبلی (${prev}) باشد`,
  percent: "درصد سهم خدمات باید بین ۰ و ۱۰۰ باشد",
  shareMissing: (r: number) => `سهم خدمات برای رتبه ${r} تعیین نشده است`,
  shareUnknownRank: "این رتبه در ranks تعریف نشده است",
  emptyKey: "کلید نباید خالی باشد",
  reservedKey: "این نام برای کلید مجاز نیست",
};

const TYPE_NAMES: Record<string, string> = {
  number: "عدد",
  string: "متن",
  boolean: "true یا false",
  array: "آرایه",
  object: "شیء",
  record: "شیء",
  null: "null",
};

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/** `["criteria", 3, "bands"]` → `criteria[3].bands`; odd keys as `["a b"]`; empty → `$`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else if (typeof seg === "string" && /^[A-Za-z_$][\w$]*$/.test(seg)) out += out === "" ? seg : `.${seg}`;
    else out += `[${JSON.stringify(String(seg))}]`;
  }
  return out === "" ? "$" : out;
}

/** An issue at `path`, with the path appended to the message. */
export function ruleSetIssue(path: readonly PropertyKey[], message: string): RuleSetIssue {
  const p = formatPath(path);
  return { path: p, message: `${message} (${p})` };
}

// ---------------------------------------------------------------------------- zod schemas

const text = () => z.string().refine((s) => s.trim().length > 0, M.empty);

/** A score in the file: finite, ≤ 2 decimals, |x| ≤ MAX_POINTS, and (unless `allowNegative`) ≥ 0. */
function score(opts: { allowNegative?: boolean; requiredMessage?: string } = {}) {
  const requiredMessage = opts.requiredMessage;
  let s = z.number({
    error: requiredMessage ? (iss) => (iss.input === undefined ? requiredMessage : undefined) : undefined,
  });
  s = opts.allowNegative ? s.min(-MAX_POINTS, M.tooBig) : s.min(0, M.negative);
  return s.max(MAX_POINTS, M.tooBig).refine((x) => toCentsExact(x) !== null, M.decimals);
}
const points = () => score();

const base = { key: text(), title: text(), fact: text() };
const scoreRecord = (emptyMessage: string) => z.record(text(), points()).refine((r) => Object.keys(r).length > 0, emptyMessage);

const criterionSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    ...base,
    kind: z.literal("bands"),
    bands: z.array(z.strictObject({ min: z.number(), points: points() })).min(1, M.noBands),
  }),
  z.strictObject({ ...base, kind: z.literal("perUnit"), pointsPerUnit: points(), max: points() }),
  z.strictObject({ ...base, kind: z.literal("choice"), choices: scoreRecord(M.noChoices) }),
  z.strictObject({ ...base, kind: z.literal("boolean"), points: points() }),
  z.strictObject({ ...base, kind: z.literal("checklist"), items: scoreRecord(M.noItems), max: points() }),
  z.strictObject({ ...base, kind: z.literal("regionEntered"), max: score({ requiredMessage: M.regionMax }) }),
]);

const ruleSetSchema = z.strictObject({
  id: text(),
  title: text(),
  isSample: z.boolean(),
  note: z.string().optional(),
  criteria: z.array(criterionSchema).min(1, M.noCriteria),
  violations: z.array(z.strictObject({ code: text(), title: text(), points: points() })),
  ranks: z
    .array(
      z.strictObject({
        rank: z.number().int(M.rankInteger).min(1, M.rankInteger),
        minScore: score({ allowNegative: true }).nullable(),
      }),
    )
    .min(1, M.noRanks),
  serviceSharePercent: z.record(z.string(), z.number().min(0, M.percent).max(100, M.percent)),
});

/** Persian messages for zod's generic issues (the schema's own messages win). */
const errorMap: z.core.$ZodErrorMap = (iss) => {
  if (iss.code === "invalid_type") {
    if (iss.input === undefined) return M.required;
    return M.type(TYPE_NAMES[iss.expected] ?? iss.expected);
  }
  if (iss.code === "invalid_union" && "discriminator" in iss) {
    const kind = isPlainObject(iss.input) ? iss.input.kind : undefined;
    return kind === undefined ? M.required : M.kind;
  }
  if (iss.code === "invalid_key") return M.emptyKey;
  return undefined;
};

function zodIssues(error: z.ZodError): RuleSetIssue[] {
  const out: RuleSetIssue[] = [];
  for (const iss of error.issues) {
    if (iss.code === "unrecognized_keys") {
      for (const k of iss.keys) out.push(ruleSetIssue([...iss.path, k], M.unknownField));
    } else {
      // An unknown `kind` comes from the discriminated union already pointing at `…kind`.
      out.push(ruleSetIssue(iss.path, iss.message));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------- semantic checks
// Run on the raw input whether or not the structure is valid, skipping whatever is
// malformed (zod reports that), so that the admin sees every problem in one pass.

// zod's records skip a key "__proto__" (JSON.parse makes it an ordinary own key), so it
// would escape validation: refuse it by name.
function reservedKeys(out: RuleSetIssue[], record: unknown, path: PropertyKey[]) {
  if (isPlainObject(record) && Object.hasOwn(record, "__proto__")) out.push(ruleSetIssue([...path, "__proto__"], M.reservedKey));
}

function semanticIssues(input: unknown): RuleSetIssue[] {
  const out: RuleSetIssue[] = [];
  if (!isPlainObject(input)) return out;
  const { criteria, violations, ranks, serviceSharePercent } = input;
  reservedKeys(out, serviceSharePercent, ["serviceSharePercent"]);

  if (Array.isArray(criteria)) {
    const keys = new Set<string>();
    criteria.forEach((c: unknown, i) => {
      if (!isPlainObject(c)) return;
      if (typeof c.key === "string") {
        if (keys.has(c.key)) out.push(ruleSetIssue(["criteria", i, "key"], M.duplicateKey(c.key)));
        keys.add(c.key);
      }
      if (c.kind === "choice") reservedKeys(out, c.choices, ["criteria", i, "choices"]);
      if (c.kind === "checklist") reservedKeys(out, c.items, ["criteria", i, "items"]);
      if (c.kind === "bands" && Array.isArray(c.bands)) {
        let prev: number | undefined;
        c.bands.forEach((b: unknown, j) => {
          if (!isPlainObject(b) || typeof b.min !== "number" || !Number.isFinite(b.min)) return;
          if (prev !== undefined && !(b.min > prev)) out.push(ruleSetIssue(["criteria", i, "bands", j, "min"], M.bandsOrder(b.min, prev)));
          prev = b.min;
        });
      }
    });
  }

  if (Array.isArray(violations)) {
    const codes = new Set<string>();
    violations.forEach((v: unknown, i) => {
      if (!isPlainObject(v) || typeof v.code !== "string") return;
      if (codes.has(v.code)) out.push(ruleSetIssue(["violations", i, "code"], M.duplicateCode(v.code)));
      codes.add(v.code);
    });
  }

  const rankValues: number[] = [];
  let ranksWellFormed = Array.isArray(ranks);
  if (Array.isArray(ranks) && ranks.length > 0) {
    const seen = new Set<number>();
    let prev: number | undefined;
    const last = ranks.length - 1;
    ranks.forEach((r: unknown, i) => {
      if (!isPlainObject(r)) {
        ranksWellFormed = false;
        return;
      }
      if (typeof r.rank === "number" && Number.isInteger(r.rank) && r.rank >= 1) {
        if (seen.has(r.rank)) out.push(ruleSetIssue(["ranks", i, "rank"], M.duplicateRank(r.rank)));
        else rankValues.push(r.rank);
        seen.add(r.rank);
      } else {
        ranksWellFormed = false;
      }
      if (r.minScore === null) {
        if (i !== last) out.push(ruleSetIssue(["ranks", i, "minScore"], M.catchAllNotLast));
      } else if (typeof r.minScore === "number" && Number.isFinite(r.minScore)) {
        if (prev !== undefined && !(r.minScore < prev))
          out.push(ruleSetIssue(["ranks", i, "minScore"], M.thresholdsOrder(r.minScore, prev)));
        prev = r.minScore;
      }
    });
    const lastEntry: unknown = ranks[last];
    if (!(isPlainObject(lastEntry) && lastEntry.minScore === null)) out.push(ruleSetIssue(["ranks"], M.catchAllMissing));
  }

  if (isPlainObject(serviceSharePercent) && Array.isArray(ranks)) {
    for (const r of rankValues) {
      if (!Object.hasOwn(serviceSharePercent, String(r))) out.push(ruleSetIssue(["serviceSharePercent", String(r)], M.shareMissing(r)));
    }
    // An entry for no rank is reported only when every rank could be read (else it is noise).
    const known = new Set(rankValues.map(String));
    for (const k of ranksWellFormed ? Object.keys(serviceSharePercent) : []) {
      if (!known.has(k) && k !== "__proto__") out.push(ruleSetIssue(["serviceSharePercent", k], M.shareUnknownRank));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------- parse / serialize

/** A rule-set score in canonical form: the two-place number, never -0. */
function canonicalScore(x: number): number {
  return fromCents(toCentsExact(x) as number);
}
function canonicalRecord(r: Record<string, unknown>): Record<string, number> {
  // Object.fromEntries defines own properties, so even a key "__proto__" stays data.
  return Object.fromEntries(Object.keys(r).map((k) => [k, canonicalScore(r[k] as number)]));
}

type Raw = Record<string, unknown>;

function buildCriterion(c: Raw): Criterion {
  const b = { key: c.key as string, title: c.title as string, fact: c.fact as string };
  switch (c.kind as CriterionKind) {
    case "bands":
      return {
        ...b,
        kind: "bands",
        bands: (c.bands as Raw[]).map((x) => ({ min: (x.min as number) + 0, points: canonicalScore(x.points as number) })),
      };
    case "perUnit":
      return { ...b, kind: "perUnit", pointsPerUnit: canonicalScore(c.pointsPerUnit as number), max: canonicalScore(c.max as number) };
    case "choice":
      return { ...b, kind: "choice", choices: canonicalRecord(c.choices as Raw) };
    case "boolean":
      return { ...b, kind: "boolean", points: canonicalScore(c.points as number) };
    case "checklist":
      return { ...b, kind: "checklist", items: canonicalRecord(c.items as Raw), max: canonicalScore(c.max as number) };
    case "regionEntered":
      return { ...b, kind: "regionEntered", max: canonicalScore(c.max as number) };
  }
}

/** Builds the canonical, deeply frozen rule set from input that passed validation. */
function build(raw: Raw): RuleSet {
  const ranks = (raw.ranks as Raw[]).map((r) => ({
    rank: r.rank as number,
    minScore: r.minScore === null ? null : canonicalScore(r.minScore as number),
  }));
  const share = raw.serviceSharePercent as Raw;
  const rs: RuleSet = {
    id: raw.id as string,
    title: raw.title as string,
    isSample: raw.isSample as boolean,
    ...(raw.note === undefined ? {} : { note: raw.note as string }),
    criteria: (raw.criteria as Raw[]).map(buildCriterion),
    violations: (raw.violations as Raw[]).map((v) => ({
      code: v.code as string,
      title: v.title as string,
      points: canonicalScore(v.points as number),
    })),
    ranks,
    // In rank order, whatever order the file used.
    serviceSharePercent: Object.fromEntries(ranks.map((r) => [String(r.rank), (share[String(r.rank)] as number) + 0])),
  };
  return deepFreeze(rs);
}

function deepFreeze<T>(x: T): T {
  if (typeof x === "object" && x !== null && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
}

/**
 * Validates a rule set (RULESET.md, "Validation on import") and returns it in canonical
 * form, deeply frozen. Throws `RuleSetError` listing every problem, each naming its field.
 */
export function parseRuleSet(json: unknown): RuleSet {
  const result = ruleSetSchema.safeParse(json, { error: errorMap });
  const issues = [...(result.success ? [] : zodIssues(result.error)), ...semanticIssues(json)];
  if (issues.length > 0) throw new RuleSetError(issues);
  return build(json as Raw);
}

/** The rule set as plain, mutable JSON data (canonical field order), ready for `JSON.stringify`. */
export function serializeRuleSet(rs: RuleSet): unknown {
  const criteria = rs.criteria.map((c) => {
    const b = { key: c.key, title: c.title, fact: c.fact, kind: c.kind };
    switch (c.kind) {
      case "bands":
        return { ...b, bands: c.bands.map((x) => ({ min: x.min, points: x.points })) };
      case "perUnit":
        return { ...b, pointsPerUnit: c.pointsPerUnit, max: c.max };
      case "choice":
        return { ...b, choices: Object.fromEntries(Object.entries(c.choices)) };
      case "boolean":
        return { ...b, points: c.points };
      case "checklist":
        return { ...b, items: Object.fromEntries(Object.entries(c.items)), max: c.max };
      case "regionEntered":
        return { ...b, max: c.max };
    }
  });
  return {
    id: rs.id,
    title: rs.title,
    isSample: rs.isSample,
    ...(rs.note === undefined ? {} : { note: rs.note }),
    criteria,
    violations: rs.violations.map((v) => ({ code: v.code, title: v.title, points: v.points })),
    ranks: rs.ranks.map((r) => ({ rank: r.rank, minScore: r.minScore })),
    serviceSharePercent: Object.fromEntries(Object.entries(rs.serviceSharePercent)),
  };
}

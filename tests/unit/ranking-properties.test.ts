// Properties of lib/ranking over generated rule sets and facts (fast-check).
import fc from "fast-check";
import { mulCents } from "@/lib/ranking/decimal";
import sampleJson from "@/lib/ranking/sample-ruleset.json";
import {
  CRITERION_KINDS,
  maxPoints,
  parseRuleSet,
  RuleSetError,
  scoreOffice,
  serializeRuleSet,
  toCentsExact,
  toCentsRounded,
  type CriterionKind,
  type Facts,
  type FactValue,
  type RuleSet,
} from "@/lib/ranking";

const RUNS = { numRuns: 300 };

// ---------------------------------------------------------------------------- arbitraries

/** Hundredths → a two-place number. */
const cents = (min: number, max: number) => fc.integer({ min, max }).map((c) => c / 100 + 0);
const pointsArb = cents(0, 100_000);
const textArb = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim().length > 0);
const nameArb = textArb.filter((s) => s !== "__proto__");
const recordArb = fc.dictionary(nameArb, pointsArb, { minKeys: 1, maxKeys: 6, noNullPrototype: true });

/** A fact value with up to three decimals. */
const factNumber = (min: number, max: number) => fc.integer({ min: min * 1000, max: max * 1000 }).map((m) => m / 1000 + 0);

function criterionArb(kind: CriterionKind, i: number, monotonicBands: boolean) {
  const base = { key: `c${i}`, title: `معیار ${i}`, fact: `f${i}` };
  switch (kind) {
    case "bands":
      return fc
        .uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 6 })
        .chain((mins) =>
          fc.tuple(fc.constant(mins.sort((a, b) => a - b)), fc.array(pointsArb, { minLength: mins.length, maxLength: mins.length })),
        )
        .map(([mins, pts]) => {
          if (monotonicBands) pts.sort((a, b) => a - b);
          return { ...base, kind, bands: mins.map((min, j) => ({ min: min / 10, points: pts[j] as number })) };
        });
    case "perUnit":
      return fc.record({ pointsPerUnit: pointsArb, max: pointsArb }).map((x) => ({ ...base, kind, ...x }));
    case "choice":
      return recordArb.map((choices) => ({ ...base, kind, choices }));
    case "boolean":
      return pointsArb.map((points) => ({ ...base, kind, points }));
    case "checklist":
      return fc.record({ items: recordArb, max: pointsArb }).map((x) => ({ ...base, kind, ...x }));
    case "regionEntered":
      return pointsArb.map((max) => ({ ...base, kind, max }));
  }
}

/** A valid rule set as plain JSON. */
function ruleSetJsonArb({ monotonicBands = false } = {}) {
  const criteria = fc
    .array(fc.constantFrom(...CRITERION_KINDS), { minLength: 1, maxLength: 8 })
    .chain((kinds) => fc.tuple(...kinds.map((k, i) => criterionArb(k, i, monotonicBands))));
  const violations = fc
    .uniqueArray(textArb, { maxLength: 8 })
    .chain((codes) => fc.tuple(...codes.map((code) => pointsArb.map((points) => ({ code, title: `تخلف ${code}`, points })))));
  const ranks = fc
    .uniqueArray(fc.integer({ min: -100_000, max: 100_000 }), { maxLength: 4 })
    .chain((ts) => {
      const thresholds = ts.sort((a, b) => b - a).map((c) => c / 100 + 0);
      const n = thresholds.length + 1;
      return fc.tuple(fc.constant(thresholds), fc.array(fc.integer({ min: 0, max: 100 }), { minLength: n, maxLength: n }));
    })
    .map(([thresholds, shares]) => ({
      ranks: [...thresholds.map((minScore, i) => ({ rank: i + 1, minScore })), { rank: thresholds.length + 1, minScore: null }],
      serviceSharePercent: Object.fromEntries(shares.map((s, i) => [String(i + 1), s])),
    }));
  return fc
    .record({
      id: textArb,
      title: textArb,
      isSample: fc.boolean(),
      note: fc.option(fc.string(), { nil: undefined }),
      criteria,
      violations,
      ranks,
    })
    .map(({ note, ranks: r, ...rest }) => ({ ...rest, ...(note === undefined ? {} : { note }), ...r }));
}

const ruleSetArb = (opts?: { monotonicBands?: boolean }) => ruleSetJsonArb(opts).map((j) => parseRuleSet(j));

/** Valid facts for a rule set (every criterion sometimes missing). */
function factsArb(rs: RuleSet): fc.Arbitrary<Facts> {
  const entries = rs.criteria.map((c): fc.Arbitrary<[string, FactValue | undefined]> => {
    let v: fc.Arbitrary<FactValue>;
    switch (c.kind) {
      case "bands":
        v = factNumber(-150, 150);
        break;
      case "perUnit":
        v = fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), factNumber(0, 1000));
        break;
      case "choice":
        v = fc.oneof(fc.constantFrom(...Object.keys(c.choices)), fc.string());
        break;
      case "boolean":
        v = fc.boolean();
        break;
      case "checklist":
        v = fc.array(fc.oneof(fc.constantFrom(...Object.keys(c.items)), fc.string()), { maxLength: 10 });
        break;
      case "regionEntered": {
        const maxCents = toCentsExact(c.max) as number;
        v = fc.oneof(
          fc.integer({ min: 0, max: maxCents }).map((x) => x / 100),
          fc.integer({ min: 0, max: maxCents * 10 }).map((x) => x / 1000),
        );
        break;
      }
    }
    return fc.tuple(fc.constant(c.fact), fc.option(v, { nil: undefined }));
  });
  const codes = rs.violations.map((v) => v.code);
  const violations = codes.length === 0 ? fc.constant([]) : fc.array(fc.constantFrom(...codes), { maxLength: 12 });
  return fc.tuple(fc.tuple(...entries), violations).map(([es, vs]) => ({
    ...Object.fromEntries(es.filter(([, x]) => x !== undefined)),
    violations: vs,
  }));
}

const withFacts = (opts?: { monotonicBands?: boolean }) => ruleSetArb(opts).chain((rs) => fc.tuple(fc.constant(rs), factsArb(rs)));

const c = (x: number) => {
  const v = toCentsExact(x);
  if (v === null) throw new Error(`not a two-place number: ${x}`);
  return v;
};

// ---------------------------------------------------------------------------- properties

describe("scoring properties", () => {
  test("total = positive − negative, exactly; positive and negative are the exact sums", () => {
    fc.assert(
      fc.property(withFacts(), ([rs, facts]) => {
        const r = scoreOffice(rs, facts);
        expect(c(r.total)).toBe(c(r.positive) - c(r.negative));
        expect(c(r.positive)).toBe(r.criteria.reduce((s, x) => s + c(x.points), 0));
        expect(c(r.negative)).toBe(r.violations.reduce((s, x) => s + c(x.points), 0));
        // each answered violation subtracts once
        expect(new Set(r.violations.map((v) => v.code)).size).toBe(r.violations.length);
      }),
      RUNS,
    );
  });

  test("no criterion scores above its cap (or below 0)", () => {
    fc.assert(
      fc.property(withFacts(), ([rs, facts]) => {
        const r = scoreOffice(rs, facts);
        r.criteria.forEach((x, i) => {
          expect(x.max).toBe(maxPoints(rs.criteria[i]!));
          expect(x.points).toBeGreaterThanOrEqual(0);
          expect(x.points).toBeLessThanOrEqual(x.max);
          expect(x.pending).toBe(x.kind === "regionEntered" && x.value === null);
        });
      }),
      RUNS,
    );
  });

  test("points never fall when a perUnit or bands fact grows (band points non-decreasing)", () => {
    const arb = ruleSetArb({ monotonicBands: true })
      .filter((rs) => rs.criteria.some((x) => x.kind === "perUnit" || x.kind === "bands"))
      .chain((rs) => {
        const candidates = rs.criteria.filter((x) => x.kind === "perUnit" || x.kind === "bands");
        return fc.tuple(
          fc.constant(rs),
          fc.constantFrom(...candidates),
          fc.oneof(factNumber(0, 200), fc.integer({ min: 0, max: 1_000_000 })),
          fc.oneof(factNumber(0, 50), fc.constant(0.001), fc.constant(0.01), fc.integer({ min: 1, max: 1000 })),
        );
      });
    fc.assert(
      fc.property(arb, ([rs, criterion, a, delta]) => {
        const i = rs.criteria.indexOf(criterion);
        const lower = scoreOffice(rs, { [criterion.fact]: criterion.kind === "bands" ? a - 100 : a });
        const higher = scoreOffice(rs, { [criterion.fact]: (criterion.kind === "bands" ? a - 100 : a) + delta });
        expect(higher.criteria[i]!.points).toBeGreaterThanOrEqual(lower.criteria[i]!.points);
      }),
      RUNS,
    );
  });

  test("rank thresholds are respected at and around each boundary", () => {
    // One regionEntered criterion and one violation, both worth 1,000,000, so that any
    // two-place total in [−1,000,000, 1,000,000] can be produced through scoreOffice.
    const arb = ruleSetJsonArb().map((j) =>
      parseRuleSet({
        ...j,
        criteria: [{ key: "x", title: "x", fact: "x", kind: "regionEntered", max: 1_000_000 }],
        violations: [{ code: "N", title: "n", points: 1_000_000 }],
      }),
    );
    const scoreFor = (rs: RuleSet, totalCents: number) =>
      scoreOffice(rs, totalCents >= 0 ? { x: totalCents / 100 } : { x: (totalCents + 100_000_000) / 100, violations: ["N"] });
    /** Reference: the first entry whose minScore ≤ total. */
    const expected = (rs: RuleSet, totalCents: number) => rs.ranks.find((r) => r.minScore === null || c(r.minScore) <= totalCents)!.rank;

    fc.assert(
      fc.property(arb, fc.integer({ min: -100_000_00, max: 100_000_00 }), (rs, randomCents) => {
        const probes = [randomCents];
        for (const r of rs.ranks) if (r.minScore !== null) probes.push(c(r.minScore) - 1, c(r.minScore), c(r.minScore) + 1);
        for (const t of probes) {
          const result = scoreFor(rs, t);
          expect(c(result.total)).toBe(t);
          expect(result.rank).toBe(expected(rs, t));
          expect(result.serviceSharePercent).toBe(rs.serviceSharePercent[String(result.rank)]);
        }
        // At a threshold the office gets that rank; one hundredth below, a strictly worse one.
        rs.ranks.forEach((r, i) => {
          if (r.minScore === null) return;
          expect(scoreFor(rs, c(r.minScore)).rank).toBe(r.rank);
          const below = rs.ranks.findIndex((x) => x.rank === scoreFor(rs, c(r.minScore!) - 1).rank);
          expect(below).toBeGreaterThan(i);
        });
      }),
      RUNS,
    );
  });
});

describe("rule set properties", () => {
  test("parse → serialize → parse is stable (also through JSON text)", () => {
    fc.assert(
      fc.property(ruleSetJsonArb(), (json) => {
        const once = parseRuleSet(json);
        const serialized = serializeRuleSet(once);
        expect(serialized).toEqual(json);
        const twice = parseRuleSet(serialized);
        expect(twice).toEqual(once);
        expect(serializeRuleSet(twice)).toEqual(serialized);
        const viaText = parseRuleSet(JSON.parse(JSON.stringify(serialized)));
        expect(viaText).toEqual(once);
        expect(JSON.stringify(serializeRuleSet(viaText))).toBe(JSON.stringify(serialized));
      }),
      RUNS,
    );
  });

  test("the sample round-trips", () => {
    const rs = parseRuleSet(sampleJson);
    expect(parseRuleSet(serializeRuleSet(rs))).toEqual(rs);
  });

  test("any JSON either parses or throws a RuleSetError whose every issue names its field", () => {
    const garbage = fc.oneof(
      fc.jsonValue(),
      // near misses: a valid rule set with one field replaced by arbitrary JSON
      ruleSetJsonArb().chain((j) =>
        fc
          .tuple(fc.constantFrom("id", "criteria", "violations", "ranks", "serviceSharePercent", "isSample"), fc.jsonValue())
          .map(([k, v]) => ({ ...j, [k]: v })),
      ),
      ruleSetJsonArb().chain((j) =>
        fc
          .tuple(
            fc.nat(j.criteria.length - 1),
            fc.constantFrom("kind", "max", "points", "bands", "items", "choices", "key"),
            fc.jsonValue(),
          )
          .map(([i, k, v]) => ({
            ...j,
            criteria: j.criteria.map((x, n) => (n === i ? { ...x, [k]: v } : x)),
          })),
      ),
    );
    fc.assert(
      fc.property(garbage, (input) => {
        try {
          parseRuleSet(input);
        } catch (e) {
          if (!(e instanceof RuleSetError)) throw e;
          expect(e.issues.length).toBeGreaterThan(0);
          for (const i of e.issues) {
            expect(i.path.length).toBeGreaterThan(0);
            expect(i.message.endsWith(`(${i.path})`)).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  test("a negative value for any points field is refused, naming that field", () => {
    const arb = ruleSetJsonArb().chain((j) => {
      // every points path in this rule set
      const paths: (string | number)[][] = [];
      j.criteria.forEach((x, i) => {
        if (x.kind === "bands") x.bands.forEach((_, k) => paths.push(["criteria", i, "bands", k, "points"]));
        if (x.kind === "perUnit") paths.push(["criteria", i, "pointsPerUnit"], ["criteria", i, "max"]);
        if (x.kind === "choice") for (const k of Object.keys(x.choices)) paths.push(["criteria", i, "choices", k]);
        if (x.kind === "boolean") paths.push(["criteria", i, "points"]);
        if (x.kind === "checklist") {
          paths.push(["criteria", i, "max"]);
          for (const k of Object.keys(x.items)) paths.push(["criteria", i, "items", k]);
        }
        if (x.kind === "regionEntered") paths.push(["criteria", i, "max"]);
      });
      j.violations.forEach((_, i) => paths.push(["violations", i, "points"]));
      return fc.tuple(fc.constant(j), fc.constantFrom(...paths), cents(-100_000, -1));
    });
    fc.assert(
      fc.property(arb, ([json, path, negative]) => {
        const copy = structuredClone(json) as Record<string | number, unknown>;
        let node = copy as Record<string | number, unknown>;
        for (const seg of path.slice(0, -1)) node = node[seg] as Record<string | number, unknown>;
        node[path.at(-1)!] = negative;
        let issues: { path: string }[] = [];
        try {
          parseRuleSet(copy);
        } catch (e) {
          issues = (e as RuleSetError).issues;
        }
        expect(issues).toHaveLength(1);
        const expectedPath = path
          .map((s, n) =>
            typeof s === "number" ? `[${s}]` : /^[A-Za-z_$][\w$]*$/.test(s) ? (n === 0 ? s : `.${s}`) : `[${JSON.stringify(s)}]`,
          )
          .join("");
        expect(issues[0]!.path).toBe(expectedPath);
      }),
      RUNS,
    );
  });
});

describe("decimal properties", () => {
  /** Reference: m / 10^k rounded half away from zero to hundredths, in BigInt. */
  const ref = (m: bigint, k: number) => {
    if (k <= 2) return m * 10n ** BigInt(2 - k);
    const d = 10n ** BigInt(k - 2);
    const a = m < 0n ? -m : m;
    const q = a / d + ((a % d) * 2n >= d ? 1n : 0n);
    return m < 0n ? -q : q;
  };

  test("every two-place number converts to its exact hundredths (fast and string paths)", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -1e9, max: 1e9 }),
          fc.maxSafeInteger().map((x) => x % 1e15),
        ),
        (cents) => {
          expect(toCentsExact(cents / 100)).toBe(cents + 0);
          expect(toCentsRounded(cents / 100)).toBe(cents + 0);
        },
      ),
      { numRuns: 2000 },
    );
  });

  test("more decimals: toCentsExact refuses, toCentsRounded rounds half away from zero", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 3, max: 6 }), (m, k) => {
        const x = Number(`${m}e-${k}`);
        // the decimal m/10^k as written; its own shortest form may have fewer places
        const expected = Number(ref(BigInt(m), k));
        expect(toCentsRounded(x)).toBe(expected);
        if (m % 10 ** (k - 2) !== 0) expect(toCentsExact(x)).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  test("mulCents is value × pointsPerUnit exactly, rounded half up to hundredths", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 100_000 }),
        (m, k, ppuCents) => {
          const value = Number(`${m}e-${k}`);
          // value × ppuCents / 100 points = m × ppuCents / 10^k hundredths
          expect(mulCents(value, ppuCents)).toBe(Number(ref(BigInt(m) * BigInt(ppuCents), k + 2)));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

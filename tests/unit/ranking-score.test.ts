// Scoring against the sample rule set, with hand-computed offices, and the fact semantics
// of RULESET.md (plus the decisions documented in lib/ranking/score.ts).
import sampleJson from "@/lib/ranking/sample-ruleset.json";
import {
  FactError,
  formatCents,
  fromCents,
  lowestRank,
  maxPoints,
  parseRuleSet,
  rankForTotal,
  rankOffices,
  scoreOffice,
  serializeRuleSet,
  serviceSharePercentFor,
  toCentsExact,
  toCentsRounded,
  type Facts,
  type RuleSet,
  type ScoreResult,
} from "@/lib/ranking";
import { mulCents, toDecimal } from "@/lib/ranking/decimal";

const rs = parseRuleSet(sampleJson);

function pointsOf(r: ScoreResult): Record<string, number> {
  return Object.fromEntries(r.criteria.map((c) => [c.key, c.points]));
}

/** An office reaching every cap of the sample: 15+10+10+6+10+10+5+14+10+10 = 100. */
const perfect: Facts = {
  floorArea: 120,
  staffCount: 5,
  insuredStaffCount: 9,
  disabledStaffCount: 2,
  holderEducation: "doctorate",
  holderExperienceYears: 25,
  groundFloor: true,
  facilities: [
    "ramp",
    "accessibleToilet",
    "parking",
    "waitingSeats",
    "queueSystem",
    "airConditioning",
    "posTerminal",
    "colorScanner",
    "cctv",
    "fireExtinguisher",
  ],
  satisfactionScore: 10,
  associationScore: 10,
  violations: [],
};

describe("the sample rule set: hand-computed offices", () => {
  test("a typical office (rank 2)", () => {
    const r = scoreOffice(rs, {
      floorArea: 45.5, // band min 30 → 8
      staffCount: 4, // 4 × 2 = 8
      insuredStaffCount: 6, // 12, capped at 10
      disabledStaffCount: 1, // 3
      holderEducation: "bachelor", // 6
      holderExperienceYears: 7.5, // 7.5
      groundFloor: true, // 5
      facilities: ["ramp", "parking", "ramp", "sauna", "cctv"], // 3 + 1 + 1 (ramp once, sauna unknown)
      satisfactionScore: 8.25, // 8.25
      // associationScore not entered yet → 0, pending
      violations: ["V05", "V05"], // −3, once
    });
    expect(pointsOf(r)).toEqual({
      floorArea: 8,
      staff: 8,
      insuredStaff: 10,
      disabledStaff: 3,
      education: 6,
      experience: 7.5,
      groundFloor: 5,
      facilities: 5,
      satisfaction: 8.25,
      association: 0,
    });
    expect(r).toMatchObject({ ruleSetId: "sample-v1", positive: 60.75, negative: 3, total: 57.75, rank: 2, serviceSharePercent: 70 });
    expect(r.violations).toEqual([{ code: "V05", title: "نداشتن تابلو مطابق ضوابط بر سردر دفتر", points: 3 }]);
    expect(r.criteria.find((c) => c.key === "insuredStaff")).toMatchObject({ value: 6, points: 10, max: 10, capped: true, pending: false });
    expect(r.criteria.find((c) => c.key === "facilities")).toMatchObject({ value: ["ramp", "parking", "cctv"], points: 5, max: 14 });
    expect(r.criteria.find((c) => c.key === "association")).toMatchObject({ value: null, points: 0, max: 10, pending: true });
    expect(r.criteria.find((c) => c.key === "satisfaction")).toMatchObject({ value: 8.25, pending: false });
    expect(r.criteria.find((c) => c.key === "floorArea")).toEqual({
      key: "floorArea",
      title: "متراژ دفتر",
      kind: "bands",
      fact: "floorArea",
      value: 45.5,
      points: 8,
      max: 15,
      pending: false,
      capped: false,
    });
  });

  test("a perfect office scores 100 (rank 1)", () => {
    const r = scoreOffice(rs, perfect);
    expect(r).toMatchObject({ positive: 100, negative: 0, total: 100, rank: 1, serviceSharePercent: 100, violations: [] });
    expect(r.criteria.every((c) => c.points === c.max)).toBe(true);
    expect(r.criteria.find((c) => c.key === "facilities")?.capped).toBe(false); // 14 exactly
  });

  test("an office with no facts at all scores 0 (rank 3), both region criteria pending", () => {
    const r = scoreOffice(rs, {});
    expect(r).toMatchObject({ positive: 0, negative: 0, total: 0, rank: 3, serviceSharePercent: 30, violations: [] });
    expect(r.criteria.filter((c) => c.pending).map((c) => c.key)).toEqual(["satisfaction", "association"]);
    expect(r.criteria.every((c) => c.value === null && c.points === 0)).toBe(true);
  });

  test("violations can make the total negative", () => {
    const r = scoreOffice(rs, { groundFloor: true, violations: ["V16", "V02", "V01"] });
    expect(r).toMatchObject({ positive: 5, negative: 45, total: -40, rank: 3 });
    expect(r.violations.map((v) => v.code)).toEqual(["V01", "V02", "V16"]); // rule-set order
  });

  test("rank boundaries: 70 → 1, 69.99 → 2, 50 → 2, 49.99 → 3", () => {
    // 15 + 10 + 10 + 6 + 10 + 10 = 61, plus the satisfaction score.
    const base: Facts = {
      floorArea: 80,
      staffCount: 5,
      insuredStaffCount: 5,
      disabledStaffCount: 2,
      holderEducation: "doctorate",
      holderExperienceYears: 10,
    };
    expect(scoreOffice(rs, { ...base, satisfactionScore: 9 })).toMatchObject({ total: 70, rank: 1 });
    expect(scoreOffice(rs, { ...base, satisfactionScore: 8.99 })).toMatchObject({ total: 69.99, rank: 2 });
    expect(scoreOffice(rs, { ...base, satisfactionScore: 9, violations: ["V09", "V10", "V05", "V17"] })).toMatchObject({
      total: 48,
      rank: 3,
    });
    expect(scoreOffice(rs, { ...base, associationScore: 9, violations: ["V01"] })).toMatchObject({ total: 60, rank: 2 });
    expect(
      scoreOffice(rs, {
        floorArea: 50,
        staffCount: 5,
        insuredStaffCount: 5,
        disabledStaffCount: 2,
        holderEducation: "master",
        satisfactionScore: 4,
      }),
    ).toMatchObject({ total: 50, rank: 2 });
    expect(
      scoreOffice(rs, {
        floorArea: 50,
        staffCount: 5,
        insuredStaffCount: 5,
        disabledStaffCount: 2,
        holderEducation: "master",
        satisfactionScore: 3.99,
      }),
    ).toMatchObject({ total: 49.99, rank: 3 });
  });

  test("lowestRank: an office that did not submit", () => {
    expect(lowestRank(rs)).toBe(3);
    expect(serviceSharePercentFor(rs, lowestRank(rs))).toBe(30);
    expect(serviceSharePercentFor(rs, 1)).toBe(100);
  });

  test("rankForTotal", () => {
    expect([100, 70, 69.99, 50, 49.99, 0, -12.5].map((t) => rankForTotal(rs, t))).toEqual([1, 1, 2, 2, 3, 3, 3]);
  });

  test("maxPoints matches the reported max", () => {
    const r = scoreOffice(rs, {});
    expect(rs.criteria.map(maxPoints)).toEqual(r.criteria.map((c) => c.max));
    expect(rs.criteria.map(maxPoints)).toEqual([15, 10, 10, 6, 10, 10, 5, 14, 10, 10]);
  });
});

describe("fact semantics", () => {
  test("bands: 0 below the first band, the last band whose min ≤ value, at and around each min", () => {
    const p = (floorArea: number) => pointsOf(scoreOffice(rs, { floorArea })).floorArea;
    expect([-5, 0, 19.99, 20, 29.99, 30, 49.5, 50, 79.999, 80, 1e9].map(p)).toEqual([0, 0, 0, 4, 4, 8, 8, 12, 12, 15, 15]);
  });

  test("perUnit: fractional values are multiplied exactly and rounded half up to two places", () => {
    const p = (holderExperienceYears: number) => pointsOf(scoreOffice(rs, { holderExperienceYears })).experience;
    expect(p(2.345)).toBe(2.35); // Math.round(2.345 * 100) / 100 would give 2.34
    expect(p(2.344)).toBe(2.34);
    expect(p(1.005)).toBe(1.01); // 1.005 * 100 = 100.49999999999999 in floating point
    expect(p(0.004)).toBe(0);
    expect(p(0.005)).toBe(0.01);
    expect(p(9.999)).toBe(10);
    expect(p(10.5)).toBe(10);
    // 0.335 × 3 = 1.005 exactly → 1.01 (floating point gives 1.0050000000000001 or similar)
    expect(pointsOf(scoreOffice(rs, { disabledStaffCount: 0.335 })).disabledStaff).toBe(1.01);
    expect(pointsOf(scoreOffice(rs, { staffCount: 0 })).staff).toBe(0);
  });

  test("perUnit: a negative value is a FactError naming the fact", () => {
    expect(() => scoreOffice(rs, { staffCount: -1 })).toThrow(FactError);
    try {
      scoreOffice(rs, { staffCount: -1 });
    } catch (e) {
      expect(e).toMatchObject({ name: "FactError", fact: "staffCount", criterion: "staff" });
      expect((e as Error).message).toMatch(/staffCount.*منفی.*\(staffCount\)$/);
    }
  });

  test("choice: listed value → its points, unlisted → 0; numbers are looked up as strings", () => {
    const p = (holderEducation: Facts[string]) => pointsOf(scoreOffice(rs, { holderEducation })).education;
    expect(p("master")).toBe(8);
    expect(p("phd")).toBe(0);
    expect(p("toString")).toBe(0); // never an inherited property
    expect(p(3)).toBe(0);
    const custom = parseRuleSet({
      ...structuredClone(sampleJson),
      criteria: [{ key: "g", title: "گروه", fact: "g", kind: "choice", choices: { "1": 5, "2": 3 } }],
    });
    expect(scoreOffice(custom, { g: 1 }).total).toBe(5);
    expect(scoreOffice(custom, { g: "2" }).total).toBe(3);
  });

  test("boolean: true → points, false → 0", () => {
    expect(pointsOf(scoreOffice(rs, { groundFloor: true })).groundFloor).toBe(5);
    expect(pointsOf(scoreOffice(rs, { groundFloor: false })).groundFloor).toBe(0);
    expect(scoreOffice(rs, { groundFloor: false }).criteria[6]?.value).toBe(false);
  });

  test("checklist: each item once, unknown items ignored, capped at max", () => {
    const p = (facilities: string[]) => scoreOffice(rs, { facilities }).criteria[7];
    expect(p([])).toMatchObject({ points: 0, value: [] });
    expect(p(["ramp", "ramp", "ramp"])).toMatchObject({ points: 3, value: ["ramp"] });
    expect(p(["hovercraft", "constructor", "__proto__"])).toMatchObject({ points: 0, value: [] });
    const capped = parseRuleSet({
      ...structuredClone(sampleJson),
      criteria: [{ key: "f", title: "امکانات", fact: "f", kind: "checklist", items: { a: 3.5, b: 2.25, c: 1 }, max: 5 }],
    });
    expect(scoreOffice(capped, { f: ["a", "b"] }).criteria[0]).toMatchObject({ points: 5, capped: true });
    expect(scoreOffice(capped, { f: ["b", "c"] }).criteria[0]).toMatchObject({ points: 3.25, capped: false });
  });

  test("regionEntered: in [0, max], pending until entered, out of range is a FactError", () => {
    expect(scoreOffice(rs, { satisfactionScore: 0 }).criteria[8]).toMatchObject({ points: 0, pending: false, value: 0 });
    expect(scoreOffice(rs, { satisfactionScore: 10 }).criteria[8]).toMatchObject({ points: 10, pending: false });
    expect(scoreOffice(rs, { satisfactionScore: 7.125 }).criteria[8]).toMatchObject({ points: 7.13 });
    expect(scoreOffice(rs, { satisfactionScore: null }).criteria[8]).toMatchObject({ points: 0, pending: true, value: null });
    expect(() => scoreOffice(rs, { satisfactionScore: 10.01 })).toThrow(
      expect.objectContaining({ fact: "satisfactionScore", criterion: "satisfaction" }),
    );
    expect(() => scoreOffice(rs, { associationScore: -0.5 })).toThrow(/associationScore.*\(associationScore\)$/);
  });

  test("violations: unknown codes and wrong types are FactErrors naming `violations`", () => {
    expect(() => scoreOffice(rs, { violations: ["V99"] })).toThrow(
      expect.objectContaining({ name: "FactError", fact: "violations", criterion: null }),
    );
    expect(() => scoreOffice(rs, { violations: ["V99"] })).toThrow(/«V99».*\(violations\)$/);
    expect(() => scoreOffice(rs, { violations: "V01" })).toThrow(FactError);
    expect(scoreOffice(rs, { violations: null }).negative).toBe(0);
  });

  test.each<[string, Facts]>([
    ["bands fact as a string", { floorArea: "45" }],
    ["perUnit fact NaN", { staffCount: Number.NaN }],
    ["perUnit fact Infinity", { staffCount: Number.POSITIVE_INFINITY }],
    ["boolean fact as a string", { groundFloor: "yes" }],
    ["checklist fact as a string", { facilities: "ramp" }],
    ["choice fact as an array", { holderEducation: ["master"] }],
    ["regionEntered fact as a boolean", { satisfactionScore: true }],
  ])("wrong type: %s → FactError naming the fact", (_, facts) => {
    const fact = Object.keys(facts)[0] as string;
    expect(() => scoreOffice(rs, facts)).toThrow(expect.objectContaining({ name: "FactError", fact }));
    expect(() => scoreOffice(rs, facts)).toThrow(new RegExp(`\\(${fact}\\)$`));
  });

  test("facts are own properties only", () => {
    const facts = Object.create({ groundFloor: true }) as Facts;
    expect(scoreOffice(rs, facts).total).toBe(0);
  });
});

describe("exact decimals", () => {
  test("no floating-point drift in sums: 0.1 + 0.2 = 0.3", () => {
    const r = scoreOffice(rs, { satisfactionScore: 0.1, associationScore: 0.2 });
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(r.positive).toBe(0.3);
    expect(r.total).toBe(0.3);
  });

  test("many small points sum exactly", () => {
    const many = parseRuleSet({
      ...structuredClone(sampleJson),
      criteria: Array.from({ length: 100 }, (_, i) => ({ key: `k${i}`, title: "معیار", fact: "b", kind: "boolean", points: 0.01 })),
      violations: Array.from({ length: 30 }, (_, i) => ({ code: `V${i}`, title: "تخلف", points: 0.07 })),
    });
    const r = scoreOffice(many, { b: true, violations: Array.from({ length: 30 }, (_, i) => `V${i}`) });
    expect(r).toMatchObject({ positive: 1, negative: 2.1, total: -1.1 });
  });

  test("decimal helpers", () => {
    expect(toCentsExact(1.005)).toBeNull();
    expect(toCentsExact(0.1)).toBe(10);
    expect(toCentsExact(-12.34)).toBe(-1234);
    expect(toCentsExact(1e21)).toBeNull(); // not a safe integer in hundredths
    expect(toCentsExact(1e-7)).toBeNull();
    expect(toCentsExact(Number.NaN)).toBeNull();
    expect(toCentsRounded(1.005)).toBe(101);
    expect(toCentsRounded(-1.005)).toBe(-101); // half away from zero
    expect(toCentsRounded(1e-7)).toBe(0);
    expect(toCentsRounded(123456789.125)).toBe(12345678913);
    expect(mulCents(45.5, 250)).toBe(11375);
    expect(mulCents(1e20, 100, 1000)).toBe(1000);
    expect(toDecimal(1.5e-10)).toEqual({ mantissa: 15n, scale: 11 });
    expect(toDecimal(2e21)).toEqual({ mantissa: 2000000000000000000000n, scale: 0 });
    expect(formatCents(1250)).toBe("12.50");
    expect(formatCents(-5)).toBe("-0.05");
    expect(Object.is(fromCents(-0), 0)).toBe(true);
  });
});

describe("rankOffices", () => {
  test("orders by total descending, ties share a position and keep input order", () => {
    const results = [10, 70.5, 10, -3, 70.5, 99].map((total) => ({ total, rank: rankForTotal(rs, total) }));
    expect(rankOffices(results)).toEqual([
      { index: 5, position: 1, total: 99, rank: 1 },
      { index: 1, position: 2, total: 70.5, rank: 1 },
      { index: 4, position: 2, total: 70.5, rank: 1 },
      { index: 0, position: 4, total: 10, rank: 3 },
      { index: 2, position: 4, total: 10, rank: 3 },
      { index: 3, position: 6, total: -3, rank: 3 },
    ]);
    expect(rankOffices([])).toEqual([]);
  });
});

describe("hand-built rule sets", () => {
  test("an unfrozen rule set is compiled on every call, so edits are never stale", () => {
    const plain = serializeRuleSet(rs) as { criteria: { points?: number }[] };
    const mutable = plain as unknown as RuleSet;
    expect(scoreOffice(mutable, { groundFloor: true }).total).toBe(5);
    (plain.criteria[6] as { points: number }).points = 6;
    expect(scoreOffice(mutable, { groundFloor: true }).total).toBe(6);
  });
});

// declarationFacts: the one mapping from a declaration (step data, staff rows, region entries)
// to ranking facts, and a full sample scored on the sample rule set by hand.
import sampleJson from "@/lib/ranking/sample-ruleset.json";
import { parseRuleSet, scoreOffice } from "@/lib/ranking";
import { declarationFacts, FACT_VALUE_LABELS, parseNumberText } from "@/lib/declaration/facts";

const rs = parseRuleSet(sampleJson);

const staff = [
  { disabled: false, insured: true },
  { disabled: true, insured: true },
  { disabled: false, insured: true },
  { disabled: false, insured: false },
];

const fullData = {
  "2": { firstName: "علی", education: "bachelor" },
  "3": {
    floorArea: "۴۵",
    groundFloor: true,
    holderExperienceYears: "۱۲",
    staffCount: "9", // the typed number is ignored: the staff list counts
    disabledStaffCount: "1",
    facilities: ["ramp", "queueSystem", "posTerminal"],
  },
};

describe("parseNumberText", () => {
  it.each([
    ["45", 45],
    ["۴۵", 45],
    ["٤٥", 45],
    [" 12.5 ", 12.5],
    ["۱۲٫۵", 12.5],
    ["0", 0],
  ])("%p → %p", (raw, n) => expect(parseNumberText(raw)).toBe(n));
  it.each([[""], ["  "], ["abc"], ["-3"], ["1e3"], ["4 5"], [undefined], [true], [["1"]]])("%p → null", (raw) =>
    expect(parseNumberText(raw)).toBeNull(),
  );
});

describe("declarationFacts", () => {
  it("maps a complete declaration", () => {
    const facts = declarationFacts({
      data: fullData,
      staff,
      violationCodes: ["V05"],
      regionScores: { satisfactionScore: 7.5, associationScore: null },
    });
    expect(facts).toEqual({
      floorArea: 45,
      staffCount: 4,
      insuredStaffCount: 3,
      disabledStaffCount: 1,
      holderEducation: "bachelor",
      holderExperienceYears: 12,
      groundFloor: true,
      facilities: ["ramp", "queueSystem", "posTerminal"],
      satisfactionScore: 7.5,
      associationScore: null,
      violations: ["V05"],
    });
  });

  it("scores the full sample to the hand-computed total", () => {
    const facts = declarationFacts({
      data: fullData,
      staff,
      violationCodes: ["V05"],
      regionScores: { satisfactionScore: 7.5, associationScore: null },
    });
    const r = scoreOffice(rs, facts);
    const points = Object.fromEntries(r.criteria.map((c) => [c.key, c.points]));
    // floorArea 45 → band 30 → 8; staff 4×2 = 8; insured 3×2 = 6; disabled 1×3 = 3;
    // bachelor 6; experience 12×1 capped at 10; ground floor 5; ramp 3 + queue 2 + POS 1 = 6;
    // satisfaction 7.5; association pending 0.
    expect(points).toEqual({
      floorArea: 8,
      staff: 8,
      insuredStaff: 6,
      disabledStaff: 3,
      education: 6,
      experience: 10,
      groundFloor: 5,
      facilities: 6,
      satisfaction: 7.5,
      association: 0,
    });
    expect(r.criteria.find((c) => c.key === "association")?.pending).toBe(true);
    expect(r.criteria.find((c) => c.key === "experience")?.capped).toBe(true);
    expect(r.positive).toBe(59.5);
    expect(r.negative).toBe(3); // V05
    expect(r.total).toBe(56.5);
    expect(r.rank).toBe(2);
    expect(r.serviceSharePercent).toBe(70);
  });

  it("maps an empty draft to nulls and zero counts, and scoring it does not throw", () => {
    const facts = declarationFacts({ data: {}, staff: [] });
    expect(facts).toEqual({
      floorArea: null,
      staffCount: 0,
      insuredStaffCount: 0,
      disabledStaffCount: 0,
      holderEducation: null,
      holderExperienceYears: null,
      groundFloor: null,
      facilities: null,
      satisfactionScore: null,
      associationScore: null,
      violations: [],
    });
    const r = scoreOffice(rs, facts);
    expect(r.total).toBe(0);
    expect(r.criteria.filter((c) => c.pending).map((c) => c.key)).toEqual(["satisfaction", "association"]);
  });

  it("treats invalid or empty step values as missing", () => {
    const facts = declarationFacts({
      data: { "2": { education: "  " }, "3": { floorArea: "چهل", holderExperienceYears: "", groundFloor: false, facilities: [] } },
      staff: [],
    });
    expect(facts.floorArea).toBeNull();
    expect(facts.holderExperienceYears).toBeNull();
    expect(facts.holderEducation).toBeNull();
    expect(facts.groundFloor).toBe(false);
    expect(facts.facilities).toEqual([]);
  });

  it("ignores non-finite region scores", () => {
    const facts = declarationFacts({ data: {}, staff: [], regionScores: { satisfactionScore: Number.NaN, associationScore: 4 } });
    expect(facts.satisfactionScore).toBeNull();
    expect(facts.associationScore).toBe(4);
  });

  it("copies the violation codes", () => {
    const codes = ["V01"];
    const facts = declarationFacts({ data: {}, staff: [], violationCodes: codes });
    expect(facts.violations).toEqual(["V01"]);
    expect(facts.violations).not.toBe(codes);
  });

  it("labels education values in Persian", () => {
    expect(FACT_VALUE_LABELS.holderEducation?.bachelor).toBe("کارشناسی");
  });
});

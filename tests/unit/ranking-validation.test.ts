// Validation on import (RULESET.md): every rule refuses the rule set with a message that
// names the offending field, both in `issues[].path` and in the Persian message text.
import sampleJson from "@/lib/ranking/sample-ruleset.json";
import { parseRuleSet, RuleSetError, serializeRuleSet, type RuleSetIssue } from "@/lib/ranking";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests mutate arbitrary JSON
type Json = any;

function sample(): Json {
  return structuredClone(sampleJson);
}

function issuesOf(input: unknown): RuleSetIssue[] {
  try {
    parseRuleSet(input);
  } catch (e) {
    expect(e).toBeInstanceOf(RuleSetError);
    const err = e as RuleSetError;
    expect(err.name).toBe("RuleSetError");
    for (const i of err.issues) {
      // The field is named in the message text too, and in the error message as a whole.
      expect(i.message.endsWith(`(${i.path})`)).toBe(true);
      expect(err.message).toContain(i.message);
    }
    return err.issues;
  }
  throw new Error("expected parseRuleSet to throw");
}

/** Mutates a copy of the sample, expects exactly one issue, at `path`, whose message contains `text`. */
function expectOnly(mutate: (j: Json) => void, path: string, text: string | RegExp) {
  const j = sample();
  mutate(j);
  const issues = issuesOf(j);
  expect(issues).toEqual([{ path, message: expect.stringMatching(text) }]);
}

describe("parseRuleSet accepts the sample", () => {
  test("the shipped sample parses and is deeply frozen", () => {
    const rs = parseRuleSet(sampleJson);
    expect(rs.id).toBe("sample-v1");
    expect(rs.criteria).toHaveLength(10);
    expect(rs.violations).toHaveLength(23);
    expect(Object.isFrozen(rs)).toBe(true);
    expect(Object.isFrozen(rs.criteria[0])).toBe(true);
    expect(serializeRuleSet(rs)).toEqual(sampleJson);
  });

  test("note is optional; violations may be empty; negative thresholds are allowed", () => {
    const j = sample();
    delete j.note;
    j.violations = [];
    j.ranks = [
      { rank: 1, minScore: 10 },
      { rank: 2, minScore: -5.5 },
      { rank: 3, minScore: null },
    ];
    const rs = parseRuleSet(j);
    expect(rs.note).toBeUndefined();
    expect("note" in rs).toBe(false);
    expect(rs.ranks[1]?.minScore).toBe(-5.5);
  });

  test("two-decimal points are exact; -0 is normalised to 0", () => {
    const j = sample();
    j.criteria[0].bands[0].points = 4.25;
    j.violations[0].points = -0;
    const rs = parseRuleSet(j);
    expect(rs.criteria[0]).toMatchObject({ bands: [{ min: 20, points: 4.25 }, {}, {}, {}] });
    expect(Object.is(rs.violations[0]?.points, 0)).toBe(true);
  });

  test("a choice or item named __proto__ is refused rather than silently skipped", () => {
    const j = sample();
    j.criteria[4].choices = JSON.parse('{"__proto__": 3, "diploma": 2}');
    expect(issuesOf(j)).toEqual([{ path: "criteria[4].choices.__proto__", message: expect.any(String) }]);
  });
});

describe("RULESET.md › Validation on import", () => {
  test("unknown kind", () => {
    expectOnly((j) => (j.criteria[3].kind = "percent"), "criteria[3].kind", /نوع معیار نامعتبر است/);
  });
  test("missing kind", () => {
    expectOnly((j) => delete j.criteria[2].kind, "criteria[2].kind", /الزامی/);
  });

  test("duplicate criterion keys", () => {
    expectOnly((j) => (j.criteria[5].key = "staff"), "criteria[5].key", /کلید معیار تکراری است: «staff»/);
  });
  test("duplicate violation codes", () => {
    expectOnly((j) => (j.violations[7].code = "V02"), "violations[7].code", /کد تخلف تکراری است: «V02»/);
  });

  test("bands not ascending (a smaller min)", () => {
    expectOnly((j) => (j.criteria[0].bands[2].min = 25), "criteria[0].bands[2].min", /صعودی/);
  });
  test("bands not strictly ascending (an equal min)", () => {
    expectOnly((j) => (j.criteria[0].bands[1].min = 20), "criteria[0].bands[1].min", /صعودی/);
  });

  describe("negative points, wherever points occur", () => {
    test.each<[string, (j: Json) => void, string]>([
      ["band points", (j) => (j.criteria[0].bands[1].points = -8), "criteria[0].bands[1].points"],
      ["pointsPerUnit", (j) => (j.criteria[1].pointsPerUnit = -2), "criteria[1].pointsPerUnit"],
      ["perUnit max", (j) => (j.criteria[2].max = -10), "criteria[2].max"],
      ["choice points", (j) => (j.criteria[4].choices.master = -1), "criteria[4].choices.master"],
      ["boolean points", (j) => (j.criteria[6].points = -5), "criteria[6].points"],
      ["checklist item points", (j) => (j.criteria[7].items.ramp = -3), "criteria[7].items.ramp"],
      ["checklist max", (j) => (j.criteria[7].max = -14), "criteria[7].max"],
      ["regionEntered max", (j) => (j.criteria[8].max = -0.01), "criteria[8].max"],
      ["violation points", (j) => (j.violations[22].points = -5), "violations[22].points"],
    ])("%s", (_, mutate, path) => {
      expectOnly(mutate, path, /امتیاز نمی‌تواند منفی باشد/);
    });
  });

  test("a regionEntered without max", () => {
    expectOnly((j) => delete j.criteria[9].max, "criteria[9].max", /regionEntered باید سقف امتیاز \(max\) داشته باشد/);
  });

  describe("ranks not ending in exactly one minScore: null", () => {
    test("no catch-all at all", () => {
      expectOnly((j) => (j.ranks[2].minScore = 10), "ranks", /minScore: null/);
    });
    test("the catch-all is not last", () => {
      const j = sample();
      j.ranks = [
        { rank: 1, minScore: 70 },
        { rank: 3, minScore: null },
        { rank: 2, minScore: 50 },
      ];
      expect(issuesOf(j)).toEqual([
        { path: "ranks[1].minScore", message: expect.stringMatching(/فقط ردیف آخر/) },
        { path: "ranks", message: expect.stringMatching(/ردیف آخر رتبه‌ها باید/) },
      ]);
    });
    test("two catch-alls", () => {
      const j = sample();
      j.ranks = [
        { rank: 1, minScore: 70 },
        { rank: 2, minScore: null },
        { rank: 3, minScore: null },
      ];
      expect(issuesOf(j)).toEqual([{ path: "ranks[1].minScore", message: expect.stringMatching(/فقط ردیف آخر/) }]);
    });
    test("empty ranks", () => {
      const j = sample();
      j.ranks = [];
      j.serviceSharePercent = {};
      expect(issuesOf(j)).toEqual([{ path: "ranks", message: expect.stringMatching(/دست‌کم یک ردیف رتبه/) }]);
    });
    test("a missing minScore is not a catch-all", () => {
      const j = sample();
      delete j.ranks[2].minScore;
      expect(issuesOf(j)).toEqual([
        { path: "ranks[2].minScore", message: expect.stringMatching(/الزامی/) },
        { path: "ranks", message: expect.stringMatching(/minScore: null/) },
      ]);
    });
  });

  describe("thresholds not descending", () => {
    test("ascending", () => {
      expectOnly((j) => (j.ranks[1].minScore = 80), "ranks[1].minScore", /نزولی/);
    });
    test("equal (not strictly descending)", () => {
      expectOnly((j) => (j.ranks[1].minScore = 70), "ranks[1].minScore", /نزولی/);
    });
  });
});

describe("structural validation (decisions documented in lib/ranking/schema.ts)", () => {
  test.each<[string, (j: Json) => void, string, RegExp]>([
    ["missing id", (j) => delete j.id, "id", /الزامی/],
    ["blank id", (j) => (j.id = "  "), "id", /خالی/],
    ["missing title", (j) => delete j.title, "title", /الزامی/],
    ["isSample not boolean", (j) => (j.isSample = "yes"), "isSample", /true یا false/],
    ["note not a string", (j) => (j.note = 5), "note", /متن/],
    ["empty criteria", (j) => (j.criteria = []), "criteria", /دست‌کم یک معیار/],
    ["criteria not an array", (j) => (j.criteria = {}), "criteria", /آرایه/],
    ["a criterion not an object", (j) => (j.criteria[1] = "staff"), "criteria[1]", /شیء/],
    ["missing criterion fact", (j) => delete j.criteria[1].fact, "criteria[1].fact", /الزامی/],
    ["blank criterion title", (j) => (j.criteria[1].title = ""), "criteria[1].title", /خالی/],
    ["an unknown field (typo)", (j) => (j.criteria[1].pointPerUnit = 2), "criteria[1].pointPerUnit", /فیلد ناشناخته/],
    ["an unknown top-level field", (j) => (j.version = 2), "version", /فیلد ناشناخته/],
    ["a field of another kind", (j) => (j.criteria[6].max = 5), "criteria[6].max", /فیلد ناشناخته/],
    ["empty bands", (j) => (j.criteria[0].bands = []), "criteria[0].bands", /دست‌کم یک بازه/],
    ["band min not a number", (j) => (j.criteria[0].bands[0].min = "20"), "criteria[0].bands[0].min", /عدد/],
    ["empty choices", (j) => (j.criteria[4].choices = {}), "criteria[4].choices", /دست‌کم یک گزینه/],
    ["empty items", (j) => (j.criteria[7].items = {}), "criteria[7].items", /دست‌کم یک مورد/],
    ["an empty item name", (j) => (j.criteria[7].items[""] = 1), 'criteria[7].items[""]', /کلید نباید خالی باشد/],
    ["missing perUnit max", (j) => delete j.criteria[1].max, "criteria[1].max", /الزامی/],
    ["missing checklist max", (j) => delete j.criteria[7].max, "criteria[7].max", /الزامی/],
    ["points with three decimals", (j) => (j.criteria[6].points = 5.125), "criteria[6].points", /دو رقم اعشار/],
    ["pointsPerUnit with three decimals", (j) => (j.criteria[1].pointsPerUnit = 0.333), "criteria[1].pointsPerUnit", /دو رقم اعشار/],
    ["a threshold with three decimals", (j) => (j.ranks[0].minScore = 69.995), "ranks[0].minScore", /دو رقم اعشار/],
    ["huge points", (j) => (j.violations[0].points = 1e12), "violations[0].points", /بیش از حد بزرگ/],
    ["missing violation title", (j) => delete j.violations[3].title, "violations[3].title", /الزامی/],
    ["rank not an integer", (j) => (j.ranks[0].rank = 1.5), "ranks[0].rank", /عدد صحیح مثبت/],
    ["rank zero", (j) => (j.ranks[0].rank = 0), "ranks[0].rank", /عدد صحیح مثبت/],
    ["missing serviceSharePercent", (j) => delete j.serviceSharePercent, "serviceSharePercent", /الزامی/],
    ["a share above 100", (j) => (j.serviceSharePercent["2"] = 120), 'serviceSharePercent["2"]', /بین ۰ و ۱۰۰/],
    ["a share below 0", (j) => (j.serviceSharePercent["3"] = -1), 'serviceSharePercent["3"]', /بین ۰ و ۱۰۰/],
    ["a rank without a share", (j) => delete j.serviceSharePercent["3"], 'serviceSharePercent["3"]', /برای رتبه 3 تعیین نشده/],
    ["a share for an unknown rank", (j) => (j.serviceSharePercent["4"] = 10), 'serviceSharePercent["4"]', /در ranks تعریف نشده/],
  ])("%s", (_, mutate, path, text) => {
    expectOnly(mutate, path, text);
  });

  test("a duplicate rank", () => {
    const j = sample();
    j.ranks[1].rank = 1;
    expect(issuesOf(j)).toEqual([
      { path: "ranks[1].rank", message: expect.stringMatching(/رتبه تکراری است: 1/) },
      { path: 'serviceSharePercent["2"]', message: expect.stringMatching(/در ranks تعریف نشده/) },
    ]);
  });

  test.each([null, 42, "sample", [], undefined])("not an object: %p", (input) => {
    expect(issuesOf(input)).toEqual([{ path: "$", message: expect.stringMatching(/شیء|الزامی/) }]);
  });

  test("NaN and Infinity are not numbers", () => {
    const j = sample();
    j.criteria[6].points = Number.NaN;
    j.criteria[1].max = Number.POSITIVE_INFINITY;
    expect(issuesOf(j).map((i) => i.path)).toEqual(["criteria[1].max", "criteria[6].points"]);
  });

  test("every problem is reported at once", () => {
    const j = sample();
    j.criteria[0].bands[1].min = 10; // bands not ascending
    j.criteria[1].kind = "weird"; // unknown kind
    j.criteria[3].key = "staff"; // duplicate key
    j.criteria[6].points = -5; // negative points
    delete j.criteria[8].max; // regionEntered without max
    j.violations[4].code = "V01"; // duplicate code
    j.ranks = [
      { rank: 1, minScore: 50 },
      { rank: 2, minScore: 70 }, // not descending
      { rank: 3, minScore: 10 }, // no catch-all
    ];
    const paths = issuesOf(j).map((i) => i.path);
    expect(paths.sort()).toEqual(
      [
        "criteria[0].bands[1].min",
        "criteria[1].kind",
        "criteria[3].key",
        "criteria[6].points",
        "criteria[8].max",
        "violations[4].code",
        "ranks[1].minScore",
        "ranks",
      ].sort(),
    );
  });

  test("the error message lists every issue in Persian", () => {
    const j = sample();
    j.criteria[3].kind = "percent";
    expect(() => parseRuleSet(j)).toThrow(/^جدول امتیاز نامعتبر است:\n- نوع معیار نامعتبر است.*\(criteria\[3\]\.kind\)$/);
  });
});

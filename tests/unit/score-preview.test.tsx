/**
 * @jest-environment jsdom
 */
// scorePreview (lib/declaration/score-preview.ts) and its card (components/wizard/score-preview.tsx).
import { render, screen, within } from "@testing-library/react";
import sampleJson from "@/lib/ranking/sample-ruleset.json";
import { parseRuleSet, type Facts } from "@/lib/ranking";
import { declarationFacts, FACT_VALUE_LABELS } from "@/lib/declaration/facts";
import { scorePreview } from "@/lib/declaration/score-preview";
import { ScorePreviewCard } from "@/components/wizard/score-preview";

const rs = parseRuleSet(sampleJson);

const facts = declarationFacts({
  data: {
    "2": { education: "bachelor" },
    "3": { floorArea: "۴۵", groundFloor: true, holderExperienceYears: "12", facilities: ["ramp", "queueSystem", "posTerminal"] },
  },
  staff: [
    { disabled: false, insured: true },
    { disabled: true, insured: true },
    { disabled: false, insured: true },
    { disabled: false, insured: false },
  ],
});

describe("scorePreview", () => {
  const p = scorePreview(rs, facts, { valueLabels: FACT_VALUE_LABELS });

  it("totals the self-declared criteria only", () => {
    // 8 + 8 + 6 + 3 + 6 + 10 + 5 + 6; max 15 + 10 + 10 + 6 + 10 + 10 + 5 + 14.
    expect(p.positive).toBe(52);
    expect(p.maxPositive).toBe(80);
    expect(p.invalidFacts).toEqual([]);
  });

  it("explains each row", () => {
    const byKey = Object.fromEntries(p.rows.map((r) => [r.key, r]));
    expect(byKey.floorArea?.explanation).toBe("۴۵ ← ۸ امتیاز از ۱۵");
    expect(byKey.staff?.explanation).toBe("۴ ← ۸ امتیاز از ۱۰");
    expect(byKey.education?.explanation).toBe("کارشناسی ← ۶ امتیاز از ۱۰");
    expect(byKey.experience?.explanation).toBe("۱۲ ← ۱۰ امتیاز از ۱۰ (سقف)");
    expect(byKey.groundFloor?.explanation).toBe("بله ← ۵ امتیاز از ۵");
    expect(byKey.facilities?.explanation).toBe("۳ مورد ← ۶ امتیاز از ۱۴");
    expect(byKey.satisfaction).toMatchObject({ regionEntered: true, pending: true, points: 0, max: 10, explanation: "حداکثر ۱۰ امتیاز" });
    expect(p.rows.filter((r) => r.regionEntered).map((r) => r.key)).toEqual(["satisfaction", "association"]);
  });

  it("suggests the three largest gaps, region-entered criteria excluded", () => {
    // Gaps: facilities 8, floorArea 7, insuredStaff 4 (before education 4: rule-set order).
    expect(p.suggestions).toEqual([
      "امتیاز «امکانات و تجهیزات دفتر» اکنون ۶ از ۱۴ است.",
      "امتیاز «متراژ دفتر» اکنون ۸ از ۱۵ است.",
      "امتیاز «کارکنان دارای بیمه» اکنون ۶ از ۱۰ است.",
    ]);
  });

  it("shows choice values raw without labels, and entered region scores", () => {
    const q = scorePreview(rs, { ...facts, satisfactionScore: 7.5 });
    expect(q.rows.find((r) => r.key === "education")?.explanation).toBe("bachelor ← ۶ امتیاز از ۱۰");
    expect(q.rows.find((r) => r.key === "satisfaction")).toMatchObject({
      pending: false,
      points: 7.5,
      explanation: "۷٫۵ ← ۷٫۵ امتیاز از ۱۰",
    });
    expect(q.positive).toBe(52); // region points are not in the holder's positive
  });

  it("does not throw on an empty draft", () => {
    const q = scorePreview(rs, declarationFacts({ data: {}, staff: [] }));
    expect(q.positive).toBe(0);
    expect(q.maxPositive).toBe(80);
    expect(q.rows.find((r) => r.key === "floorArea")?.explanation).toBe("وارد نشده ← ۰ امتیاز از ۱۵");
    expect(q.rows.find((r) => r.key === "staff")?.explanation).toBe("۰ ← ۰ امتیاز از ۱۰");
    expect(q.suggestions).toHaveLength(3);
    expect(q.suggestions[0]).toBe("امتیاز «متراژ دفتر» اکنون ۰ از ۱۵ است.");
  });

  it("treats facts the engine refuses as missing, and ignores violations", () => {
    const bad: Facts = { ...facts, floorArea: "abc", groundFloor: "yes", satisfactionScore: 50, violations: ["NOPE"] };
    const q = scorePreview(rs, bad);
    expect(q.invalidFacts.sort()).toEqual(["floorArea", "groundFloor", "satisfactionScore"]);
    expect(q.rows.find((r) => r.key === "floorArea")).toMatchObject({ points: 0 });
    expect(q.rows.find((r) => r.key === "satisfaction")).toMatchObject({ pending: true });
    expect(q.positive).toBe(52 - 8 - 5);
  });

  it("has no suggestions when every declared criterion is at its max", () => {
    const q = scorePreview(rs, {
      floorArea: 100,
      staffCount: 5,
      insuredStaffCount: 5,
      disabledStaffCount: 2,
      holderEducation: "doctorate",
      holderExperienceYears: 10,
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
    });
    expect(q.positive).toBe(80);
    expect(q.suggestions).toEqual([]);
  });
});

describe("ScorePreviewCard", () => {
  it("renders the total, an accessible table, region labels, suggestions and the provisional note", () => {
    const p = scorePreview(rs, facts, { valueLabels: FACT_VALUE_LABELS });
    render(<ScorePreviewCard preview={p} isSample />);
    expect(screen.getByRole("heading", { name: "پیش‌نمایش امتیاز" })).toBeInTheDocument();
    expect(screen.getByText(/امتیاز مثبت تا اینجا/).textContent).toContain("۵۲ از ۸۰");
    expect(screen.getByText("این امتیاز موقت است و پس از بررسی منطقه قطعی می‌شود.")).toBeInTheDocument();
    expect(screen.getByText("جدول امتیازدهی این دوره نمونه است.")).toBeInTheDocument();
    const table = screen.getByRole("table", { name: "امتیاز هر معیار بر اساس اطلاعات واردشده" });
    expect(within(table).getAllByRole("columnheader")).toHaveLength(3);
    const row = within(table).getByRole("row", { name: /رضایت دریافت‌کنندگان خدمت/ });
    expect(within(row).getByText("توسط منطقه وارد می‌شود")).toBeInTheDocument();
    expect(within(table).getByRole("rowheader", { name: "متراژ دفتر" })).toBeInTheDocument();
    expect(screen.getAllByRole("listitem")).toHaveLength(3);
  });

  it("omits the sample note for an approved rule set", () => {
    render(<ScorePreviewCard preview={scorePreview(rs, facts)} isSample={false} />);
    expect(screen.queryByText("جدول امتیازدهی این دوره نمونه است.")).not.toBeInTheDocument();
  });
});

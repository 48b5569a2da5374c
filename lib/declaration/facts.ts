// THE one place the app maps a declaration to ranking facts (lib/ranking, "Facts" of
// ../shared/ranking/RULESET.md). Pure: the caller loads the declaration's data, its staff
// rows and (when known) the region's entries and violation codes.
//
// Mapping (fact ← source):
// - floorArea, holderExperienceYears ← step 3 text (Persian/Arabic digits and «٫» accepted);
//   empty or not a non-negative number → null (the criterion counts 0).
// - groundFloor ← step 3 checkbox (boolean; null when the step has no value yet).
// - facilities ← step 3 checklist (string[]; null when absent).
// - holderEducation ← step 2 `education` (the option value, e.g. "bachelor"; empty → null).
// - staffCount ← the number of staff listed in step 7 (StaffMember rows), not step 3's typed
//   number: the list is what the office proves. insuredStaffCount / disabledStaffCount are
//   counted from the same rows.
// - violations ← `violationCodes` (the region's "yes" answers), [] when none given.
// - satisfactionScore, associationScore ← `regionScores`; null until the region enters them
//   (the criterion is then `pending`).
import type { Facts } from "@/lib/ranking";
import type { DeclarationData } from "@/lib/declaration/declaration-json";
import { toAsciiDigits } from "@/lib/validation/normalize";
import { canonicalJson } from "@/lib/format/canonical-json";
import { EDUCATION_OPTIONS } from "@/lib/declaration/forms/step-2-responsible";

/** Persian labels of fact values, by fact name (for explanations such as the score preview). */
export const FACT_VALUE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  holderEducation: Object.fromEntries(EDUCATION_OPTIONS.map((o) => [o.value, o.label])),
};

/** Units of numeric facts, for explanations such as «۴۵ متر مربع ← ۸ امتیاز از ۱۵». */
const FACT_VALUE_UNITS: Readonly<Record<string, string>> = {
  floorArea: "متر مربع",
  staffCount: "نفر",
  insuredStaffCount: "نفر",
  disabledStaffCount: "نفر",
  holderExperienceYears: "سال",
};

/** How fact values are shown in explanations (score-preview.ts options). */
export const FACT_DISPLAY = { valueLabels: FACT_VALUE_LABELS, valueUnits: FACT_VALUE_UNITS } as const;

export type StaffFacts = { disabled: boolean; insured: boolean };
/** The staff list reduced to what the facts need (e.g. from one SQL count). */
export type StaffFactCounts = { total: number; disabled: number; insured: number };

export type DeclarationFactsInput = {
  data: DeclarationData;
  /** Step 7's rows, or their counts. */
  staff: readonly StaffFacts[] | StaffFactCounts;
  violationCodes?: readonly string[];
  regionScores?: { satisfactionScore?: number | null; associationScore?: number | null };
};

/** A non-negative number typed as text (any digit set, «٫» or «.» as decimal point), else null. */
export function parseNumberText(raw: unknown): number | null {
  if (typeof raw === "number") return Number.isFinite(raw) && raw >= 0 ? raw : null;
  if (typeof raw !== "string") return null;
  const s = toAsciiDigits(raw).replace("٫", ".").trim();
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

function nonEmptyString(raw: unknown): string | null {
  return typeof raw === "string" && raw.trim() !== "" ? raw.trim() : null;
}

function regionScore(v: number | null | undefined): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

function staffCounts(staff: readonly StaffFacts[] | StaffFactCounts): StaffFactCounts {
  if (!Array.isArray(staff)) return staff as StaffFactCounts;
  const rows = staff as readonly StaffFacts[];
  return { total: rows.length, disabled: rows.filter((s) => s.disabled).length, insured: rows.filter((s) => s.insured).length };
}

export function declarationFacts(input: DeclarationFactsInput): Facts {
  const step2 = input.data["2"];
  const staff = staffCounts(input.staff);
  const step3 = input.data["3"];
  const facilities = step3?.facilities;
  return {
    floorArea: parseNumberText(step3?.floorArea),
    staffCount: staff.total,
    insuredStaffCount: staff.insured,
    disabledStaffCount: staff.disabled,
    holderEducation: nonEmptyString(step2?.education),
    holderExperienceYears: parseNumberText(step3?.holderExperienceYears),
    groundFloor: typeof step3?.groundFloor === "boolean" ? step3.groundFloor : null,
    facilities: Array.isArray(facilities) ? facilities.filter((f): f is string => typeof f === "string") : null,
    satisfactionScore: regionScore(input.regionScores?.satisfactionScore),
    associationScore: regionScore(input.regionScores?.associationScore),
    violations: input.violationCodes ? [...input.violationCodes] : [],
  };
}

/**
 * The facts behind the positive points as one canonical string. Step 8's confirmation of
 * the positive table holds for exactly these facts: when a change to steps 1–7 alters
 * them, step 8 must be confirmed again (step-status.ts).
 */
export function positiveBasisOf(facts: Facts): string {
  return canonicalJson({ ...facts, violations: null, satisfactionScore: null, associationScore: null });
}

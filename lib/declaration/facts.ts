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
import type { DeclarationData } from "@/lib/declaration/step-status";
import { toAsciiDigits } from "@/lib/validation/normalize";
import { EDUCATION_OPTIONS } from "@/lib/declaration/forms/step-2-responsible";

/** Persian labels of fact values, by fact name (for explanations such as the score preview). */
export const FACT_VALUE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  holderEducation: Object.fromEntries(EDUCATION_OPTIONS.map((o) => [o.value, o.label])),
};

export type StaffFacts = { disabled: boolean; insured: boolean };

export type DeclarationFactsInput = {
  data: DeclarationData;
  staff: readonly StaffFacts[];
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

export function declarationFacts(input: DeclarationFactsInput): Facts {
  const step2 = input.data["2"];
  const step3 = input.data["3"];
  const facilities = step3?.facilities;
  return {
    floorArea: parseNumberText(step3?.floorArea),
    staffCount: input.staff.length,
    insuredStaffCount: input.staff.filter((s) => s.insured).length,
    disabledStaffCount: input.staff.filter((s) => s.disabled).length,
    holderEducation: nonEmptyString(step2?.education),
    holderExperienceYears: parseNumberText(step3?.holderExperienceYears),
    groundFloor: typeof step3?.groundFloor === "boolean" ? step3.groundFloor : null,
    facilities: Array.isArray(facilities) ? facilities.filter((f): f is string => typeof f === "string") : null,
    satisfactionScore: regionScore(input.regionScores?.satisfactionScore),
    associationScore: regionScore(input.regionScores?.associationScore),
    violations: input.violationCodes ? [...input.violationCodes] : [],
  };
}

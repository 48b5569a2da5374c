// How a stored form value reads on the "check your answers" page (step 9) and wherever a
// declaration is shown read-only. Pure.
import type { FieldSpec } from "@/lib/declaration/forms/field-spec";
import { toPersianDigits } from "@/lib/format/digits";

export const EMPTY_VALUE = "—";

export function displayFieldValue(spec: FieldSpec, value: unknown): string {
  if (spec.kind === "checkbox") return value === true ? "بله" : "خیر";
  if (value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0)) return EMPTY_VALUE;
  if (spec.kind === "select" || spec.kind === "radio") return spec.options.find((o) => o.value === value)?.label ?? String(value);
  if (spec.kind === "checklist") {
    const items = Array.isArray(value) ? value : [value];
    return items.map((v) => spec.options.find((o) => o.value === v)?.label ?? String(v)).join("، ");
  }
  const text = String(value);
  // Numbers, dates and phone numbers read in Persian digits; e-mail and web addresses stay as typed.
  const numeric =
    spec.kind === "number" ||
    spec.kind === "tel" ||
    spec.kind === "date" ||
    ("inputMode" in spec && (spec.inputMode === "numeric" || spec.inputMode === "decimal"));
  return numeric ? toPersianDigits(text) : text;
}

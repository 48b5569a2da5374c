// A wizard step's form, described once and used by the browser (rendering, react-hook-form)
// and the server (validation). Each step file exports its field specs, a `full` schema
// (what "complete" requires) and a `draft` schema derived from the specs (types only:
// drafts may be incomplete, but a number field still holds a string of digits, a
// checklist only known items).
import { z } from "zod";

export type Option = { value: string; label: string };

export type TextFieldSpec = {
  name: string;
  label: string;
  kind: "text" | "email" | "tel" | "number" | "textarea";
  hint?: string;
  dir?: "ltr" | "rtl";
  inputMode?: "numeric" | "decimal" | "email" | "tel" | "url";
  autoComplete?: string;
  optional?: boolean;
};

export type FieldSpec =
  | TextFieldSpec
  | { name: string; label: string; kind: "date"; hint?: string; optional?: boolean }
  | { name: string; label: string; kind: "select" | "radio"; options: readonly Option[]; hint?: string; optional?: boolean }
  | { name: string; label: string; kind: "checkbox"; hint?: string; optional?: boolean }
  | { name: string; label: string; kind: "checklist"; options: readonly Option[]; hint?: string; optional?: boolean };

export type StepValues = Record<string, string | boolean | string[] | undefined>;

const MAX_TEXT = 1000;

/** Type-only schema of a draft: every field optional, strings bounded, options known. */
export function draftSchemaOf(fields: readonly FieldSpec[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const f of fields) {
    if (f.kind === "checkbox") shape[f.name] = z.boolean().optional();
    else if (f.kind === "checklist") {
      const allowed = new Set(f.options.map((o) => o.value));
      shape[f.name] = z
        .array(z.string().refine((v) => allowed.has(v), { error: "گزینه نامعتبر است." }))
        .max(f.options.length)
        .optional();
    } else if (f.kind === "select" || f.kind === "radio") {
      const allowed = new Set(["", ...f.options.map((o) => o.value)]);
      shape[f.name] = z
        .string()
        .refine((v) => allowed.has(v), { error: "گزینه نامعتبر است." })
        .optional();
    } else shape[f.name] = z.string().max(MAX_TEXT, { error: "متن وارد شده بیش از حد طولانی است." }).optional();
  }
  return z.strictObject(shape);
}

/** Empty values of a form (what an untouched form holds). */
export function emptyValues(fields: readonly FieldSpec[]): StepValues {
  return Object.fromEntries(fields.map((f) => [f.name, f.kind === "checkbox" ? false : f.kind === "checklist" ? [] : ""]));
}

/** True when the holder has typed or chosen anything. */
export function hasAnyValue(values: StepValues | undefined): boolean {
  if (!values) return false;
  return Object.values(values).some((v) => (Array.isArray(v) ? v.length > 0 : typeof v === "string" ? v.trim() !== "" : v === true));
}

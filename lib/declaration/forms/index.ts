// The steps whose data is one form (stored in Declaration.data[step]).
import * as step2 from "./step-2-responsible";
import * as step3 from "./step-3-office";
import * as step4 from "./step-4-legal";
import * as step5 from "./step-5-contact";
import * as step6 from "./step-6-location";
import type { FieldSpec } from "./field-spec";
import type { z } from "zod";

export type FormStep = { fields: readonly FieldSpec[]; full: z.ZodType; draft: z.ZodType };

export const FORM_STEPS: Record<"2" | "3" | "4" | "5" | "6", FormStep> = { "2": step2, "3": step3, "4": step4, "5": step5, "6": step6 };

export function formStep(step: number): FormStep | null {
  return (FORM_STEPS as Record<string, FormStep>)[String(step)] ?? null;
}

"use client";

import * as step2 from "@/lib/declaration/forms/step-2-responsible";
import * as step3 from "@/lib/declaration/forms/step-3-office";
import * as step4 from "@/lib/declaration/forms/step-4-legal";
import * as step5 from "@/lib/declaration/forms/step-5-contact";
import type { StepValues } from "@/lib/declaration/forms/field-spec";
import { FieldInput } from "@/components/wizard/field-input";
import { StepFormActions, StepFormAlerts, useStepForm } from "@/components/wizard/use-step-form";

// Only the four form steps rendered by this component (step 6's schema carries Iran's
// outline for the location check; it belongs to the map step's bundle alone).
const FORMS = { 2: step2, 3: step3, 4: step4, 5: step5 } as const;

type Props = {
  declarationId: string;
  step: 2 | 3 | 4 | 5;
  defaultValues: StepValues;
  readOnly?: boolean;
  /** A returned file: only these fields may change (null: all). */
  openFields?: readonly string[] | null;
};

/**
 * A form step: autosaves a draft shortly after each change, saves on demand, and
 * "complete" checks every field (in the browser first, then on the server) before marking
 * the step complete. A failed save never clears what was typed.
 */
export function StepForm({ declarationId, step, defaultValues, readOnly, openFields = null }: Props) {
  const spec = FORMS[step];
  const idPrefix = `s${step}-`;
  const labels = Object.fromEntries(spec.fields.map((f) => [f.name, f.label]));
  const form = useStepForm({ declarationId, step, idPrefix, defaultValues, readOnly, labels, schema: spec.full });
  const { register, control, formState } = form.form;

  return (
    <form onSubmit={form.complete} noValidate className="space-y-5" aria-describedby={`${idPrefix}status`}>
      <StepFormAlerts idPrefix={idPrefix} labels={labels} step={form} />
      <fieldset disabled={readOnly} className="card space-y-4">
        {spec.fields.map((f) => (
          <FieldInput
            key={f.name}
            spec={f}
            idPrefix={idPrefix}
            register={register}
            control={control}
            errors={formState.errors}
            disabled={openFields !== null && !openFields.includes(f.name)}
          />
        ))}
      </fieldset>
      <StepFormActions idPrefix={idPrefix} step={form} readOnly={readOnly} />
    </form>
  );
}

"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import * as step2 from "@/lib/declaration/forms/step-2-responsible";
import * as step3 from "@/lib/declaration/forms/step-3-office";
import * as step4 from "@/lib/declaration/forms/step-4-legal";
import * as step5 from "@/lib/declaration/forms/step-5-contact";
import type { StepValues } from "@/lib/declaration/forms/field-spec";
import { fieldErrorsOf } from "@/lib/actions/result";
import { FieldInput } from "@/components/wizard/field-input";
import { ErrorSummary, SaveStatus, StaleBanner } from "@/components/wizard/save-status";
import { useStepSaver } from "@/components/wizard/use-step-saver";
import { nextStepHref } from "@/lib/declaration/steps";

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
  const form = FORMS[step];
  const router = useRouter();
  const idPrefix = `s${step}-`;
  const { register, control, handleSubmit, watch, getValues, setError, clearErrors, formState } = useForm<StepValues>({ defaultValues });
  const saver = useStepSaver({ declarationId, step, disabled: readOnly });
  const { scheduleDraft } = saver;
  const [summary, setSummary] = useState<{ message: string | null; errors: Record<string, string> }>({ message: null, errors: {} });
  const labels = Object.fromEntries(form.fields.map((f) => [f.name, f.label]));

  useEffect(() => {
    const sub = watch((values) => scheduleDraft(values as StepValues));
    return () => sub.unsubscribe();
  }, [watch, scheduleDraft]);

  const showErrors = (errors: Record<string, string>, message: string | null) => {
    clearErrors();
    for (const [name, msg] of Object.entries(errors)) if (name in labels) setError(name, { type: "validate", message: msg });
    setSummary({ message, errors });
    requestAnimationFrame(() => document.getElementById(`${idPrefix}error-summary`)?.focus());
  };

  const complete = handleSubmit(async (typed) => {
    // Locked (disabled) fields keep their stored values.
    const values = { ...defaultValues, ...typed };
    const local = form.full.safeParse(values);
    if (!local.success) return showErrors(fieldErrorsOf(local.error), "برای تکمیل این مرحله، موارد زیر را اصلاح کنید.");
    const result = await saver.saveNow(values, "complete");
    if (result.ok) {
      setSummary({ message: null, errors: {} });
      router.push(nextStepHref(declarationId, result.data.stepStatus));
      router.refresh();
    } else if (result.code !== "STALE") {
      showErrors(result.fieldErrors ?? {}, result.formError ?? null);
    }
  });

  const saveDraft = async () => {
    const result = await saver.saveNow(getValues(), "draft");
    if (result.ok) router.refresh();
  };

  return (
    <form onSubmit={complete} noValidate className="space-y-5" aria-describedby={`${idPrefix}status`}>
      {saver.state.kind === "stale" ? <StaleBanner message={saver.state.message} /> : null}
      <ErrorSummary errors={summary.errors} idPrefix={idPrefix} labels={labels} message={summary.message} />
      <fieldset disabled={readOnly} className="card space-y-4">
        {form.fields.map((spec) => (
          <FieldInput key={spec.name} spec={spec} idPrefix={idPrefix} register={register} control={control} errors={formState.errors} disabled={openFields !== null && !openFields.includes(spec.name)} />
        ))}
      </fieldset>
      {readOnly ? null : (
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className="btn" disabled={formState.isSubmitting}>
            ذخیره و تکمیل مرحله
          </button>
          <button type="button" className="btn-secondary" onClick={saveDraft}>
            ذخیره پیش‌نویس
          </button>
          <div id={`${idPrefix}status`}>
            <SaveStatus state={saver.state} />
          </div>
        </div>
      )}
    </form>
  );
}

"use client";

import { useEffect, useState } from "react";
import { fieldErrorsOf } from "@/lib/errors/app-error";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";
import type { StepValues } from "@/lib/declaration/forms/field-spec";
import type { SaveStepResult } from "@/lib/declaration/save-step";
import { nextStepHref } from "@/lib/declaration/steps";
import { ErrorSummary, SaveStatus, StaleBanner } from "@/components/wizard/save-status";
import { useStepSaver } from "@/components/wizard/use-step-saver";

type SaveAction = Parameters<typeof useStepSaver>[0]["action"];

/**
 * What every form step shares (2–5 and 8): react-hook-form, autosave of each change, an
 * error summary linked to the fields, "complete" validated in the browser with the step's
 * own schema and then on the server, and "save draft". A failed save never clears what was typed.
 */
export function useStepForm(opts: {
  declarationId: string;
  step: number;
  idPrefix: string;
  defaultValues: StepValues;
  readOnly?: boolean;
  labels: Record<string, string>;
  schema: z.ZodType;
  action?: SaveAction;
}) {
  const { declarationId, idPrefix, defaultValues, labels } = opts;
  const router = useRouter();
  const form = useForm<StepValues>({ defaultValues });
  const { watch, handleSubmit, getValues, setError, clearErrors } = form;
  const saver = useStepSaver({ declarationId, step: opts.step, disabled: opts.readOnly, action: opts.action });
  const { scheduleDraft } = saver;
  const [summary, setSummary] = useState<{ message: string | null; errors: Record<string, string> }>({ message: null, errors: {} });

  // watch() subscribes outside React's render (autosave on every change); the compiler skips this hook for it.
  useEffect(() => {
    // eslint-disable-next-line react-hooks/incompatible-library
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
    // Locked (disabled) fields of a returned file keep their stored values.
    const values = { ...defaultValues, ...typed };
    const local = opts.schema.safeParse(values);
    if (!local.success) return showErrors(fieldErrorsOf(local.error), "برای تکمیل این مرحله، موارد زیر را اصلاح کنید.");
    const result: ActionResult<SaveStepResult> = await saver.saveNow(values, "complete");
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

  return { form, saver, complete, saveDraft, summary };
}

/** The top of a step form: the stale-tab banner and the error summary. */
export function StepFormAlerts({
  idPrefix,
  labels,
  step,
}: {
  idPrefix: string;
  labels: Record<string, string>;
  step: ReturnType<typeof useStepForm>;
}) {
  return (
    <>
      {step.saver.state.kind === "stale" ? <StaleBanner message={step.saver.state.message} /> : null}
      <ErrorSummary errors={step.summary.errors} idPrefix={idPrefix} labels={labels} message={step.summary.message} />
    </>
  );
}

/** The bottom of a step form: complete, save draft, and the autosave status. */
export function StepFormActions({
  idPrefix,
  step,
  readOnly,
}: {
  idPrefix: string;
  step: ReturnType<typeof useStepForm>;
  readOnly?: boolean;
}) {
  if (readOnly) return null;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="submit" className="btn" disabled={step.form.formState.isSubmitting}>
        ذخیره و تکمیل مرحله
      </button>
      <button type="button" className="btn-secondary" onClick={step.saveDraft}>
        ذخیره پیش‌نویس
      </button>
      <div id={`${idPrefix}status`}>
        <SaveStatus state={step.saver.state} />
      </div>
    </div>
  );
}

"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import type { StepValues } from "@/lib/declaration/forms/field-spec";
import {
  answerField,
  descriptionField,
  noticeDateField,
  rankingFullSchema,
  verdictField,
  type RankingViolation,
} from "@/lib/declaration/forms/step-8-ranking";
import type { ScorePreviewRow } from "@/lib/declaration/score-preview";
import { fieldErrorsOf } from "@/lib/actions/result";
import { nextStepHref } from "@/lib/declaration/steps";
import { formatNumberFa, toPersianDigits } from "@/lib/format/digits";
import { FieldInput } from "@/components/wizard/field-input";
import { PositiveScoreTable } from "@/components/wizard/positive-score-table";
import { ErrorSummary, SaveStatus, StaleBanner } from "@/components/wizard/save-status";
import { useStepSaver } from "@/components/wizard/use-step-saver";
import { saveRankingAction } from "@/app/(holder)/declarations/[declarationId]/steps/[step]/save-ranking-action";

type Props = {
  declarationId: string;
  readOnly: boolean;
  violations: readonly RankingViolation[];
  positive: { rows: readonly ScorePreviewRow[]; points: number; max: number };
  defaultValues: StepValues;
  /** The positive table changed since the holder last confirmed it. */
  positiveChanged: boolean;
};

const ID_PREFIX = "s8-";
const YES_NO = [
  { value: "yes", label: "بله" },
  { value: "no", label: "خیر" },
] as const;

/**
 * Step 8: the positive points computed from steps 1–7 (confirmed by the holder), then every
 * violation of the round's rule set answered yes or no, the negative total and the score
 * so far (confirmed again). Autosaves like the other steps.
 */
export function RankingStep({ declarationId, readOnly, violations, positive, defaultValues, positiveChanged }: Props) {
  const router = useRouter();
  const { register, control, handleSubmit, watch, getValues, setError, clearErrors, formState } = useForm<StepValues>({ defaultValues });
  const saver = useStepSaver({ declarationId, step: 8, disabled: readOnly, action: saveRankingAction });
  const { scheduleDraft } = saver;
  const [summary, setSummary] = useState<{ message: string | null; errors: Record<string, string> }>({ message: null, errors: {} });
  const values = useWatch({ control }) as StepValues;

  useEffect(() => {
    const sub = watch((v) => scheduleDraft(v as StepValues));
    return () => sub.unsubscribe();
  }, [watch, scheduleDraft]);

  const labels: Record<string, string> = { positiveConfirmed: "تایید امتیازهای مثبت", negativeConfirmed: "تایید امتیاز منفی" };
  violations.forEach((v, k) => {
    const i = k + 1;
    labels[answerField(i)] = `تخلف ${toPersianDigits(i)}`;
    labels[descriptionField(i)] = `شرح تخلف ${toPersianDigits(i)}`;
    labels[noticeDateField(i)] = `تاریخ ابلاغ رای، تخلف ${toPersianDigits(i)}`;
  });

  // Cents, so the live sum has no floating-point drift (lib/ranking does the same).
  const negativeCents = violations.reduce((sum, v, k) => (values[answerField(k + 1)] === "yes" ? sum + Math.round(v.points * 100) : sum), 0);
  const unanswered = violations.filter((_, k) => values[answerField(k + 1)] !== "yes" && values[answerField(k + 1)] !== "no").length;
  const totalCents = Math.round(positive.points * 100) - negativeCents;

  const showErrors = (errors: Record<string, string>, message: string | null) => {
    clearErrors();
    for (const [name, msg] of Object.entries(errors)) if (name in labels) setError(name, { type: "validate", message: msg });
    setSummary({ message, errors });
    requestAnimationFrame(() => document.getElementById(`${ID_PREFIX}error-summary`)?.focus());
  };

  const complete = handleSubmit(async (v) => {
    const local = rankingFullSchema(violations).safeParse(v);
    if (!local.success) return showErrors(fieldErrorsOf(local.error), "برای تکمیل این مرحله، موارد زیر را اصلاح کنید.");
    const result = await saver.saveNow(v, "complete");
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

  const checkbox = (name: string, label: string) => (
    <FieldInput spec={{ name, label, kind: "checkbox" }} idPrefix={ID_PREFIX} register={register} control={control} errors={formState.errors} />
  );

  return (
    <form onSubmit={complete} noValidate className="space-y-6" aria-describedby={`${ID_PREFIX}status`}>
      {saver.state.kind === "stale" ? <StaleBanner message={saver.state.message} /> : null}
      <ErrorSummary errors={summary.errors} idPrefix={ID_PREFIX} labels={labels} message={summary.message} />

      <fieldset disabled={readOnly} className="card space-y-4">
        <legend className="text-lg font-bold">الف) امتیازهای مثبت</legend>
        <p className="text-sm text-slate-700">
          این امتیازها از اطلاعات مرحله‌های ۱ تا ۷ و جدول معیارهای این دوره محاسبه شده‌اند. اگر عددی درست نیست، آن را در مرحله مربوط اصلاح کنید؛
          این جدول خودبه‌خود به‌روز می‌شود.
        </p>
        {positiveChanged ? (
          <p role="note" className="rounded-lg border border-amber-300 bg-amber-50 p-3">
            پس از تایید قبلی شما، اطلاعات مرحله‌های پیشین تغییر کرده و امتیازهای مثبت دوباره محاسبه شده است. جدول را دوباره بررسی و تایید کنید.
          </p>
        ) : null}
        <PositiveScoreTable rows={positive.rows} caption="امتیازهای مثبت، معیار به معیار" />
        <p>
          جمع امتیازهای مثبت خوداظهاری:{" "}
          <strong>
            {formatNumberFa(positive.points)} از {formatNumberFa(positive.max)}
          </strong>{" "}
          <span className="text-sm text-slate-700">(امتیازهای رضایت مراجعان و انجمن را منطقه وارد می‌کند.)</span>
        </p>
        {checkbox("positiveConfirmed", "جدول امتیازهای مثبت را بررسی کردم و آن را تایید می‌کنم.")}
      </fieldset>

      <fieldset disabled={readOnly} className="card space-y-4">
        <legend className="text-lg font-bold">ب) تخلفات (امتیاز منفی)</legend>
        <p className="text-sm text-slate-700">
          به همه موارد پاسخ دهید. برای هر پاسخ «بله» شرح تخلف را بنویسید و اگر برای آن رای کمیسیون ملی صادر شده است، تاریخ ابلاغ رای را وارد کنید.
        </p>
        <ol className="space-y-4">
          {violations.map((v, k) => {
            const i = k + 1;
            const yes = values[answerField(i)] === "yes";
            return (
              <li key={v.code} className="space-y-3 border-b border-slate-200 pb-4">
                <FieldInput
                  spec={{
                    name: answerField(i),
                    label: `${toPersianDigits(i)}. ${v.title} (${formatNumberFa(v.points)} امتیاز منفی)`,
                    kind: "radio",
                    options: YES_NO,
                  }}
                  idPrefix={ID_PREFIX}
                  register={register}
                  control={control}
                  errors={formState.errors}
                />
                {yes ? (
                  <div className="space-y-3 border-s-4 border-amber-300 ps-4">
                    <FieldInput
                      spec={{ name: descriptionField(i), label: "شرح تخلف", kind: "textarea", hint: "دست‌کم ۱۰ حرف: چه زمانی، چه اتفاقی و چه اقدامی شد." }}
                      idPrefix={ID_PREFIX}
                      register={register}
                      control={control}
                      errors={formState.errors}
                    />
                    {checkbox(verdictField(i), "برای این مورد رای کمیسیون ملی صادر و ابلاغ شده است")}
                    {values[verdictField(i)] === true ? (
                      <FieldInput
                        spec={{ name: noticeDateField(i), label: "تاریخ ابلاغ رای", kind: "date", hint: "مثال: ۱۴۰۵/۰۳/۱۵" }}
                        idPrefix={ID_PREFIX}
                        register={register}
                        control={control}
                        errors={formState.errors}
                      />
                    ) : null}
                  </div>
                ) : null}
              </li>
            );
          })}
        </ol>
        <div className="rounded-lg bg-slate-50 p-3" aria-live="polite">
          <p>
            جمع امتیاز منفی: <strong>{formatNumberFa(negativeCents / 100)}</strong>
          </p>
          <p>
            امتیاز کل تا اینجا (امتیاز مثبت منهای امتیاز منفی، بدون امتیازهای منطقه): <strong>{formatNumberFa(totalCents / 100)}</strong>
          </p>
          {unanswered > 0 ? <p className="text-sm text-slate-700">{toPersianDigits(unanswered)} مورد هنوز پاسخ داده نشده است.</p> : null}
        </div>
        {checkbox("negativeConfirmed", "پاسخ‌های بالا، امتیاز منفی و امتیاز کل را تایید می‌کنم.")}
      </fieldset>

      {readOnly ? null : (
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className="btn" disabled={formState.isSubmitting}>
            ذخیره و تکمیل مرحله
          </button>
          <button type="button" className="btn-secondary" onClick={saveDraft}>
            ذخیره پیش‌نویس
          </button>
          <div id={`${ID_PREFIX}status`}>
            <SaveStatus state={saver.state} />
          </div>
        </div>
      )}
    </form>
  );
}

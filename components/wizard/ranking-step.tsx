"use client";

import { useRef } from "react";
import { useWatch } from "react-hook-form";
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
import { formatNumberFa, toPersianDigits } from "@/lib/format/digits";
import { fromCents, toCentsRounded } from "@/lib/ranking/decimal";
import { FieldInput } from "@/components/wizard/field-input";
import { PositiveScoreTable } from "@/components/wizard/positive-score-table";
import { StepFormActions, StepFormAlerts, useStepForm } from "@/components/wizard/use-step-form";
import { saveRankingAction } from "@/lib/actions/declaration/save-ranking-step";

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
  const labels: Record<string, string> = { positiveConfirmed: "تایید امتیازهای مثبت", negativeConfirmed: "تایید امتیاز منفی" };
  violations.forEach((v, k) => {
    const i = k + 1;
    labels[answerField(i)] = `تخلف ${toPersianDigits(i)}`;
    labels[descriptionField(i)] = `شرح تخلف ${toPersianDigits(i)}`;
    labels[noticeDateField(i)] = `تاریخ ابلاغ رای، تخلف ${toPersianDigits(i)}`;
  });
  const step = useStepForm({
    declarationId,
    step: 8,
    idPrefix: ID_PREFIX,
    defaultValues,
    readOnly,
    labels,
    schema: rankingFullSchema(violations),
    action: saveRankingAction,
  });
  const { register, control, formState, setValue } = step.form;
  const formRef = useRef<HTMLFormElement>(null);
  // react-hook-form cannot focus a radio group: the first of the item's answers is focused (which scrolls it into view).
  const focusAnswer = (i: number) => {
    const input = formRef.current?.querySelector<HTMLInputElement>(`input[name="${answerField(i)}"]`);
    input?.focus();
  };
  const values = useWatch({ control }) as StepValues;

  // Cents, with lib/ranking's exact decimal helpers: the live sum has no floating-point drift.
  const negativeCents = violations.reduce((sum, v, k) => (values[answerField(k + 1)] === "yes" ? sum + toCentsRounded(v.points) : sum), 0);
  const answered = (i: number) => values[answerField(i)] === "yes" || values[answerField(i)] === "no";
  const unanswered = violations.filter((_, k) => !answered(k + 1)).length;
  const firstUnanswered = violations.findIndex((_, k) => !answered(k + 1)) + 1;
  // One tap for the usual case on a phone: every item «خیر». Each answer is still stored one by
  // one (and autosaved), so any of them can be turned to «بله» afterwards.
  const noneOfThese = () => {
    violations.forEach((_, k) => setValue(answerField(k + 1), "no", { shouldDirty: true, shouldValidate: formState.isSubmitted }));
  };
  const totalCents = toCentsRounded(positive.points) - negativeCents;

  const checkbox = (name: string, label: string) => (
    <FieldInput
      spec={{ name, label, kind: "checkbox" }}
      idPrefix={ID_PREFIX}
      register={register}
      control={control}
      errors={formState.errors}
    />
  );

  return (
    <form ref={formRef} onSubmit={step.complete} noValidate className="space-y-6" aria-describedby={`${ID_PREFIX}status`}>
      <StepFormAlerts idPrefix={ID_PREFIX} labels={labels} step={step} />

      <fieldset disabled={readOnly} className="card space-y-4">
        <legend className="text-lg font-bold">الف) امتیازهای مثبت</legend>
        <p className="text-sm text-slate-700">
          این امتیازها از اطلاعات مرحله‌های ۱ تا ۷ و جدول معیارهای این دوره محاسبه شده‌اند. اگر عددی درست نیست، آن را در مرحله مربوط اصلاح
          کنید؛ این جدول خودبه‌خود به‌روز می‌شود.
        </p>
        {positiveChanged ? (
          <p role="note" className="rounded-lg border border-amber-300 bg-amber-50 p-3">
            پس از تایید قبلی شما، اطلاعات مرحله‌های پیشین تغییر کرده و امتیازهای مثبت دوباره محاسبه شده است. جدول را دوباره بررسی و تایید
            کنید.
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
          به همه موارد پاسخ دهید. برای هر پاسخ «بله» شرح تخلف را بنویسید و اگر برای آن رای کمیسیون ملی صادر شده است، تاریخ ابلاغ رای را وارد
          کنید.
        </p>
        {readOnly ? null : (
          <button type="button" className="btn-secondary min-h-11" onClick={noneOfThese}>
            هیچ‌یک از این موارد را نداشته‌ام
          </button>
        )}
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
                      spec={{
                        name: descriptionField(i),
                        label: "شرح تخلف",
                        kind: "textarea",
                        hint: "دست‌کم ۱۰ حرف: چه زمانی، چه اتفاقی و چه اقدامی شد.",
                      }}
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
            جمع امتیاز منفی: <strong>{formatNumberFa(fromCents(negativeCents))}</strong>
          </p>
          <p>
            امتیاز کل تا اینجا (امتیاز مثبت منهای امتیاز منفی، بدون امتیازهای منطقه):{" "}
            <strong>{formatNumberFa(fromCents(totalCents))}</strong>
          </p>
          {unanswered > 0 ? (
            <p className="text-sm text-slate-700">
              {toPersianDigits(unanswered)} مورد از {toPersianDigits(violations.length)} مورد هنوز پاسخ داده نشده است.{" "}
              {readOnly ? null : (
                <button type="button" className="min-h-11 text-brand-700 underline" onClick={() => focusAnswer(firstUnanswered)}>
                  رفتن به نخستین مورد بی‌پاسخ (مورد {toPersianDigits(firstUnanswered)})
                </button>
              )}
            </p>
          ) : null}
        </div>
        {checkbox("negativeConfirmed", "پاسخ‌های بالا، امتیاز منفی و امتیاز کل را تایید می‌کنم.")}
      </fieldset>

      <StepFormActions idPrefix={ID_PREFIX} step={step} readOnly={readOnly} />
    </form>
  );
}

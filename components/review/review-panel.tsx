"use client";

import { useState } from "react";
import type { DeclarationStatus } from "@/lib/generated/prisma/enums";
import type { ReturnFlagSection } from "@/lib/review/return-declaration";
import type { TransitionName } from "@/lib/workflow/transitions";
import { useActionRunner } from "@/components/use-action-runner";
import type { ActionResult } from "@/lib/actions/result";
import { FormAlert } from "@/components/form-field";
import { formatNumberFa } from "@/lib/format/digits";
import { claimAction } from "@/lib/actions/review/claim-declaration";
import { releaseAction } from "@/lib/actions/review/release-declaration";
import { returnAction } from "@/lib/actions/review/return-declaration";
import { regionScoresAction } from "@/lib/actions/review/save-region-scores";
import { approveAction } from "@/lib/actions/review/approve-declaration";
import { decideObjectionAction } from "@/lib/actions/review/decide-objection";

type Option = { value: string; label: string };
export type ReturnSection = Option & { fields: Option[] };

type Props = {
  declarationId: string;
  status: DeclarationStatus;
  /** What an expert may do from this status, as the state machine says (availableTransitions). */
  moves: readonly TransitionName[];
  /** The file waits for, or is under, the region's work (it may be claimed or released). */
  claimable: boolean;
  mine: boolean;
  takenBy: string | null;
  isApprover: boolean;
  sections: ReturnSection[];
  caps: { satisfactionScore?: { title: string; max: number }; associationScore?: { title: string; max: number } };
  regionScores: { satisfactionScore: number | null; associationScore: number | null };
};

type Flag = { section: string; field: string; comment: string };

/** The expert's decisions on a file, shown according to its status and who holds it. */
export function ReviewPanel(props: Props) {
  const { message, fieldErrors, busy, run: runAction } = useActionRunner();
  const [flags, setFlags] = useState<Flag[]>([{ section: "", field: "", comment: "" }]);
  const [scores, setScores] = useState({
    satisfactionScore: props.regionScores.satisfactionScore === null ? "" : String(props.regionScores.satisfactionScore),
    associationScore: props.regionScores.associationScore === null ? "" : String(props.regionScores.associationScore),
  });
  const [decision, setDecision] = useState<{ decision: string; reason: string; satisfactionScore: string; associationScore: string }>({
    decision: "",
    reason: "",
    ...scores,
  });

  const run = (call: () => Promise<ActionResult<unknown>>, success: string) => runAction(call, () => success);

  const id = props.declarationId;
  const { claimable } = props;
  // The assignee's decisions are the moves the state machine allows an expert from this status.
  const may = (move: TransitionName) => props.mine && props.moves.includes(move);
  const error = (name: string) =>
    fieldErrors[name] ? (
      <p id={`rv-${name.replaceAll(".", "-")}-error`} className="field-error" role="alert">
        {fieldErrors[name]}
      </p>
    ) : null;

  return (
    <section aria-labelledby="review-panel-title" className="card space-y-4">
      <h2 id="review-panel-title" className="text-lg font-bold">
        رسیدگی
      </h2>
      <FormAlert message={message?.text} tone={message?.tone} />
      {!claimable ? <p>این پرونده اکنون کاری از سوی منطقه لازم ندارد.</p> : null}

      {!props.mine && claimable ? (
        props.takenBy ? (
          <p>این پرونده در دست {props.takenBy} است.</p>
        ) : (
          <button
            type="button"
            className="btn"
            disabled={busy}
            onClick={() => run(() => claimAction({ declarationId: id }), "پرونده برداشته شد.")}
          >
            برداشتن پرونده برای رسیدگی
          </button>
        )
      ) : null}

      {may("start_review") ? (
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={() => run(() => claimAction({ declarationId: id }), "بررسی پرونده آغاز شد.")}
        >
          {props.status === "RESUBMITTED" ? "شروع بررسی دوباره" : "شروع بررسی"}
        </button>
      ) : null}

      {may("approve") ? (
        <>
          <form
            className="space-y-3"
            aria-labelledby="rv-scores-title"
            onSubmit={(e) => {
              e.preventDefault();
              void run(() => regionScoresAction({ declarationId: id, ...scores }), "امتیازهای منطقه ثبت شد و امتیاز کل دوباره محاسبه شد.");
            }}
          >
            <h3 id="rv-scores-title" className="font-bold">
              امتیازهای منطقه
            </h3>
            <div className="flex flex-wrap gap-4">
              {(["satisfactionScore", "associationScore"] as const).map((k) =>
                props.caps[k] ? (
                  <div key={k} className="space-y-1">
                    <label htmlFor={`rv-${k}`} className="block font-medium">
                      {props.caps[k]!.title} (۰ تا {formatNumberFa(props.caps[k]!.max)})
                    </label>
                    <input
                      id={`rv-${k}`}
                      className="input w-32"
                      inputMode="decimal"
                      dir="ltr"
                      value={scores[k]}
                      aria-invalid={fieldErrors[k] ? true : undefined}
                      aria-describedby={`rv-${k}-error`}
                      onChange={(e) => setScores({ ...scores, [k]: e.target.value })}
                    />
                    {error(k) ?? <p id={`rv-${k}-error`} className="field-error" />}
                  </div>
                ) : null,
              )}
            </div>
            <button type="submit" className="btn-secondary" disabled={busy}>
              ثبت امتیازهای منطقه و محاسبه دوباره
            </button>
          </form>
          <div className="space-y-2 border-t border-slate-200 pt-3">
            <button
              type="button"
              className="btn"
              disabled={busy}
              onClick={() =>
                run(
                  () => approveAction({ declarationId: id }),
                  "پرونده تأیید شد؛ امتیاز و رتبه نهایی ثبت و پیامک دارنده پروانه در صف ارسال قرار گرفت.",
                )
              }
            >
              تأیید پرونده و ثبت امتیاز نهایی
            </button>
          </div>
        </>
      ) : null}

      {may("return_for_correction") ? (
        <>
          <form
            className="space-y-3 border-t border-slate-200 pt-3"
            aria-labelledby="rv-return-title"
            onSubmit={(e) => {
              e.preventDefault();
              void run(
                () =>
                  returnAction({
                    declarationId: id,
                    // A flag whose section is not chosen yet goes as it is: the server names it beside the field.
                    flags: flags.map((f) => ({
                      section: f.section as ReturnFlagSection,
                      field: f.field === "" ? null : f.field,
                      comment: f.comment,
                    })),
                  }),
                "پرونده برای اصلاح به دارنده پروانه بازگردانده شد و پیامک در صف ارسال است.",
              );
            }}
          >
            <h3 id="rv-return-title" className="font-bold">
              بازگرداندن برای اصلاح
            </h3>
            {flags.map((f, i) => {
              const section = props.sections.find((s) => s.value === f.section);
              return (
                <fieldset key={i} className="space-y-2 rounded-lg border border-slate-200 p-3">
                  <legend className="px-1 text-sm font-medium">مورد {formatNumberFa(i + 1)}</legend>
                  <div className="flex flex-wrap gap-3">
                    <div>
                      <label htmlFor={`rv-flag-${i}-section`} className="block text-sm">
                        بخش
                      </label>
                      <select
                        id={`rv-flag-${i}-section`}
                        className="input"
                        value={f.section}
                        onChange={(e) => setFlags(flags.map((g, j) => (j === i ? { ...g, section: e.target.value, field: "" } : g)))}
                      >
                        <option value="">انتخاب کنید</option>
                        {props.sections.map((s) => (
                          <option key={s.value} value={s.value}>
                            {s.label}
                          </option>
                        ))}
                      </select>
                      {error(`flags.${i}.section`)}
                    </div>
                    {section && section.fields.length > 0 ? (
                      <div>
                        <label htmlFor={`rv-flag-${i}-field`} className="block text-sm">
                          فیلد
                        </label>
                        <select
                          id={`rv-flag-${i}-field`}
                          className="input"
                          value={f.field}
                          onChange={(e) => setFlags(flags.map((g, j) => (j === i ? { ...g, field: e.target.value } : g)))}
                        >
                          <option value="">کل بخش</option>
                          {section.fields.map((o) => (
                            <option key={o.value} value={o.value}>
                              {o.label}
                            </option>
                          ))}
                        </select>
                      </div>
                    ) : null}
                  </div>
                  <div>
                    <label htmlFor={`rv-flag-${i}-comment`} className="block text-sm">
                      چه چیزی باید اصلاح شود
                    </label>
                    <textarea
                      id={`rv-flag-${i}-comment`}
                      className="input min-h-16"
                      value={f.comment}
                      onChange={(e) => setFlags(flags.map((g, j) => (j === i ? { ...g, comment: e.target.value } : g)))}
                    />
                    {error(`flags.${i}.comment`)}
                  </div>
                  {flags.length > 1 ? (
                    <button
                      type="button"
                      className="text-sm text-red-800 underline"
                      onClick={() => setFlags(flags.filter((_, j) => j !== i))}
                    >
                      حذف مورد {formatNumberFa(i + 1)}
                    </button>
                  ) : null}
                </fieldset>
              );
            })}
            <div className="flex flex-wrap gap-3">
              <button type="button" className="btn-secondary" onClick={() => setFlags([...flags, { section: "", field: "", comment: "" }])}>
                افزودن مورد دیگر
              </button>
              <button type="submit" className="btn" disabled={busy}>
                بازگرداندن برای اصلاح
              </button>
            </div>
          </form>
        </>
      ) : null}

      {may("decide_objection") ? (
        props.isApprover ? (
          <p>شما این پرونده را تأیید کرده‌اید؛ رسیدگی به اعتراض باید با کارشناس دیگری باشد.</p>
        ) : (
          <form
            className="space-y-3"
            aria-labelledby="rv-objection-title"
            onSubmit={(e) => {
              e.preventDefault();
              // Not chosen yet (""): the server says so beside the choice.
              void run(
                () => decideObjectionAction({ declarationId: id, ...decision, decision: decision.decision as "UPHELD" | "CHANGED" }),
                "تصمیم درباره اعتراض ثبت شد و رتبه قطعی شد.",
              );
            }}
          >
            <h3 id="rv-objection-title" className="font-bold">
              تصمیم درباره اعتراض
            </h3>
            <fieldset className="space-y-1">
              <legend className="font-medium">نتیجه</legend>
              <label className="flex items-center gap-2">
                <input
                  type="radio"
                  name="rv-decision"
                  className="size-5"
                  checked={decision.decision === "UPHELD"}
                  onChange={() => setDecision({ ...decision, decision: "UPHELD" })}
                />
                نتیجه پیشین درست است
              </label>
              <label className="flex items-center gap-2">
                <input
                  type="radio"
                  name="rv-decision"
                  className="size-5"
                  checked={decision.decision === "CHANGED"}
                  onChange={() => setDecision({ ...decision, decision: "CHANGED" })}
                />
                امتیازهای منطقه تغییر می‌کند
              </label>
              {error("decision")}
            </fieldset>
            {decision.decision === "CHANGED" ? (
              <div className="flex flex-wrap gap-4">
                {(["satisfactionScore", "associationScore"] as const).map((k) =>
                  props.caps[k] ? (
                    <div key={k}>
                      <label htmlFor={`rv-o-${k}`} className="block font-medium">
                        {props.caps[k]!.title} (۰ تا {formatNumberFa(props.caps[k]!.max)})
                      </label>
                      <input
                        id={`rv-o-${k}`}
                        className="input w-32"
                        dir="ltr"
                        inputMode="decimal"
                        value={decision[k]}
                        onChange={(e) => setDecision({ ...decision, [k]: e.target.value })}
                      />
                      {error(k)}
                    </div>
                  ) : null,
                )}
              </div>
            ) : null}
            <div>
              <label htmlFor="rv-o-reason" className="block font-medium">
                دلیل تصمیم
              </label>
              <textarea
                id="rv-o-reason"
                className="input min-h-20"
                value={decision.reason}
                onChange={(e) => setDecision({ ...decision, reason: e.target.value })}
              />
              {error("reason")}
            </div>
            <button type="submit" className="btn" disabled={busy}>
              ثبت تصمیم و قطعی کردن رتبه
            </button>
          </form>
        )
      ) : null}

      {props.mine && claimable ? (
        <button
          type="button"
          className="btn-secondary"
          disabled={busy}
          onClick={() => run(() => releaseAction({ declarationId: id }), "پرونده به صف منطقه بازگشت.")}
        >
          واگذاشتن پرونده به صف منطقه
        </button>
      ) : null}
    </section>
  );
}

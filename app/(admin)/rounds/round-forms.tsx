"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { FormAlert, FormField } from "@/components/form-field";
import { useActionRunner } from "@/components/use-action-runner";
import type { ActionResult } from "@/lib/actions/result";
import { JalaliDateInput } from "@/components/wizard/jalali-date-input";
import { saveRoundAction } from "@/lib/actions/admin/save-round";
import { openRoundAction } from "@/lib/actions/admin/open-round";
import { closeRoundAction } from "@/lib/actions/admin/close-round";

export type RoundValues = {
  roundId?: string;
  title: string;
  windowOpensOn: string;
  windowClosesOn: string;
  reviewDays: string;
  correctionDays: string;
  reReviewDays: string;
  objectionDays: string;
  dayKind: "CALENDAR" | "WORKING";
  ruleSetId: string;
};

/** Create or edit a round. Nothing typed is lost when the server refuses a field. */
export function RoundForm({
  initial,
  ruleSets,
  ruleSetLocked,
}: {
  initial: RoundValues;
  ruleSets: { id: string; label: string }[];
  ruleSetLocked: boolean;
}) {
  const router = useRouter();
  const [v, setV] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" } | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof RoundValues) => (value: string) => setV({ ...v, [k]: value });
  const text = (k: keyof RoundValues, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <FormField id={`round-${k}`} label={label} error={errors[k]}>
      <input
        id={`round-${k}`}
        className="input"
        value={v[k] ?? ""}
        onChange={(e) => set(k)(e.target.value)}
        aria-invalid={errors[k] ? true : undefined}
        aria-describedby={`round-${k}-error`}
        {...props}
      />
    </FormField>
  );
  const date = (k: "windowOpensOn" | "windowClosesOn", label: string) => (
    <FormField id={`round-${k}`} label={label} error={errors[k]} hint="مثال: ۱۴۰۶/۰۱/۱۵">
      <JalaliDateInput
        id={`round-${k}`}
        label={label}
        value={v[k]}
        onChange={set(k)}
        invalid={!!errors[k]}
        describedBy={`round-${k}-hint round-${k}-error`}
      />
    </FormField>
  );

  return (
    <form
      className="card space-y-4"
      noValidate
      aria-labelledby="round-form-title"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setErrors({});
        setMessage(null);
        try {
          const r = await saveRoundAction(v);
          if (r.ok) {
            setMessage({ text: "دوره ذخیره شد.", tone: "success" });
            router.push("/rounds");
            router.refresh();
          } else {
            setErrors(r.fieldErrors ?? {});
            setMessage({ text: r.formError ?? "ذخیره نشد.", tone: "error" });
          }
        } catch {
          setMessage({ text: "ارتباط با سامانه برقرار نشد. دوباره تلاش کنید.", tone: "error" });
        } finally {
          setBusy(false);
        }
      }}
    >
      <h2 id="round-form-title" className="text-lg font-bold">
        {v.roundId ? "ویرایش دوره" : "دوره تازه"}
      </h2>
      <FormAlert message={message?.text} tone={message?.tone} />
      <div className="grid gap-3 sm:grid-cols-2">
        {text("title", "عنوان دوره")}
        <FormField id="round-ruleSetId" label="جدول امتیازدهی (تأییدشده)" error={errors.ruleSetId}>
          <select
            id="round-ruleSetId"
            className="input"
            value={v.ruleSetId}
            disabled={ruleSetLocked}
            onChange={(e) => set("ruleSetId")(e.target.value)}
            aria-describedby="round-ruleSetId-error"
          >
            <option value="">انتخاب کنید</option>
            {ruleSets.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
        </FormField>
        {date("windowOpensOn", "آغاز مهلت ثبت")}
        {date("windowClosesOn", "پایان مهلت ثبت (آخرین روز)")}
        {text("reviewDays", "مهلت بررسی منطقه (روز)", { inputMode: "numeric", dir: "ltr" })}
        {text("correctionDays", "مهلت اصلاح دارنده (روز)", { inputMode: "numeric", dir: "ltr" })}
        {text("reReviewDays", "مهلت بررسی دوباره (روز)", { inputMode: "numeric", dir: "ltr" })}
        {text("objectionDays", "مهلت اعتراض (روز)", { inputMode: "numeric", dir: "ltr" })}
        <FormField id="round-dayKind" label="شمارش روزها" error={errors.dayKind}>
          <select
            id="round-dayKind"
            className="input"
            value={v.dayKind}
            onChange={(e) => setV({ ...v, dayKind: e.target.value === "WORKING" ? "WORKING" : "CALENDAR" })}
          >
            <option value="CALENDAR">روزهای تقویمی</option>
            <option value="WORKING">روزهای کاری (بدون جمعه و تعطیلات)</option>
          </select>
        </FormField>
      </div>
      <button type="submit" className="btn" disabled={busy}>
        ذخیره دوره
      </button>
    </form>
  );
}

/** Open / close buttons of one round. */
export function RoundStatusActions({ roundId, title, status }: { roundId: string; title: string; status: string }) {
  const { message, busy, run: runAction } = useActionRunner();
  const run = (call: () => Promise<ActionResult<unknown>>, done: string) => runAction(call, () => done);
  return (
    <div className="space-y-1">
      {status === "DRAFT" ? (
        <button
          type="button"
          className="btn-secondary"
          disabled={busy}
          onClick={() => run(() => openRoundAction({ roundId }), "دوره باز شد.")}
        >
          باز کردن<span className="sr-only"> {title}</span>
        </button>
      ) : null}
      {status === "OPEN" ? (
        <button
          type="button"
          className="btn-secondary"
          disabled={busy}
          onClick={() => {
            if (window.confirm(`دوره «${title}» بسته شود؟ دفترهایی که خوداظهاری نفرستاده‌اند رتبه آخر می‌گیرند و پیامک دریافت می‌کنند.`)) {
              void run(() => closeRoundAction({ roundId }), "بستن دوره آغاز شد؛ پیشرفت آن در همین جدول نمایش داده می‌شود.");
            }
          }}
        >
          بستن<span className="sr-only"> {title}</span>
        </button>
      ) : null}
      <FormAlert message={message?.text} tone={message?.tone} />
    </div>
  );
}

"use client";

import { useState } from "react";
import { FormAlert, FormField } from "@/components/form-field";
import { useActionRunner } from "@/components/use-action-runner";
import { findHolderAction } from "@/lib/actions/account-help/find-holder";
import { unlockHolderAction } from "@/lib/actions/account-help/unlock-holder";
import { issueActivationAction } from "@/lib/actions/account-help/issue-activation-code";
import type { HolderForHelp } from "@/lib/admin/account-help";
import { toPersianDigits } from "@/lib/format/digits";
import { formatJalaliDateTime } from "@/lib/format/jalali";

export function AccountHelp() {
  const search = useActionRunner();
  const [query, setQuery] = useState("");
  const [holder, setHolder] = useState<HolderForHelp | null>(null);
  return (
    <div className="space-y-4">
      <form
        className="card space-y-3"
        aria-labelledby="find-holder-title"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          setHolder(null);
          await search.run(
            () => findHolderAction({ query }),
            () => "",
            (h) => setHolder(h),
          );
        }}
      >
        <h2 id="find-holder-title" className="text-lg font-bold">
          یافتن دارنده
        </h2>
        <FormAlert message={search.message?.tone === "error" ? search.message.text : null} />
        <FormField id="help-query" label="کد ملی دارنده یا کد دفتر" error={search.fieldErrors.query}>
          <input
            id="help-query"
            className="input"
            dir="ltr"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            aria-invalid={search.fieldErrors.query ? true : undefined}
            aria-describedby="help-query-error"
          />
        </FormField>
        <button type="submit" className="btn" disabled={search.busy}>
          جستجو
        </button>
      </form>
      {holder ? <HolderCard key={holder.userId} holder={holder} /> : null}
    </div>
  );
}

function HolderCard({ holder }: { holder: HolderForHelp }) {
  const unlock = useActionRunner();
  const issue = useActionRunner();
  const [delivery, setDelivery] = useState<"show" | "sms">("show");
  const [shownCode, setShownCode] = useState<{ code: string; expiresAt: string } | null>(null);
  return (
    <section className="card space-y-4" aria-labelledby="holder-title">
      <h2 id="holder-title" className="text-lg font-bold">
        {holder.name}
      </h2>
      <dl className="grid gap-2 sm:grid-cols-2">
        <div>
          <dt className="text-slate-600">کد ملی</dt>
          <dd dir="ltr">{toPersianDigits(holder.nationalId)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">دفتر</dt>
          <dd>
            {holder.officeName ?? "—"} ({toPersianDigits(holder.officeCode ?? "—")}) — {holder.province ?? "—"}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">تلفن همراه ثبت‌شده</dt>
          <dd dir="ltr">{holder.mobile ? toPersianDigits(holder.mobile) : "ثبت نشده"}</dd>
        </div>
        <div>
          <dt className="text-slate-600">وضعیت</dt>
          <dd>
            {!holder.active ? "غیرفعال" : holder.locked ? "قفل (چند تلاش ناموفق)" : "فعال"}
            {holder.mustChangePassword ? " — هنوز رمز نخستین را عوض نکرده است" : ""}
          </dd>
        </div>
      </dl>

      <div className="space-y-2">
        <button
          type="button"
          className="btn-secondary"
          disabled={unlock.busy}
          onClick={() =>
            unlock.run(
              () => unlockHolderAction({ userId: holder.userId }),
              () => "قفل حساب باز شد و به دارنده پیامک شد.",
            )
          }
        >
          باز کردن قفل حساب<span className="sr-only"> {holder.name}</span>
        </button>
        <FormAlert message={unlock.message?.text} tone={unlock.message?.tone} />
      </div>

      <form
        className="space-y-2"
        aria-labelledby="activation-title"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          setShownCode(null);
          await issue.run(
            () => issueActivationAction({ userId: holder.userId, delivery }),
            (d) =>
              d.code
                ? "کد فعال‌سازی ساخته شد. آن را همین حالا تلفنی بخوانید؛ دوباره نمایش داده نمی‌شود."
                : `کد فعال‌سازی به ${toPersianDigits(d.sentTo ?? "")} پیامک شد.`,
            (d) => setShownCode(d.code ? { code: d.code, expiresAt: d.expiresAt } : null),
          );
        }}
      >
        <h3 id="activation-title" className="font-bold">
          کد فعال‌سازی یک‌بارمصرف (۶۰ دقیقه)
        </h3>
        <fieldset aria-describedby="delivery-error">
          <legend className="sr-only">روش رساندن کد</legend>
          <label className="me-4 inline-flex items-center gap-1">
            <input type="radio" name="delivery" checked={delivery === "show"} onChange={() => setDelivery("show")} />
            نمایش به من برای خواندن تلفنی
          </label>
          <label className="inline-flex items-center gap-1">
            <input
              type="radio"
              name="delivery"
              checked={delivery === "sms"}
              onChange={() => setDelivery("sms")}
              disabled={!holder.mobile}
            />
            پیامک به تلفن همراه ثبت‌شده
          </label>
        </fieldset>
        {issue.fieldErrors.delivery ? (
          <p id="delivery-error" className="text-red-800">
            {issue.fieldErrors.delivery}
          </p>
        ) : null}
        <button type="submit" className="btn" disabled={issue.busy}>
          صدور کد فعال‌سازی
        </button>
        <FormAlert message={issue.message?.text} tone={issue.message?.tone} />
        {shownCode ? (
          <p className="text-2xl font-bold tracking-widest" dir="ltr" aria-label="کد فعال‌سازی">
            {toPersianDigits(shownCode.code)}
            <span className="ms-4 text-sm font-normal">تا {formatJalaliDateTime(new Date(shownCode.expiresAt))}</span>
          </p>
        ) : null}
        <p className="text-sm text-slate-600">دارنده کد را در صفحه «فعال‌سازی حساب» (پیوند آن در صفحه فراموشی رمز عبور) وارد می‌کند.</p>
      </form>
    </section>
  );
}

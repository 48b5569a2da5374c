"use client";

import { useState } from "react";
import { useActionRunner } from "@/components/use-action-runner";
import { FormAlert, FormField } from "@/components/form-field";
import { createStaffAction } from "@/lib/actions/admin/create-staff-account";
import { changeStaffAction } from "@/lib/actions/admin/change-staff-account";
import type { StaffAccountAction } from "@/lib/admin/staff-users";

type Region = { id: number; name: string };

const shown = (password: string) =>
  `رمز عبور موقت: ${password} — آن را همین حالا به کاربر بدهید؛ دوباره نمایش داده نمی‌شود و در نخستین ورود باید عوض شود.`;

/** New expert or admin account. */
export function CreateStaffForm({ regions }: { regions: Region[] }) {
  const { message, fieldErrors, busy, run } = useActionRunner();
  const [v, setV] = useState<{
    nationalId: string;
    firstName: string;
    lastName: string;
    mobile: string;
    role: "EXPERT" | "ADMIN";
    regionId: string;
  }>({
    nationalId: "",
    firstName: "",
    lastName: "",
    mobile: "",
    role: "EXPERT",
    regionId: "",
  });
  const field = (name: keyof typeof v, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <FormField id={`staff-${name}`} label={label} error={fieldErrors[name]}>
      <input
        id={`staff-${name}`}
        className="input"
        value={v[name]}
        onChange={(e) => setV({ ...v, [name]: e.target.value })}
        aria-invalid={fieldErrors[name] ? true : undefined}
        aria-describedby={`staff-${name}-error`}
        {...props}
      />
    </FormField>
  );
  return (
    <form
      className="card space-y-3"
      aria-labelledby="create-staff-title"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        if (
          await run(
            () => createStaffAction(v),
            (d) => shown(d.temporaryPassword),
          )
        )
          setV({ nationalId: "", firstName: "", lastName: "", mobile: "", role: v.role, regionId: v.regionId });
      }}
    >
      <h2 id="create-staff-title" className="text-lg font-bold">
        حساب تازه
      </h2>
      <FormAlert message={message?.text} tone={message?.tone} />
      <div className="grid gap-3 sm:grid-cols-2">
        {field("nationalId", "کد ملی", { dir: "ltr", inputMode: "numeric" })}
        {field("mobile", "تلفن همراه (اختیاری)", { dir: "ltr", inputMode: "tel" })}
        {field("firstName", "نام")}
        {field("lastName", "نام خانوادگی")}
        <FormField id="staff-role" label="نقش" error={fieldErrors.role}>
          <select
            id="staff-role"
            className="input"
            value={v.role}
            onChange={(e) => setV({ ...v, role: e.target.value === "ADMIN" ? "ADMIN" : "EXPERT" })}
          >
            <option value="EXPERT">کارشناس منطقه</option>
            <option value="ADMIN">دفتر نظارت</option>
          </select>
        </FormField>
        {v.role === "EXPERT" ? (
          <FormField id="staff-regionId" label="منطقه" error={fieldErrors.regionId}>
            <select
              id="staff-regionId"
              className="input"
              value={v.regionId}
              onChange={(e) => setV({ ...v, regionId: e.target.value })}
              aria-describedby="staff-regionId-error"
            >
              <option value="">انتخاب کنید</option>
              {regions.map((r) => (
                <option key={r.id} value={String(r.id)}>
                  {r.name}
                </option>
              ))}
            </select>
          </FormField>
        ) : null}
      </div>
      <button type="submit" className="btn" disabled={busy}>
        ساخت حساب
      </button>
    </form>
  );
}

/** The buttons of one account's row. */
export function StaffRowActions({
  userId,
  name,
  active,
  locked,
  self,
  totp = false,
}: {
  userId: string;
  name: string;
  active: boolean;
  locked: boolean;
  self: boolean;
  /** A second factor is enrolled (the head office may reset a colleague's). */
  totp?: boolean;
}) {
  const { message, busy, run } = useActionRunner();
  const act = (action: StaffAccountAction, done: string) =>
    run(
      () => changeStaffAction({ userId, action }),
      (d) => (d.temporaryPassword ? shown(d.temporaryPassword) : done),
    );
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap gap-2">
        {active && !self ? (
          <button type="button" className="btn-secondary" disabled={busy} onClick={() => act("deactivate", "حساب غیرفعال شد.")}>
            غیرفعال کردن<span className="sr-only"> {name}</span>
          </button>
        ) : null}
        {!active ? (
          <button type="button" className="btn-secondary" disabled={busy} onClick={() => act("activate", "حساب فعال شد.")}>
            فعال کردن<span className="sr-only"> {name}</span>
          </button>
        ) : null}
        <button type="button" className="btn-secondary" disabled={busy} onClick={() => act("reset_password", "")}>
          رمز موقت تازه<span className="sr-only"> برای {name}</span>
        </button>
        {locked ? (
          <button type="button" className="btn-secondary" disabled={busy} onClick={() => act("unlock", "قفل حساب باز شد.")}>
            باز کردن قفل<span className="sr-only"> {name}</span>
          </button>
        ) : null}
        {totp && !self ? (
          <button
            type="button"
            className="btn-secondary"
            disabled={busy}
            onClick={() => act("reset_totp", "ورود دومرحله‌ای بازنشانی شد؛ همکار در ورود بعدی آن را دوباره فعال می‌کند.")}
          >
            بازنشانی ورود دومرحله‌ای<span className="sr-only"> برای {name}</span>
          </button>
        ) : null}
        {active ? (
          <button
            type="button"
            className="btn-secondary"
            disabled={busy}
            onClick={() => act("end_sessions", "همه نشست‌های این حساب پایان یافت.")}
          >
            خروج از همه دستگاه‌ها<span className="sr-only"> برای {name}</span>
          </button>
        ) : null}
      </div>
      <FormAlert message={message?.text} tone={message?.tone} />
    </div>
  );
}

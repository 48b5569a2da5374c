"use client";

import { useState } from "react";
import Link from "next/link";
import { useForm } from "react-hook-form";
import { FormAlert, FormField, describedBy } from "@/components/form-field";
import { applyServerErrors } from "@/components/apply-server-errors";
import { enrollTotpAction } from "@/lib/actions/auth/enroll-totp";

type Values = { token: string };

export function EnrollTotpForm() {
  const [formError, setFormError] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<Values>();

  const onSubmit = async (values: Values) => {
    setFormError(null);
    const result = await enrollTotpAction(values);
    if (result.ok) {
      setCodes(result.data.recoveryCodes);
      return;
    }
    setFormError(applyServerErrors(result, setError));
  };

  if (codes) {
    return (
      <section className="card space-y-3" aria-labelledby="recovery-title">
        <h2 id="recovery-title" className="text-lg font-bold">
          ورود دومرحله‌ای فعال شد
        </h2>
        <p>
          این ۱۰ کد بازیابی فقط همین یک بار نمایش داده می‌شوند. آن‌ها را در جای امنی نگه دارید؛ اگر گوشی در دسترس نبود، هر کد یک بار به جای
          کد برنامه پذیرفته می‌شود.
        </p>
        <ul className="grid grid-cols-2 gap-2 font-mono" dir="ltr">
          {codes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <Link href="/" className="btn inline-block">
          ادامه
        </Link>
      </section>
    );
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="card space-y-4">
      <FormAlert message={formError} />
      <FormField id="token" label="کد ۶ رقمی برنامه" error={formState.errors.token?.message}>
        <input
          id="token"
          className="input"
          inputMode="numeric"
          autoComplete="one-time-code"
          dir="ltr"
          aria-invalid={formState.errors.token ? true : undefined}
          aria-describedby={describedBy("token")}
          {...register("token")}
        />
      </FormField>
      <button type="submit" className="btn" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "در حال بررسی…" : "فعال‌سازی"}
      </button>
    </form>
  );
}

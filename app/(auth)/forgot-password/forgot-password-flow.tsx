"use client";

import { useState } from "react";
import Link from "next/link";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { resetPasswordSchema, resetRequestSchema, type ResetPasswordInput, type ResetRequestInput } from "@/lib/auth/schemas";
import { FormAlert, FormField, describedBy } from "@/components/form-field";
import { applyServerErrors } from "@/components/apply-server-errors";
import { requestResetAction } from "@/lib/actions/auth/request-password-reset";
import { resetPasswordAction } from "@/lib/actions/auth/reset-password";
import { activateAccountAction } from "@/lib/actions/auth/activate-account";
import { PASSWORD_HINT } from "@/lib/auth/password-rules";

export function ForgotPasswordFlow() {
  const [nationalId, setNationalId] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  if (done) return <DoneCard />;
  return nationalId ? <ResetForm nationalId={nationalId} onDone={() => setDone(true)} /> : <RequestForm onSent={setNationalId} />;
}

function RequestForm({ onSent }: { onSent: (nationalId: string) => void }) {
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<ResetRequestInput>({ resolver: zodResolver(resetRequestSchema) });
  const onSubmit = async (values: ResetRequestInput) => {
    const result = await requestResetAction(values);
    if (result.ok) onSent(values.nationalId);
    else setFormError(applyServerErrors(result, setError));
  };
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="card space-y-4">
      <FormAlert message={formError} />
      <FormField id="nationalId" label="کد ملی" error={formState.errors.nationalId?.message}>
        <input
          id="nationalId"
          className="input"
          dir="ltr"
          inputMode="numeric"
          autoComplete="username"
          aria-invalid={formState.errors.nationalId ? true : undefined}
          aria-describedby={describedBy("nationalId")}
          {...register("nationalId")}
        />
      </FormField>
      <button type="submit" className="btn" disabled={formState.isSubmitting}>
        ارسال کد تأیید
      </button>
    </form>
  );
}

function DoneCard() {
  return (
    <div className="card space-y-3">
      <FormAlert tone="success" message="رمز عبور شما تغییر کرد. اکنون می‌توانید با رمز عبور جدید وارد شوید." />
      <Link href="/login" className="btn">
        ورود به سامانه
      </Link>
    </div>
  );
}

/** «فعال‌سازی حساب»: the national ID, the activation code the region gave, and a new password. */
export function ActivationFlow() {
  const [done, setDone] = useState(false);
  return done ? <DoneCard /> : <ResetForm nationalId={null} activation onDone={() => setDone(true)} />;
}

function ResetForm({ nationalId, activation = false, onDone }: { nationalId: string | null; activation?: boolean; onDone: () => void }) {
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<ResetPasswordInput>({
    resolver: zodResolver(resetPasswordSchema),
    defaultValues: { nationalId: nationalId ?? "" },
  });
  const onSubmit = async (values: ResetPasswordInput) => {
    const result = await (activation ? activateAccountAction(values) : resetPasswordAction(values));
    if (result.ok) onDone();
    else setFormError(applyServerErrors(result, setError));
  };
  const e = formState.errors;
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="card space-y-4">
      <FormAlert
        tone="info"
        message={
          activation
            ? "کد فعال‌سازی را کارشناس منطقه تلفنی به شما گفته یا پیامک کرده است. کد تا ۶۰ دقیقه معتبر است."
            : "اگر این کد ملی در سامانه ثبت شده و تلفن همراه داشته باشد، کد تأیید پیامک شد. کد تا ۱۰ دقیقه معتبر است."
        }
      />
      <FormAlert message={formError} />
      {activation ? (
        <FormField id="nationalId" label="کد ملی" error={e.nationalId?.message}>
          <input
            id="nationalId"
            className="input"
            dir="ltr"
            inputMode="numeric"
            autoComplete="username"
            aria-invalid={e.nationalId ? true : undefined}
            aria-describedby={describedBy("nationalId")}
            {...register("nationalId")}
          />
        </FormField>
      ) : (
        <input type="hidden" {...register("nationalId")} />
      )}
      <FormField id="code" label={activation ? "کد فعال‌سازی" : "کد تأیید"} error={e.code?.message}>
        <input
          id="code"
          className="input"
          dir="ltr"
          inputMode="numeric"
          autoComplete="one-time-code"
          aria-invalid={e.code ? true : undefined}
          aria-describedby={describedBy("code")}
          {...register("code")}
        />
      </FormField>
      <FormField id="newPassword" label="رمز عبور جدید" hint={PASSWORD_HINT} error={e.newPassword?.message}>
        <input
          id="newPassword"
          type="password"
          className="input"
          dir="ltr"
          autoComplete="new-password"
          aria-invalid={e.newPassword ? true : undefined}
          aria-describedby={describedBy("newPassword", { hint: true })}
          {...register("newPassword")}
        />
      </FormField>
      <FormField id="confirmPassword" label="تکرار رمز عبور جدید" error={e.confirmPassword?.message}>
        <input
          id="confirmPassword"
          type="password"
          className="input"
          dir="ltr"
          autoComplete="new-password"
          aria-invalid={e.confirmPassword ? true : undefined}
          aria-describedby={describedBy("confirmPassword")}
          {...register("confirmPassword")}
        />
      </FormField>
      <button type="submit" className="btn" disabled={formState.isSubmitting}>
        تغییر رمز عبور
      </button>
    </form>
  );
}

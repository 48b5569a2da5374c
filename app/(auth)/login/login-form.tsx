"use client";

import { useEffect, useRef, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { loginSchema } from "@/lib/auth/schemas";
import { signInMessage, type SignInMessage } from "@/lib/auth/sign-in-messages";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { FormField, describedBy } from "@/components/form-field";
import { toPersianDigits } from "@/lib/format/digits";
import { toAsciiDigits } from "@/lib/validation/normalize";

// The sign-in form. After a right password it may ask for one more thing, and keeps every
// field as typed: the SMS code of a first sign-in with a default password (with the masked
// number and a resend button that honours the 60 s), or a staff member's second factor.
const otp = z
  .string()
  .max(32, { error: "کد را درست وارد کنید." })
  .optional()
  .transform((s) => (s ? toAsciiDigits(s).trim() : ""));
const formSchema = loginSchema.extend({ code: otp, totp: otp });
type FormInput = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;

function useSecondsUntil(at: number | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!at) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [at]);
  return at ? Math.max(0, Math.ceil((at - now) / 1000)) : 0;
}

export function LoginForm({ callbackUrl, initialMessage }: { callbackUrl: string; initialMessage: SignInMessage | null }) {
  const router = useRouter();
  const [message, setMessage] = useState<SignInMessage | null>(initialMessage);
  const [step, setStep] = useState<"code" | "totp" | null>(null);
  const [codeInfo, setCodeInfo] = useState<{ sentTo?: string; resendAt?: number }>({});
  const { register, handleSubmit, formState, getValues, setFocus } = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(formSchema),
  });
  const { errors, isSubmitting } = formState;
  const [resending, setResending] = useState(false);
  const wait = useSecondsUntil(codeInfo.resendAt);
  const focused = useRef<string | null>(null);

  useEffect(() => {
    if (step && focused.current !== step) {
      focused.current = step;
      setFocus(step);
    }
  }, [step, setFocus]);

  const send = async (values: { nationalId: string; password: string; code?: string; totp?: string }) => {
    setMessage(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      const m = signInMessage(result?.error);
      setMessage(m);
      if (m.step) {
        setStep(m.step);
        if (m.step === "code") setCodeInfo({ sentTo: m.sentTo, resendAt: m.resendAt });
      }
      return;
    }
    router.replace(safeCallbackPath(callbackUrl));
    router.refresh();
  };

  const onSubmit = (values: FormOutput) =>
    send({
      nationalId: values.nationalId,
      password: values.password,
      code: step === "code" ? values.code : "",
      totp: step === "totp" ? values.totp : "",
    });

  // A new code: the same sign-in without one (the server sends it, or says when it may).
  const resend = async () => {
    setResending(true);
    try {
      const parsed = loginSchema.safeParse(getValues());
      if (parsed.success) await send({ ...parsed.data, code: "", totp: "" });
    } finally {
      setResending(false);
    }
  };

  const info = message?.tone === "info";
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="card space-y-4">
      {message ? (
        <div
          role={info ? "status" : "alert"}
          className={`rounded-lg border p-3 ${info ? "border-sky-300 bg-sky-50 text-sky-900" : "border-red-300 bg-red-50 text-red-900"}`}
        >
          <p>{message.text}</p>
          {message.regionPhone ? (
            <p className="mt-1">
              تلفن منطقه {message.regionName}:{" "}
              <a className="font-bold underline" href={`tel:${message.regionPhone}`} dir="ltr">
                {toPersianDigits(message.regionPhone)}
              </a>
            </p>
          ) : null}
        </div>
      ) : null}
      <FormField id="nationalId" label="کد ملی (نام کاربری)" error={errors.nationalId?.message}>
        <input
          id="nationalId"
          className="input"
          inputMode="numeric"
          autoComplete="username"
          dir="ltr"
          aria-invalid={errors.nationalId ? true : undefined}
          aria-describedby={describedBy("nationalId")}
          {...register("nationalId")}
        />
      </FormField>
      <FormField id="password" label="رمز عبور" error={errors.password?.message}>
        <input
          id="password"
          type="password"
          className="input"
          autoComplete="current-password"
          dir="ltr"
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={describedBy("password")}
          {...register("password")}
        />
      </FormField>
      {step === "code" ? (
        <div className="space-y-2">
          <FormField
            id="code"
            label="کد تأیید پیامک‌شده"
            hint={codeInfo.sentTo ? `کد ۶ رقمی‌ای که به شماره ${codeInfo.sentTo} پیامک شد.` : "کد ۶ رقمی‌ای که پیامک شد."}
            error={errors.code?.message}
          >
            <input
              id="code"
              className="input"
              inputMode="numeric"
              autoComplete="one-time-code"
              dir="ltr"
              aria-invalid={errors.code ? true : undefined}
              aria-describedby={describedBy("code", { hint: true })}
              {...register("code")}
            />
          </FormField>
          <button type="button" className="btn-secondary" disabled={wait > 0 || resending || isSubmitting} onClick={resend}>
            {wait > 0 ? `ارسال دوباره کد (${toPersianDigits(wait)} ثانیه)` : "ارسال دوباره کد"}
          </button>
        </div>
      ) : null}
      {step === "totp" ? (
        <FormField
          id="totp"
          label="کد برنامه احراز هویت"
          hint="کد ۶ رقمی برنامه، یا یکی از کدهای بازیابی اگر گوشی در دسترس نیست."
          error={errors.totp?.message}
        >
          <input
            id="totp"
            className="input"
            autoComplete="one-time-code"
            dir="ltr"
            aria-invalid={errors.totp ? true : undefined}
            aria-describedby={describedBy("totp", { hint: true })}
            {...register("totp")}
          />
        </FormField>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <button type="submit" className="btn" disabled={isSubmitting}>
          {isSubmitting ? "در حال ورود…" : "ورود"}
        </button>
        <Link href="/forgot-password" className="text-brand-700 underline">
          فراموشی رمز عبور
        </Link>
      </div>
    </form>
  );
}

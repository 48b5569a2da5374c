"use client";

import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { loginSchema, type LoginInput } from "@/lib/auth/schemas";
import { signInMessage, type SignInMessage } from "@/lib/auth/sign-in-messages";
import { FormField, describedBy } from "@/components/form-field";
import { toPersianDigits } from "@/lib/format/digits";

export function LoginForm({ callbackUrl, initialMessage }: { callbackUrl: string; initialMessage: SignInMessage | null }) {
  const router = useRouter();
  const [message, setMessage] = useState<SignInMessage | null>(initialMessage);
  const { register, handleSubmit, formState } = useForm<LoginInput>({ resolver: zodResolver(loginSchema) });
  const { errors, isSubmitting } = formState;

  const onSubmit = async (values: LoginInput) => {
    setMessage(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      setMessage(signInMessage(result?.error));
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  };

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="card space-y-4">
      {message ? (
        <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-3 text-red-900">
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

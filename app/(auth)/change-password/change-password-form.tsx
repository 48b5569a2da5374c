"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/auth/schemas";
import { PASSWORD_HINT } from "@/lib/auth/password-rules";
import { FormAlert, FormField, describedBy } from "@/components/form-field";
import { applyServerErrors } from "@/components/apply-server-errors";
import { changePasswordAction } from "@/lib/actions/auth/change-password";

const FIELDS = [
  { name: "currentPassword", label: "رمز عبور فعلی", autoComplete: "current-password" },
  { name: "newPassword", label: "رمز عبور جدید", autoComplete: "new-password", hint: PASSWORD_HINT },
  { name: "confirmPassword", label: "تکرار رمز عبور جدید", autoComplete: "new-password" },
] as const;

export function ChangePasswordForm() {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<ChangePasswordInput>({ resolver: zodResolver(changePasswordSchema) });

  const onSubmit = async (values: ChangePasswordInput) => {
    setFormError(null);
    const result = await changePasswordAction(values);
    if (result.ok) {
      await signIn("credentials", { nationalId: result.data.nationalId, password: values.newPassword, redirect: false });
      router.replace("/");
      router.refresh();
      return;
    }
    setFormError(applyServerErrors(result, setError));
  };

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="card space-y-4">
      <FormAlert message={formError} />
      {FIELDS.map((f) => (
        <FormField
          key={f.name}
          id={f.name}
          label={f.label}
          hint={"hint" in f ? f.hint : undefined}
          error={formState.errors[f.name]?.message}
        >
          <input
            id={f.name}
            type="password"
            dir="ltr"
            className="input"
            autoComplete={f.autoComplete}
            aria-invalid={formState.errors[f.name] ? true : undefined}
            aria-describedby={describedBy(f.name, { hint: "hint" in f })}
            {...register(f.name)}
          />
        </FormField>
      ))}
      <button type="submit" className="btn" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "در حال ذخیره…" : "ذخیره رمز عبور جدید"}
      </button>
    </form>
  );
}

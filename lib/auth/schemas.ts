// Form schemas of sign-in, password change and password reset: one schema per form,
// shared by the browser (react-hook-form) and the server action.
import { z } from "zod";
import { nationalIdIssue, normalizeNationalId } from "@/lib/validation/national-id";
import { toAsciiDigits } from "@/lib/validation/normalize";
import { normalizePassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import { toPersianDigits } from "@/lib/format/digits";

const nationalId = z
  .string({ error: "کد ملی را وارد کنید." })
  .max(64, { error: "کد ملی باید ۱۰ رقم باشد." })
  .transform((s) => normalizeNationalId(s))
  .superRefine((s, ctx) => {
    if (s.length === 0) ctx.addIssue({ code: "custom", message: "کد ملی را وارد کنید." });
    else {
      const issue = nationalIdIssue(s);
      if (issue) ctx.addIssue({ code: "custom", message: issue });
    }
  });

const password = z
  .string({ error: "رمز عبور را وارد کنید." })
  .min(1, { error: "رمز عبور را وارد کنید." })
  .max(PASSWORD_MAX_LENGTH, { error: `رمز عبور نمی‌تواند بیش از ${toPersianDigits(PASSWORD_MAX_LENGTH)} نویسه باشد.` })
  .transform(normalizePassword);

/** A new password: its length is checked here too (beside the field, before any request); the rest of the policy on the server. */
const newPassword = password.refine((s) => s.length >= PASSWORD_MIN_LENGTH, {
  error: `رمز عبور باید دست‌کم ${toPersianDigits(PASSWORD_MIN_LENGTH)} نویسه باشد.`,
});

export const loginSchema = z.object({ nationalId, password });
export type LoginInput = z.input<typeof loginSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: password,
    newPassword,
    confirmPassword: z.string().min(1, { error: "تکرار رمز عبور جدید را وارد کنید." }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    error: "تکرار رمز عبور با رمز عبور جدید یکسان نیست.",
  });
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

export const resetRequestSchema = z.object({ nationalId });
export type ResetRequestInput = z.input<typeof resetRequestSchema>;

export const resetPasswordSchema = z
  .object({
    nationalId,
    code: z
      .string()
      .transform((s) => toAsciiDigits(s).replace(/\s/g, ""))
      .refine((s) => /^\d{6}$/.test(s), { error: "کد تأیید ۶ رقمی را وارد کنید." }),
    newPassword,
    confirmPassword: z.string().min(1, { error: "تکرار رمز عبور جدید را وارد کنید." }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    error: "تکرار رمز عبور با رمز عبور جدید یکسان نیست.",
  });
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;

import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "تغییر رمز عبور" };

export default async function ChangePasswordPage() {
  const user = await requireUser({ allowMustChangePassword: true });
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">تغییر رمز عبور</h1>
      {user.mustChangePassword ? (
        <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-amber-950">
          رمز عبور اولیه شما قابل حدس است. پیش از ادامه کار، رمز عبور تازه‌ای انتخاب کنید.
        </p>
      ) : null}
      <ChangePasswordForm />
    </div>
  );
}

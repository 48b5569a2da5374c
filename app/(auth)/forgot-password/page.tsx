import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordFlow } from "./forgot-password-flow";

export const metadata: Metadata = { title: "فراموشی رمز عبور" };

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">فراموشی رمز عبور</h1>
      <p className="text-slate-700">کد ملی خود را وارد کنید تا کد تأیید ۶ رقمی به تلفن همراه ثبت‌شده شما پیامک شود.</p>
      <ForgotPasswordFlow />
      <p className="text-slate-700">
        کد ملی یا شماره همراه شما در سامانه ثبت نیست، یا حساب قفل شده است؟ با کارشناس منطقه خود تماس بگیرید؛ او می‌تواند قفل را باز کند یا
        کد فعال‌سازی بدهد.{" "}
        <Link href="/forgot-password/activate" className="text-brand-700 underline">
          کد فعال‌سازی دارم
        </Link>
      </p>
    </div>
  );
}

import type { Metadata } from "next";
import { ActivationFlow } from "../forgot-password-flow";

export const metadata: Metadata = { title: "فعال‌سازی حساب" };

export default function ActivatePage() {
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">فعال‌سازی حساب با کد منطقه</h1>
      <p className="text-slate-700">کد ملی، کد فعال‌سازی ۶ رقمی که کارشناس منطقه به شما داده و رمز عبور تازه خود را وارد کنید.</p>
      <ActivationFlow />
    </div>
  );
}

import type { Metadata } from "next";
import { redirect } from "next/navigation";
import QRCode from "qrcode";
import { requireUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { pendingEnrolment, totpRequired } from "@/lib/auth/totp";
import { EnrollTotpForm } from "./enroll-totp-form";

export const metadata: Metadata = { title: "فعال‌سازی ورود دومرحله‌ای" };

// Staff enrol a TOTP app here, forced after a sign-in without one (lib/auth/current-user.ts).
export default async function EnrollTotpPage() {
  const user = await requireUser({ allowMustEnrollTotp: true });
  if (user.role === "HOLDER") redirect("/");
  const pending = await pendingEnrolment(db, user.id);
  if (!pending) redirect("/");
  const qr = await QRCode.toDataURL(pending.uri, { errorCorrectionLevel: "M", margin: 1, width: 220 });
  const grouped = pending.secret.match(/.{1,4}/g)?.join(" ") ?? pending.secret;
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">فعال‌سازی ورود دومرحله‌ای</h1>
      <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-amber-950">
        {totpRequired(user)
          ? "برای حساب‌های کارکنان، ورود دومرحله‌ای لازم است. پیش از ادامه کار آن را فعال کنید."
          : "ورود دومرحله‌ای را برای امنیت بیشتر حساب خود فعال کنید."}
      </p>
      <ol className="list-decimal space-y-2 pe-2 ps-6">
        <li>یک برنامه احراز هویت (مانند Google Authenticator یا Microsoft Authenticator) را روی گوشی خود باز کنید.</li>
        <li>این تصویر را با برنامه بخوانید، یا کلید زیر را در آن وارد کنید.</li>
        <li>کد ۶ رقمی‌ای را که برنامه نشان می‌دهد در کادر زیر بنویسید.</li>
      </ol>
      <div className="card space-y-3">
        {/* eslint-disable-next-line @next/next/no-img-element -- a data URL made on the server */}
        <img src={qr} alt="تصویر QR برای افزودن حساب به برنامه احراز هویت" width={220} height={220} className="mx-auto" />
        <p>
          کلید:{" "}
          <bdi dir="ltr" className="font-mono font-bold [unicode-bidi:isolate]">
            {grouped}
          </bdi>
        </p>
      </div>
      <EnrollTotpForm />
    </div>
  );
}

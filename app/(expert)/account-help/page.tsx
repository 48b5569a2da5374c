import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { scopeOf } from "@/lib/authz/permissions";
import { AccountHelp } from "./account-help";

export const metadata: Metadata = { title: "کمک به حساب دارندگان" };

/** The region's (and the head office's) help for holders who lost their password or are locked out. */
export default async function AccountHelpPage() {
  const user = await requireUser();
  const scope = scopeOf(user.role, "account:help");
  if (!scope) notFound();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">کمک به حساب دارندگان پروانه</h1>
      <p className="text-slate-700">
        {scope === "region" ? "دارندگان دفاتر استان‌های منطقه شما" : "دارندگان همه مناطق"}: پس از احراز هویت تلفنی دارنده، قفل حساب را باز
        کنید یا کد فعال‌سازی یک‌بارمصرف بدهید تا رمز عبور تازه بگذارد. هر کار در گزارش رویدادها ثبت و به دارنده پیامک می‌شود.
      </p>
      <AccountHelp />
    </div>
  );
}

import Link from "next/link";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import { toPersianDigits } from "@/lib/format/digits";
import { formatJalaliDate } from "@/lib/format/jalali";

// The head office's home: a few figures, the latest rounds, and a link to each management
// page (rounds, rule sets, registry import, users, national dashboard and exports).
const SECTIONS = [
  { title: "دوره‌های ارزیابی", text: "ایجاد، باز و بسته کردن دوره‌ها و مهلت‌ها", href: "/rounds" },
  { title: "جدول‌های امتیازدهی", text: "بارگذاری، بررسی، مقایسه و تأیید مجموعه قواعد", href: "/rule-sets" },
  { title: "ورود اطلاعات پروانه‌ها", text: "بارگذاری فایل CSV دفاتر، پروانه‌ها و دارندگان", href: "/registry" },
  { title: "کاربران", text: "کارشناسان مناطق و مدیران؛ غیرفعال‌سازی و بازنشانی رمز", href: "/users" },
  { title: "کمک به حساب دارندگان", text: "باز کردن قفل حساب دارنده و صدور کد فعال‌سازی", href: "/account-help" },
  { title: "گزارش رویدادها", text: "جست‌وجوی ورودها، تغییرها و دسترسی‌های ردشده؛ دریافت CSV", href: "/audit" },
  { title: "داشبورد کشوری", text: "وضعیت پرونده‌ها، رتبه‌ها و رعایت مهلت‌ها در مناطق", href: "/dashboard" },
  { title: "خروجی نتایج", text: "نتایج دوره به صورت CSV و XLSX (در داشبورد کشوری)", href: "/dashboard" },
] as const satisfies readonly { title: string; text: string; href: string }[];

export async function AdminHome({ user }: { user: CurrentUser }) {
  const [offices, experts, rounds] = await Promise.all([
    db.office.count(),
    db.user.count({ where: { role: "EXPERT", active: true } }),
    db.round.findMany({ orderBy: { windowOpensAt: "desc" }, take: 3, include: { ruleSet: true } }),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">
        دفتر نظارت — {user.firstName} {user.lastName}
      </h1>
      <section className="grid gap-3 sm:grid-cols-2" aria-label="آمار کلی">
        <p className="card">
          دفاتر ثبت‌شده: <strong>{toPersianDigits(offices)}</strong>
        </p>
        <p className="card">
          کارشناسان فعال: <strong>{toPersianDigits(experts)}</strong>
        </p>
      </section>
      <p>
        <Link href="/queue" className="btn">
          صف پرونده‌های همه مناطق (واگذاری دوباره)
        </Link>
      </p>
      <section className="card" aria-labelledby="rounds-heading">
        <h2 id="rounds-heading" className="mb-2 text-lg font-bold">
          دوره‌های اخیر
        </h2>
        <ul className="space-y-1">
          {rounds.map((r) => (
            <li key={r.id}>
              {r.title}: {formatJalaliDate(r.windowOpensAt)} تا {formatJalaliDate(r.windowClosesAt)} — جدول «{r.ruleSet.title}»
              {r.ruleSet.isSample ? <strong className="ms-1 text-amber-800">(نمونه)</strong> : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="sections-heading">
        <h2 id="sections-heading" className="mb-2 text-lg font-bold">
          بخش‌های مدیریت
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2">
          {SECTIONS.map((s) => (
            <li key={s.title} className="card">
              <Link href={s.href} className="font-bold text-brand-700 underline">
                {s.title}
              </Link>
              <p className="text-sm text-slate-700">{s.text}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

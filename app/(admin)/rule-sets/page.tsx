import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db";
import { requirePermission } from "@/lib/auth/require-permission";
import { toPersianDigits } from "@/lib/format/digits";
import { formatJalaliDateTime } from "@/lib/format/jalali";
import { RuleSetUploadForm } from "./rule-set-forms";

export const metadata: Metadata = { title: "جدول‌های امتیازدهی" };

export default async function RuleSetsPage() {
  await requirePermission("ruleset:approve:any");
  const ruleSets = await db.ruleSet.findMany({
    orderBy: [{ key: "asc" }, { version: "desc" }],
    select: {
      id: true,
      key: true,
      version: true,
      title: true,
      isSample: true,
      approvedAt: true,
      createdAt: true,
      _count: { select: { rounds: true } },
    },
  });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">جدول‌های امتیازدهی</h1>
      <p className="text-sm text-slate-700">
        هر دوره با یک جدول تأییدشده امتیاز می‌دهد. جدول تأییدشده تغییر نمی‌کند؛ برای تغییر، نسخه تازه‌ای بارگذاری و تأیید کنید.
      </p>
      <div className="relative overflow-x-auto">
        <table className="w-full text-sm">
          <caption className="sr-only">جدول‌های امتیازدهی بارگذاری‌شده، نسخه و وضعیت تأیید</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2 text-start">
                عنوان
              </th>
              <th scope="col" className="p-2 text-start">
                شناسه و نسخه
              </th>
              <th scope="col" className="p-2 text-start">
                وضعیت
              </th>
              <th scope="col" className="p-2 text-start">
                دوره‌ها
              </th>
            </tr>
          </thead>
          <tbody>
            {ruleSets.map((r) => (
              <tr key={r.id} className="border-b border-slate-200 align-top">
                <th scope="row" className="p-2 text-start font-medium">
                  <Link href={`/rule-sets/${r.id}`} className="text-brand-700 underline">
                    {r.title}
                  </Link>
                  {r.isSample ? <strong className="ms-1 text-amber-800">(نمونه)</strong> : null}
                </th>
                <td className="p-2">
                  <span dir="ltr" className="font-mono text-xs">
                    {r.key}
                  </span>
                  ، نسخه {toPersianDigits(r.version)}
                </td>
                <td className="p-2">
                  {r.approvedAt ? (
                    `تأییدشده در ${formatJalaliDateTime(r.approvedAt)}`
                  ) : (
                    <strong className="text-amber-800">در انتظار تأیید</strong>
                  )}
                </td>
                <td className="p-2">{toPersianDigits(r._count.rounds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <RuleSetUploadForm />
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { db } from "@/lib/db";
import { requireUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/http/or-not-found";
import { loadResultCertificate } from "@/lib/declaration/result-certificate";
import { FACT_DISPLAY } from "@/lib/declaration/facts";
import { explainCriterion } from "@/lib/declaration/score-preview";
import { groupTrackingCode } from "@/lib/declaration/tracking-code";
import { originFromHeaders } from "@/lib/declaration/verify-link";
import { formatNumberFa, toPersianDigits } from "@/lib/format/digits";
import { formatJalaliDate } from "@/lib/format/jalali";
import { PrintButton } from "@/components/print-button";
import { ScoreTotals } from "@/components/result/score-totals";

export const metadata: Metadata = { title: "گواهی نتیجه ارزیابی" };

// The result certificate (lib/declaration/result-certificate.ts): laid out as stacked rows,
// not a wide table, so that it fits a 360 px phone without sideways scrolling.
export default async function CertificatePage({ params }: { params: Promise<{ declarationId: string }> }) {
  const user = await requireUser();
  const { declarationId } = await params;
  const cert = await orNotFound(loadResultCertificate(db, user, declarationId, originFromHeaders(await headers())));
  if (!cert) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">گواهی نتیجه ارزیابی</h1>
        <p className="card">رتبه این پرونده هنوز قطعی نشده است؛ گواهی نتیجه پس از قطعی شدن رتبه صادر می‌شود.</p>
        <Link href={`/declarations/${declarationId}`} className="text-brand-700 underline">
          بازگشت به پرونده
        </Link>
      </div>
    );
  }
  const { score, office } = cert;
  const rows: [string, React.ReactNode][] = [
    [
      "کد رهگیری",
      <bdi key="t" dir="ltr" className="font-bold">
        {toPersianDigits(groupTrackingCode(cert.trackingCode))}
      </bdi>,
    ],
    ["دوره", cert.roundTitle],
    ["دفتر", `${office.name} (کد ${toPersianDigits(office.code)})، ${office.typeLabel}`],
    ["محل", `${office.city}، استان ${office.province} (${office.region})`],
    ["دارنده پروانه", cert.holderName],
    ["وضعیت پرونده", cert.statusLabel],
    ["تاریخ قطعی شدن", formatJalaliDate(cert.finalizedAt)],
    ["اعتراض", cert.objection ? `${cert.objection.label} (${formatJalaliDate(cert.objection.decidedAt)})` : "اعتراضی ثبت نشد"],
    ["جدول امتیازدهی", `${cert.ruleSet.title}، نسخه ${toPersianDigits(cert.ruleSet.version)}${cert.ruleSet.isSample ? " (نمونه)" : ""}`],
  ];

  return (
    <article className="min-w-0 space-y-6 break-words" aria-labelledby="certificate-title">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 id="certificate-title" className="text-2xl font-bold">
          گواهی نتیجه ارزیابی
        </h1>
        <div className="flex flex-wrap gap-3 print:hidden">
          <PrintButton label="چاپ گواهی" />
          <a className="btn-secondary" href={`/api/declarations/${cert.declarationId}/certificate`} download>
            دریافت PDF گواهی
          </a>
        </div>
      </div>

      <section className="grid grid-cols-1 gap-3 sm:grid-cols-3" aria-label="نتیجه نهایی">
        <div className="card text-center">
          <div className="text-sm text-slate-700">امتیاز نهایی</div>
          <div className="text-2xl font-bold">{formatNumberFa(score.total)}</div>
        </div>
        <div className="card text-center">
          <div className="text-sm text-slate-700">رتبه نهایی</div>
          <div className="text-2xl font-bold">رتبه {toPersianDigits(score.rank)}</div>
        </div>
        <div className="card text-center">
          <div className="text-sm text-slate-700">سهم ارائه خدمات</div>
          <div className="text-2xl font-bold">{toPersianDigits(score.serviceSharePercent)}٪</div>
        </div>
      </section>

      <section className="card" aria-label="مشخصات پرونده">
        <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[minmax(10rem,auto)_1fr]">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium text-slate-700">{label}</dt>
              <dd className="mb-2 min-w-0 sm:mb-0">{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section className="card space-y-3" aria-labelledby="certificate-score">
        <h2 id="certificate-score" className="text-lg font-bold">
          امتیاز نهایی معیارها
        </h2>
        <ul className="divide-y divide-slate-200">
          {score.criteria.map((c) => (
            <li key={c.key} className="flex flex-wrap items-baseline justify-between gap-x-3 py-2">
              <span className="min-w-0 font-medium">{c.title}</span>
              <span className="whitespace-nowrap">
                {formatNumberFa(c.points)} از {formatNumberFa(c.max)}
              </span>
              <span className="w-full text-sm text-slate-700">{explainCriterion(c, FACT_DISPLAY)}</span>
            </li>
          ))}
        </ul>
        <ScoreTotals score={score} title="تخلفات" none="تخلفی ثبت نشده است." />
      </section>

      <section className="card space-y-2" aria-labelledby="certificate-hash">
        <h2 id="certificate-hash" className="text-lg font-bold">
          اثر انگشت دیجیتال (SHA-256)
        </h2>
        <p className="text-sm">این رشته از امتیاز نهایی ثبت‌شده منطقه ساخته شده است و همان است که صفحه بررسی اعتبار نشان می‌دهد.</p>
        <p dir="ltr" className="break-all font-mono text-sm">
          {cert.sha256}
        </p>
      </section>

      <section className="card flex flex-wrap items-center gap-4" aria-labelledby="certificate-verify">
        <div
          className="h-32 w-32 shrink-0 [&>svg]:h-full [&>svg]:w-full"
          role="img"
          aria-label="کد QR صفحه بررسی اعتبار"
          // The SVG is drawn by the qrcode package from our own address: no user input.
          dangerouslySetInnerHTML={{ __html: cert.verify.qrSvg }}
        />
        <div className="min-w-0 flex-1 space-y-1">
          <h2 id="certificate-verify" className="text-lg font-bold">
            بررسی اعتبار
          </h2>
          <p className="text-sm">با خواندن این کد یا باز کردن نشانی زیر، اعتبار این گواهی را بررسی کنید:</p>
          <a href={cert.verify.url} dir="ltr" className="block break-all font-mono text-sm text-brand-700 underline">
            {cert.verify.url}
          </a>
        </div>
      </section>
      <p className="text-sm">
        پرسش درباره این پرونده: {office.region}، تلفن <bdi dir="ltr">{toPersianDigits(office.regionPhone)}</bdi>
      </p>
      <div className="flex flex-wrap gap-4 print:hidden">
        <Link href={`/declarations/${cert.declarationId}/receipt`} className="text-brand-700 underline">
          رسید ارسال
        </Link>
        <Link href={`/declarations/${cert.declarationId}`} className="text-brand-700 underline">
          بازگشت به پرونده
        </Link>
      </div>
    </article>
  );
}

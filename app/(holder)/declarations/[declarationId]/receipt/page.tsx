import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { db } from "@/lib/db";
import { requireUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/http/or-not-found";
import { loadReceipt } from "@/lib/declaration/receipt";
import { FACT_DISPLAY } from "@/lib/declaration/facts";
import { explainCriterion } from "@/lib/declaration/score-preview";
import { groupTrackingCode } from "@/lib/declaration/tracking-code";
import { formatNumberFa, toPersianDigits } from "@/lib/format/digits";
import { formatJalaliDateTime } from "@/lib/format/jalali";
import { originFromHeaders } from "@/lib/declaration/verify-link";
import { PrintButton } from "@/components/print-button";
import { ScoreTotals } from "@/components/result/score-totals";

export const metadata: Metadata = { title: "رسید ثبت خوداظهاری" };

export default async function ReceiptPage({ params }: { params: Promise<{ declarationId: string }> }) {
  const user = await requireUser();
  const { declarationId } = await params;
  const receipt = await orNotFound(loadReceipt(db, user, declarationId, originFromHeaders(await headers())));
  if (!receipt) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">رسید ثبت خوداظهاری</h1>
        <p className="card">این پرونده هنوز ارسال نشده است؛ رسید پس از ارسال نهایی در مرحله ۹ صادر می‌شود.</p>
        <Link href={`/declarations/${declarationId}`} className="text-brand-700 underline">
          بازگشت به پرونده
        </Link>
      </div>
    );
  }
  const { score, office } = receipt;
  const rows: [string, React.ReactNode][] = [
    [
      "کد رهگیری",
      <bdi key="t" dir="ltr" className="text-lg font-bold">
        {toPersianDigits(groupTrackingCode(receipt.trackingCode))}
      </bdi>,
    ],
    ["زمان ارسال (به وقت تهران)", formatJalaliDateTime(receipt.submittedAt)],
    ["دوره", receipt.roundTitle],
    ["دفتر", `${office.name} (کد ${toPersianDigits(office.code)})، ${office.typeLabel}`],
    ["محل", `${office.city}، استان ${office.province} (${office.region})`],
    ["دارنده پروانه", receipt.holderName],
    ["وضعیت در زمان ارسال", receipt.statusLabel],
    [
      "جدول امتیازدهی",
      `${receipt.ruleSet.title}، نسخه ${toPersianDigits(receipt.ruleSet.version)}${receipt.ruleSet.isSample ? " (نمونه)" : ""}`,
    ],
  ];

  return (
    <article className="space-y-6" aria-labelledby="receipt-title">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 id="receipt-title" className="text-2xl font-bold">
          رسید ثبت خوداظهاری
        </h1>
        <div className="flex flex-wrap gap-3 print:hidden">
          <PrintButton label="چاپ رسید" />
          <a className="btn-secondary" href={`/api/declarations/${receipt.declarationId}/receipt`} download>
            دریافت PDF رسید
          </a>
        </div>
      </div>
      <p className="rounded border-s-4 border-brand-700 bg-slate-50 p-3 font-medium">
        این رسید وضعیت پرونده را در زمان ارسال نشان می‌دهد. امتیاز و رتبه نهایی پس از بررسی منطقه در گواهی نتیجه می‌آید.
      </p>
      {receipt.isFinal && (
        <p className="card print:hidden">
          رتبه این پرونده قطعی شده است.{" "}
          <Link href={`/declarations/${receipt.declarationId}/certificate`} className="text-brand-700 underline">
            گواهی نتیجه را ببینید
          </Link>
          .
        </p>
      )}
      <p>پرونده خوداظهاری در زمان ارسال برای بررسی به منطقه فرستاده شد. این رسید را نگه دارید.</p>

      <section className="card" aria-label="مشخصات ارسال">
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[minmax(10rem,auto)_1fr]">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium text-slate-700">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section className="card space-y-3" aria-labelledby="receipt-score">
        <h2 id="receipt-score" className="text-lg font-bold">
          امتیاز خوداظهاری
        </h2>
        <div className="relative overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">امتیاز هر معیار در زمان ارسال</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2 text-start">
                  معیار
                </th>
                <th scope="col" className="p-2 text-start">
                  امتیاز
                </th>
                <th scope="col" className="p-2 text-start">
                  توضیح
                </th>
              </tr>
            </thead>
            <tbody>
              {score.criteria.map((c) => (
                <tr key={c.key} className="border-b border-slate-200">
                  <th scope="row" className="p-2 text-start font-medium">
                    {c.title}
                  </th>
                  <td className="p-2 whitespace-nowrap">
                    {c.pending ? "در انتظار امتیاز منطقه" : `${formatNumberFa(c.points)} از ${formatNumberFa(c.max)}`}
                  </td>
                  <td className="p-2">{explainCriterion(c, FACT_DISPLAY)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <ScoreTotals score={score} title="تخلفات اعلام‌شده" none="هیچ تخلفی اعلام نشده است.">
          <dt className="font-medium">رتبه در زمان ارسال</dt>
          <dd>
            رتبه {toPersianDigits(score.rank)} (ارائه تا {toPersianDigits(score.serviceSharePercent)}٪ خدمات)
          </dd>
        </ScoreTotals>
        <p className="text-sm text-slate-700">
          این امتیاز همان است که در زمان ارسال محاسبه شد و در آن زمان موقت بود: امتیاز رضایت مراجعان و امتیاز انجمن را منطقه وارد می‌کند و
          امتیاز و رتبه پس از بررسی منطقه قطعی و با پیامک اعلام می‌شود.
        </p>
      </section>

      <section className="card space-y-2" aria-labelledby="receipt-hash">
        <h2 id="receipt-hash" className="text-lg font-bold">
          اثر انگشت دیجیتال (SHA-256)
        </h2>
        <p className="text-sm">با این رشته می‌توان نشان داد که اطلاعات امتیاز ثبت‌شده در زمان ارسال، پس از آن تغییر نکرده است.</p>
        <p dir="ltr" className="break-all font-mono text-sm">
          {receipt.sha256}
        </p>
      </section>
      <section className="card flex flex-wrap items-center gap-4" aria-labelledby="receipt-verify">
        <div
          className="h-32 w-32 shrink-0 [&>svg]:h-full [&>svg]:w-full"
          role="img"
          aria-label="کد QR صفحه بررسی اعتبار"
          // The SVG is drawn by the qrcode package from our own address: no user input.
          dangerouslySetInnerHTML={{ __html: receipt.verify.qrSvg }}
        />
        <div className="min-w-0 flex-1 space-y-1">
          <h2 id="receipt-verify" className="text-lg font-bold">
            بررسی اعتبار
          </h2>
          <p className="text-sm">با خواندن این کد یا باز کردن نشانی زیر، وضعیت کنونی پرونده را ببینید:</p>
          <a href={receipt.verify.url} dir="ltr" className="block break-all font-mono text-sm text-brand-700 underline">
            {receipt.verify.url}
          </a>
        </div>
      </section>
      <p className="text-sm">
        پرسش درباره این پرونده: {office.region}، تلفن <bdi dir="ltr">{toPersianDigits(office.regionPhone)}</bdi>
      </p>
      <Link href={`/declarations/${receipt.declarationId}`} className="text-brand-700 underline print:hidden">
        بازگشت به پرونده
      </Link>
    </article>
  );
}

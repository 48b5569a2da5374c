import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { clientIp } from "@/lib/auth/request-context";
import { verifyTrackingCode } from "@/lib/declaration/verify-tracking-code";
import { groupTrackingCode } from "@/lib/declaration/tracking-code";
import { toPersianDigits } from "@/lib/format/digits";
import { formatJalaliDate } from "@/lib/format/jalali";

export const metadata: Metadata = { title: "بررسی اعتبار رسید و گواهی", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

// Public (proxy.ts lets signed-out visitors in): what lib/declaration/verify-tracking-code.ts
// found for the code — nothing personal. Unknown and malformed codes get the same "not
// found"; too many lookups from one address, a refusal. Stacked rows, so it fits 360 px.
export default async function VerifyPage({ params }: { params: Promise<{ trackingCode: string }> }) {
  const { trackingCode } = await params;
  const result = await verifyTrackingCode(db, trackingCode, clientIp(await headers()));
  if (result.kind === "not_found") notFound();
  if (result.kind === "too_many") {
    return (
      <div className="mx-auto max-w-md space-y-4 text-center" role="alert">
        <h1 className="text-2xl font-bold">درخواست‌های بیش از حد</h1>
        <p>از این نشانی در چند دقیقه گذشته درخواست‌های زیادی برای بررسی کد رهگیری رسیده است. لطفاً چند دقیقه دیگر دوباره تلاش کنید.</p>
      </div>
    );
  }
  const { file } = result;
  const rows: [string, React.ReactNode][] = [
    [
      "کد رهگیری",
      <bdi key="t" dir="ltr" className="font-bold">
        {toPersianDigits(groupTrackingCode(file.trackingCode))}
      </bdi>,
    ],
    ["کد دفتر", toPersianDigits(file.officeCode)],
    ["دوره", file.roundTitle],
    ["وضعیت پرونده", file.statusLabel],
  ];
  if (file.final) {
    rows.push(["رتبه نهایی", `رتبه ${toPersianDigits(file.final.rank)}`], ["تاریخ قطعی شدن", formatJalaliDate(file.final.finalizedAt)]);
  }
  return (
    <article className="mx-auto min-w-0 max-w-xl space-y-4 break-words" aria-labelledby="verify-title">
      <h1 id="verify-title" className="text-2xl font-bold">
        بررسی اعتبار رسید و گواهی
      </h1>
      <p className="text-slate-700">این کد رهگیری در سامانه ثبت شده است. وضعیت کنونی پرونده:</p>
      <section className="card">
        <dl className="grid grid-cols-1 gap-y-1 sm:grid-cols-[minmax(8rem,auto)_1fr] sm:gap-x-6">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium text-slate-700">{label}</dt>
              <dd className="mb-2 min-w-0 sm:mb-0">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      {file.final ? (
        <section className="card space-y-2" aria-labelledby="verify-hash">
          <h2 id="verify-hash" className="text-lg font-bold">
            اثر انگشت دیجیتال گواهی نتیجه (<bdi dir="ltr">SHA-256</bdi>)
          </h2>
          <p className="text-sm">این رشته باید با رشته چاپ‌شده روی گواهی نتیجه یکی باشد.</p>
          <p dir="ltr" className="break-all font-mono text-sm">
            {file.final.sha256}
          </p>
        </section>
      ) : (
        <p className="card text-sm">رتبه این پرونده هنوز قطعی نشده است؛ پس از قطعی شدن، رتبه و اثر انگشت گواهی نتیجه اینجا دیده می‌شود.</p>
      )}
    </article>
  );
}

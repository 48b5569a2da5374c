// One file of the holder's office on the home page: the round, its status, the deadline that
// matters now, the result and the documents, and the one right action as the primary button.
// A card (not a table row) so that it fits a 360 px phone. Data from lib/declaration/holder-files.ts.
import Link from "next/link";
import type { HolderFile } from "@/lib/declaration/holder-files";
import { Countdown } from "@/components/countdown";
import { formatJalaliDateTime } from "@/lib/format/jalali";
import { formatNumberFa, toPersianDigits } from "@/lib/format/digits";
import { DECLARATION_STATUS_LABEL } from "@/lib/format/labels";
import { groupTrackingCode } from "@/lib/declaration/tracking-code";

const STATUS_TONE: Partial<Record<HolderFile["status"], string>> = {
  DRAFT: "bg-slate-100 text-slate-800",
  RETURNED: "bg-amber-100 text-amber-900",
  APPROVED: "bg-green-100 text-green-900",
  FINAL: "bg-green-100 text-green-900",
  OBJECTION_DECIDED: "bg-green-100 text-green-900",
  NOT_SUBMITTED: "bg-red-100 text-red-900",
};

export function HolderFileCard({ file, now }: { file: HolderFile; now: Date }) {
  const headingId = `file-${file.id}`;
  const { deadline, result } = file;
  return (
    <article className="card space-y-3 break-words" aria-labelledby={headingId}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 id={headingId} className="min-w-0 text-lg font-bold">
          دوره ارزیابی {file.round.title}
        </h3>
        <span className={`rounded-full px-3 py-1 text-sm font-medium ${STATUS_TONE[file.status] ?? "bg-brand-50 text-brand-800"}`}>
          {DECLARATION_STATUS_LABEL[file.status]}
        </span>
      </div>

      {deadline ? (
        <p>
          {deadline.label}: <span className="whitespace-nowrap">{formatJalaliDateTime(deadline.at)}</span>
          {deadline.countdown ? (
            <>
              {" "}
              — زمان باقی‌مانده: <Countdown until={deadline.at.toISOString()} serverNow={now.toISOString()} />
            </>
          ) : now >= deadline.at ? (
            " (پایان یافته)"
          ) : null}
        </p>
      ) : null}

      {file.underReview ? (
        <p className="text-slate-800">
          {file.status === "OBJECTED"
            ? `اعتراض شما در منطقه ${file.regionName} در حال بررسی است؛ نتیجه با پیامک اعلام می‌شود.`
            : `پرونده شما در منطقه ${file.regionName} در حال بررسی است؛ نتیجه با پیامک اعلام می‌شود.`}
        </p>
      ) : null}

      {result ? (
        <p>
          {result.final ? "نتیجه قطعی" : "نتیجه اعلام‌شده منطقه"}:{" "}
          {result.score === null ? (
            <>
              خوداظهاری در مهلت ارسال نشد؛ رتبه <strong>{toPersianDigits(result.rank)}</strong>
            </>
          ) : (
            <>
              امتیاز <strong>{formatNumberFa(result.score)}</strong> — رتبه <strong>{toPersianDigits(result.rank)}</strong>
            </>
          )}
        </p>
      ) : null}

      {file.trackingCode && file.submittedAt ? (
        <p className="text-sm text-slate-700">
          ارسال در {formatJalaliDateTime(file.submittedAt)} — کد رهگیری:{" "}
          <bdi dir="ltr" className="font-bold whitespace-nowrap">
            {toPersianDigits(groupTrackingCode(file.trackingCode))}
          </bdi>
        </p>
      ) : null}

      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <Link href={file.action.href} className="btn">
          {file.action.label}
        </Link>
        {file.receiptHref ? (
          <Link href={file.receiptHref} className="text-brand-700 underline">
            رسید ارسال
          </Link>
        ) : null}
        {file.action.kind !== "view" ? (
          <Link href={file.fileHref} className="text-brand-700 underline">
            مشاهده پرونده
          </Link>
        ) : null}
      </div>
    </article>
  );
}

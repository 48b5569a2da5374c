// The negative points: every violation answered yes, with the holder's description and the
// verdict's notice date as they stand. A server component: it only renders.
import type { ResultViolation } from "@/lib/declaration/load-result";
import { formatNumberFa } from "@/lib/format/digits";
import { formatJalaliDate } from "@/lib/format/jalali";

export function ViolationsList({ violations, negative }: { violations: readonly ResultViolation[]; negative: number }) {
  if (violations.length === 0) return <p>هیچ تخلفی اعلام نشده است؛ امتیاز منفی {formatNumberFa(0)} است.</p>;
  return (
    <>
      <ul className="space-y-2">
        {violations.map((v) => (
          <li key={v.code} className="rounded border border-red-200 bg-red-50 p-3">
            <p className="font-medium break-words">
              {v.title} <span className="whitespace-nowrap text-red-900">(−{formatNumberFa(v.points)} امتیاز)</span>
            </p>
            {v.description ? <p className="text-sm break-words whitespace-pre-line">توضیح: {v.description}</p> : null}
            {v.verdictNoticeDate ? <p className="text-sm">تاریخ ابلاغ رأی: {formatJalaliDate(v.verdictNoticeDate)}</p> : null}
          </li>
        ))}
      </ul>
      <p>
        جمع امتیاز منفی: <strong>{formatNumberFa(negative)}</strong>
      </p>
      <p className="text-sm text-slate-700">پاسخ‌ها همان است که در خوداظهاری ثبت شده است.</p>
    </>
  );
}

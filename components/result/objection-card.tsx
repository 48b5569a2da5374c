// One objection: the holder's text and attachments, and the region's decision (accepted or
// not, when, why). The deciding expert is not named. A server component: it only renders.
import type { ResultObjection } from "@/lib/declaration/load-result";
import { formatNumberFa, toPersianDigits } from "@/lib/format/digits";
import { formatJalaliDateTime } from "@/lib/format/jalali";

const kilobytes = (size: number) => formatNumberFa(Math.max(1, Math.round(size / 1024)));

export function ObjectionCard({ objection: o, regionName }: { objection: ResultObjection; regionName: string }) {
  return (
    <div className="space-y-3">
      <dl className="space-y-2">
        <div>
          <dt className="font-medium">زمان ثبت اعتراض</dt>
          <dd>{formatJalaliDateTime(o.filedAt)}</dd>
        </div>
        <div>
          <dt className="font-medium">متن اعتراض</dt>
          <dd className="break-words whitespace-pre-line">{o.text}</dd>
        </div>
        <div>
          <dt className="font-medium">پیوست‌ها</dt>
          <dd>
            {o.attachments.length === 0 ? (
              "پیوستی ندارد"
            ) : (
              <ul className="list-disc space-y-1 ps-6">
                {o.attachments.map((a) => (
                  <li key={a.id} className="break-words">
                    <a href={`/api/documents/${a.id}`} className="text-brand-700 underline">
                      <bdi>{toPersianDigits(a.fileName)}</bdi>
                    </a>{" "}
                    <span className="text-sm text-slate-700">({kilobytes(a.size)} کیلوبایت)</span>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
      {o.accepted === null ? (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 p-3">
          اعتراض در انتظار رسیدگی کارشناس دیگری از منطقه {regionName} است.
        </p>
      ) : (
        <div className={`space-y-2 rounded border p-3 ${o.accepted ? "border-green-300 bg-green-50" : "border-slate-300 bg-slate-50"}`}>
          <p className="font-bold">
            {o.accepted ? "اعتراض پذیرفته شد و امتیازهای منطقه تغییر کرد." : "اعتراض پذیرفته نشد و نتیجه تغییر نکرد."}
          </p>
          <dl className="space-y-2">
            <div>
              <dt className="font-medium">زمان رسیدگی</dt>
              <dd>{o.decidedAt ? formatJalaliDateTime(o.decidedAt) : "—"}</dd>
            </div>
            <div>
              <dt className="font-medium">رسیدگی‌کننده</dt>
              <dd>کارشناس منطقه {regionName}</dd>
            </div>
            <div>
              <dt className="font-medium">دلیل تصمیم</dt>
              <dd className="break-words whitespace-pre-line">{o.decisionReason ?? "—"}</dd>
            </div>
          </dl>
        </div>
      )}
    </div>
  );
}

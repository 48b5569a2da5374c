// The holder's provisional score (lib/declaration/score-preview.ts), shown on the task list.
// A server component: it only renders.
import type { ScorePreview } from "@/lib/declaration/score-preview";
import { formatNumberFa } from "@/lib/format/digits";

export function ScorePreviewCard({ preview, isSample }: { preview: ScorePreview; isSample: boolean }) {
  return (
    <section aria-labelledby="score-preview-title" className="card space-y-4">
      <h2 id="score-preview-title" className="text-lg font-bold">
        پیش‌نمایش امتیاز
      </h2>
      <p className="text-base">
        امتیاز مثبت تا اینجا:{" "}
        <strong>
          {formatNumberFa(preview.positive)} از {formatNumberFa(preview.maxPositive)}
        </strong>
      </p>
      <p className="text-sm text-slate-700">این امتیاز موقت است و پس از بررسی منطقه قطعی می‌شود.</p>
      {isSample ? <p className="text-sm text-amber-950">جدول امتیازدهی این دوره نمونه است.</p> : null}
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <caption className="sr-only">امتیاز هر معیار بر اساس اطلاعات واردشده</caption>
          <thead>
            <tr className="border-b border-slate-300 text-start">
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
            {preview.rows.map((r) => (
              <tr key={r.key} className="border-b border-slate-200">
                <th scope="row" className="p-2 text-start font-medium">
                  {r.title}
                </th>
                <td className="p-2 whitespace-nowrap">
                  {r.regionEntered && r.pending ? (
                    <span className="text-slate-700">توسط منطقه وارد می‌شود</span>
                  ) : (
                    <>
                      {formatNumberFa(r.points)} از {formatNumberFa(r.max)}
                    </>
                  )}
                </td>
                <td className="p-2">{r.explanation}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {preview.suggestions.length > 0 ? (
        <div className="space-y-1">
          <h3 className="font-medium">برای افزایش امتیاز</h3>
          <ul className="list-disc space-y-1 ps-6 text-sm">
            {preview.suggestions.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

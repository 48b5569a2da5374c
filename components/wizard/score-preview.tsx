// The holder's provisional score (lib/declaration/score-preview.ts), shown on the task list.
// A server component: it only renders.
import type { ScorePreview } from "@/lib/declaration/score-preview";
import { formatNumberFa } from "@/lib/format/digits";
import { PositiveScoreTable } from "@/components/wizard/positive-score-table";

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
      <PositiveScoreTable rows={preview.rows} caption="امتیاز هر معیار بر اساس اطلاعات واردشده" />
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

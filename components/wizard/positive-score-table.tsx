// The positive points criterion by criterion, each row saying why (score-preview.ts).
// No hooks: rendered by the task list (server) and by step 8's form (client).
import type { ScorePreviewRow } from "@/lib/declaration/score-preview";
import { formatNumberFa } from "@/lib/format/digits";

export function PositiveScoreTable({ rows, caption }: { rows: readonly ScorePreviewRow[]; caption: string }) {
  return (
    // `relative`: the screen-reader caption (position: absolute) stays inside the scroll box
    // instead of widening the page on a phone.
    <div className="relative overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
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
          {rows.map((r) => (
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
  );
}

// The two scores the region entered (criteria of kind regionEntered), as a definition list
// that fits a narrow phone. A server component: it only renders.
import type { ResultRegionScore } from "@/lib/declaration/load-result";
import { formatNumberFa } from "@/lib/format/digits";

export function RegionScores({ scores, regionName }: { scores: readonly ResultRegionScore[]; regionName: string }) {
  if (scores.length === 0) return <p className="text-sm">در جدول امتیازدهی این دوره امتیازی با منطقه نیست.</p>;
  return (
    <dl className="grid gap-2 sm:grid-cols-2">
      {scores.map((s) => (
        <div key={s.key} className="rounded border border-slate-200 p-3">
          <dt className="font-medium break-words">{s.title}</dt>
          <dd>
            {s.value === null ? (
              "وارد نشده"
            ) : (
              <>
                <strong>{formatNumberFa(s.points)}</strong> از {formatNumberFa(s.max)}
              </>
            )}
            <span className="block text-sm text-slate-700">وارد شده توسط منطقه {regionName}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

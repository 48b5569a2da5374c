import type { ReactNode } from "react";
import { formatNumberFa } from "@/lib/format/digits";

type Score = { violations: readonly { code: string; title: string; points: number }[]; positive: number; negative: number; total: number };

/**
 * The violations and the totals of a score, as the receipt (the score at submission) and the
 * result certificate (the final score) print them; `children` adds rows (the rank).
 */
export function ScoreTotals({ score, title, none, children }: { score: Score; title: string; none: string; children?: ReactNode }) {
  return (
    <>
      <h3 className="font-medium">{title}</h3>
      {score.violations.length === 0 ? (
        <p>{none}</p>
      ) : (
        <ul className="list-disc ps-6">
          {score.violations.map((v) => (
            <li key={v.code}>
              {v.title}: {formatNumberFa(v.points)} امتیاز منفی
            </li>
          ))}
        </ul>
      )}
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[minmax(10rem,auto)_1fr]">
        <dt className="font-medium">امتیاز مثبت</dt>
        <dd>{formatNumberFa(score.positive)}</dd>
        <dt className="font-medium">امتیاز منفی</dt>
        <dd>{formatNumberFa(score.negative)}</dd>
        <dt className="font-medium">امتیاز کل</dt>
        <dd>
          <strong>{formatNumberFa(score.total)}</strong>
        </dd>
        {children}
      </dl>
    </>
  );
}

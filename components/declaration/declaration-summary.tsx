// A declaration read-only, step by step, with a "change" link per step while the holder may
// still edit it (step 9's "check your answers"). A server component.
import Link from "next/link";
import { DOCUMENT_KINDS } from "@/lib/documents/kinds";
import { FORM_STEPS } from "@/lib/declaration/forms";
import { displayFieldValue, EMPTY_VALUE } from "@/lib/declaration/summary";
import type { DeclarationSummaryData } from "@/lib/declaration/load-summary";
import { STEPS } from "@/lib/declaration/steps";
import { formatJalaliDay } from "@/lib/format/jalali";
import { formatNumberFa, toPersianDigits } from "@/lib/format/digits";
import { PositiveScoreTable } from "@/components/wizard/positive-score-table";

const yesNo = (b: boolean) => (b ? "بله" : "خیر");

function Rows({ rows }: { rows: readonly (readonly [string, string])[] }) {
  return (
    <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[minmax(10rem,auto)_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium text-slate-700">{label}</dt>
          <dd className="break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function DeclarationSummary({
  declarationId,
  summary,
  editable,
  showDocuments = false,
}: {
  declarationId: string;
  summary: DeclarationSummaryData;
  editable: boolean;
  /** Link each document and show images inline (the region's file view). */
  showDocuments?: boolean;
}) {
  const { data, stepStatus } = summary;
  const section = (number: number, body: React.ReactNode) => {
    const step = STEPS[number - 1]!;
    const headingId = `summary-step-${number}`;
    return (
      <section key={number} aria-labelledby={headingId} className="card space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id={headingId} className="text-lg font-bold">
            {toPersianDigits(number)}. {step.title}
          </h2>
          {editable && stepStatus[String(number)] !== "NOT_NEEDED" ? (
            <Link href={`/declarations/${declarationId}/steps/${number}`} className="text-brand-700 underline">
              تغییر<span className="sr-only"> {step.title}</span>
            </Link>
          ) : null}
        </div>
        {body}
      </section>
    );
  };

  const formSection = (number: 2 | 3 | 4 | 5 | 6, extra?: React.ReactNode) => {
    if (stepStatus[String(number)] === "NOT_NEEDED") return section(number, <p>این مرحله برای دارنده پروانه حقیقی لازم نیست.</p>);
    const values = data[String(number)] ?? {};
    const rows = FORM_STEPS[String(number) as "2"].fields.map((f) => [f.label, displayFieldValue(f, values[f.name])] as const);
    return section(
      number,
      <>
        <Rows rows={rows} />
        {extra}
      </>,
    );
  };

  return (
    <div className="space-y-4">
      {section(
        1,
        <ul className="list-disc space-y-1 ps-6">
          {DOCUMENT_KINDS.map((k) => {
            const files = summary.documents.filter((d) => d.kind === k.kind);
            return (
              <li key={k.kind}>
                {k.label}:{" "}
                {files.length === 0 ? (
                  <strong>بارگذاری نشده</strong>
                ) : showDocuments ? (
                  files.map((f) => (
                    <span key={f.id} className="inline-block align-top">
                      <a href={`/api/documents/${f.id}`} className="text-brand-700 underline" target="_blank" rel="noopener">
                        {f.fileName}
                      </a>
                      {f.contentType === "image/jpeg" ? (
                        // eslint-disable-next-line @next/next/no-img-element -- a private file served by our own authorised route, not an optimisable asset
                        <img
                          src={`/api/documents/${f.id}`}
                          alt={`${k.label}: ${f.fileName}`}
                          loading="lazy"
                          className="mt-1 block max-h-48 rounded border border-slate-200"
                        />
                      ) : null}
                    </span>
                  ))
                ) : (
                  files.map((f) => f.fileName).join("، ")
                )}
              </li>
            );
          })}
        </ul>,
      )}
      {formSection(2)}
      {formSection(3)}
      {formSection(
        4,
        <div>
          <h3 className="mt-2 font-medium">اعضای هیئت مدیره</h3>
          {summary.board.length === 0 ? (
            <p>{EMPTY_VALUE}</p>
          ) : (
            <ul className="list-disc ps-6">
              {summary.board.map((m) => (
                <li key={m.id}>
                  {m.firstName} {m.lastName}، {m.position}، کد ملی {toPersianDigits(m.nationalId)}
                </li>
              ))}
            </ul>
          )}
        </div>,
      )}
      {formSection(5)}
      {formSection(6)}
      {section(
        7,
        <div className="relative overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">کارکنان دفتر</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2 text-start">
                  نام و نام خانوادگی
                </th>
                <th scope="col" className="p-2 text-start">
                  کد ملی
                </th>
                <th scope="col" className="p-2 text-start">
                  تاریخ تولد
                </th>
                <th scope="col" className="p-2 text-start">
                  دارای معلولیت
                </th>
                <th scope="col" className="p-2 text-start">
                  بیمه‌شده
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.staff.map((s) => (
                <tr key={s.id} className="border-b border-slate-200">
                  <th scope="row" className="p-2 text-start font-normal">
                    {s.firstName} {s.lastName}
                  </th>
                  <td className="p-2">{toPersianDigits(s.nationalId)}</td>
                  <td className="p-2">{formatJalaliDay(s.birthDate)}</td>
                  <td className="p-2">{yesNo(s.disabled)}</td>
                  <td className="p-2">{yesNo(s.insured)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>,
      )}
      {section(
        8,
        <div className="space-y-3">
          <PositiveScoreTable rows={summary.positive.rows} caption="امتیازهای مثبت" />
          <p>
            جمع امتیاز مثبت: <strong>{formatNumberFa(summary.positive.positive)}</strong>
          </p>
          <h3 className="font-medium">تخلفات اعلام‌شده</h3>
          {summary.violations.some((v) => v.answer) ? (
            <ul className="list-disc space-y-1 ps-6">
              {summary.violations
                .filter((v) => v.answer)
                .map((v) => (
                  <li key={v.code}>
                    {v.title} ({formatNumberFa(v.points)} امتیاز منفی): {v.description}
                    {v.verdictNoticeDate ? `؛ تاریخ ابلاغ رای کمیسیون: ${toPersianDigits(v.verdictNoticeDate)}` : ""}
                  </li>
                ))}
            </ul>
          ) : (
            <p>به همه موارد تخلف پاسخ «خیر» داده شده است.</p>
          )}
          <p>
            جمع امتیاز منفی: <strong>{formatNumberFa(summary.negative)}</strong>
          </p>
          <p>
            امتیاز کل (بدون امتیازهای منطقه): <strong>{formatNumberFa(summary.total)}</strong>
          </p>
        </div>,
      )}
    </div>
  );
}

// The result of a file explained: the final score criterion by criterion (the same table as
// step 8) with the region's scores, the negative points, and the objection with its
// decision. The office's holder, the region's experts and the head office only
// (lib/declaration/load-result.ts); anyone else "not found".
import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db";
import { requireUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/http/or-not-found";
import { loadDeclarationResult } from "@/lib/declaration/load-result";
import { formatNumberFa, toPersianDigits } from "@/lib/format/digits";
import { formatJalaliDateTime } from "@/lib/format/jalali";
import { DECLARATION_STATUS_LABEL } from "@/lib/format/labels";
import { PositiveScoreTable } from "@/components/wizard/positive-score-table";
import { RegionScores } from "@/components/result/region-scores";
import { ViolationsList } from "@/components/result/violations-list";
import { ObjectionCard } from "@/components/result/objection-card";

export const metadata: Metadata = { title: "جزئیات نتیجه ارزیابی" };

export default async function DeclarationResultPage({ params }: { params: Promise<{ declarationId: string }> }) {
  const user = await requireUser();
  const { declarationId } = await params;
  const r = await orNotFound(loadDeclarationResult(db, user, declarationId));
  const back = (
    <nav aria-label="مسیر">
      <Link href={`/declarations/${r.declarationId}`} className="text-brand-700 underline">
        بازگشت به پرونده
      </Link>
    </nav>
  );
  const heading = (
    <div className="space-y-1">
      <h1 className="text-2xl font-bold break-words">نتیجه ارزیابی دفتر {toPersianDigits(r.officeCode)}</h1>
      <p className="break-words">
        {r.roundTitle} — منطقه {r.regionName} — وضعیت: <strong>{DECLARATION_STATUS_LABEL[r.status]}</strong>
      </p>
    </div>
  );
  const res = r.result;
  if (!res) {
    return (
      <div className="space-y-6">
        {back}
        {heading}
        <p className="card">نتیجه ارزیابی این پرونده هنوز اعلام نشده است؛ پس از تأیید منطقه اینجا نمایش داده می‌شود.</p>
      </div>
    );
  }
  const { score } = res;
  return (
    <div className="space-y-6">
      {back}
      {heading}

      <section aria-labelledby="total-title" className="card space-y-2 border-green-300 bg-green-50">
        <h2 id="total-title" className="text-lg font-bold">
          امتیاز نهایی {r.final ? "(قطعی)" : ""}
        </h2>
        <p>
          امتیاز نهایی <strong>{formatNumberFa(score.total)}</strong> — رتبه <strong>{toPersianDigits(score.rank)}</strong> (ارائه تا{" "}
          {toPersianDigits(score.serviceSharePercent)}٪ خدمات)
        </p>
        <dl className="grid grid-cols-1 gap-1 sm:grid-cols-3">
          <div>
            <dt className="inline font-medium">امتیاز مثبت: </dt>
            <dd className="inline">{formatNumberFa(score.positive)}</dd>
          </div>
          <div>
            <dt className="inline font-medium">امتیاز منفی: </dt>
            <dd className="inline">{formatNumberFa(score.negative)}</dd>
          </div>
          <div>
            <dt className="inline font-medium">امتیاز کل: </dt>
            <dd className="inline">{formatNumberFa(score.total)}</dd>
          </div>
        </dl>
        {res.beforeObjection ? (
          <p className="text-sm">
            پیش از رسیدگی به اعتراض: امتیاز {formatNumberFa(res.beforeObjection.total)}، رتبه {toPersianDigits(res.beforeObjection.rank)}
          </p>
        ) : null}
        <p className="text-sm text-slate-700">
          {res.reason === "OBJECTION_DECIDED" ? "ثبت پس از رسیدگی به اعتراض" : "ثبت با تأیید منطقه"} در {formatJalaliDateTime(res.takenAt)}{" "}
          — جدول امتیازدهی «{res.ruleSet.title}» نسخه {toPersianDigits(res.ruleSet.version)}
          {res.ruleSet.isSample ? " (نمونه)" : ""}
        </p>
        {r.status === "APPROVED" ? (
          <p>
            اگر به این نتیجه اعتراض دارید، از{" "}
            <Link href={`/declarations/${r.declarationId}`} className="text-brand-700 underline">
              صفحه پرونده
            </Link>{" "}
            تا پایان مهلت اعتراض آن را ثبت کنید.
          </p>
        ) : null}
      </section>

      <section aria-labelledby="criteria-title" className="card space-y-2">
        <h2 id="criteria-title" className="text-lg font-bold">
          امتیاز مثبت، معیار به معیار
        </h2>
        <PositiveScoreTable rows={res.criteria} caption="امتیاز هر معیار در نتیجه ارزیابی، با امتیازهای منطقه" />
      </section>

      <section aria-labelledby="region-title" className="card space-y-2">
        <h2 id="region-title" className="text-lg font-bold">
          امتیازهای منطقه
        </h2>
        <RegionScores scores={res.regionScores} regionName={r.regionName} />
      </section>

      <section aria-labelledby="negative-title" className="card space-y-2">
        <h2 id="negative-title" className="text-lg font-bold">
          امتیاز منفی (تخلفات)
        </h2>
        <ViolationsList violations={res.violations} negative={score.negative} />
      </section>

      <section aria-labelledby="objection-title" className="card space-y-4">
        <h2 id="objection-title" className="text-lg font-bold">
          اعتراض
        </h2>
        {r.objections.length === 0 ? (
          <p>به این نتیجه اعتراضی ثبت نشده است.</p>
        ) : (
          r.objections.map((o) => <ObjectionCard key={o.id} objection={o} regionName={r.regionName} />)
        )}
      </section>
    </div>
  );
}

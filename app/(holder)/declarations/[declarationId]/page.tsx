import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db";
import { requireUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/http/or-not-found";
import { loadDeclarationFor } from "@/lib/authz/guards";
import { progressPercent, STEPS, stepStates, STEP_STATE_LABEL } from "@/lib/declaration/steps";
import { formatNumberFa, toPersianDigits } from "@/lib/format/digits";
import { formatJalaliDateTime } from "@/lib/format/jalali";
import { DECLARATION_STATUS_LABEL } from "@/lib/format/labels";
import { Countdown } from "@/components/countdown";
import { serviceSharePercentFor } from "@/lib/ranking";
import { ruleSetOfRound } from "@/lib/rounds/rule-set-of-round";
import { FORM_STEPS } from "@/lib/declaration/forms";
import { objectionDeadline } from "@/lib/workflow/objection-window";
import { ObjectionForm } from "@/components/wizard/objection-form";
import { declarationFacts, FACT_DISPLAY } from "@/lib/declaration/facts";
import { scorePreview } from "@/lib/declaration/score-preview";
import { readDeclarationData, readStepStatus } from "@/lib/declaration/declaration-json";
import { ScorePreviewCard } from "@/components/wizard/score-preview";
import { groupTrackingCode } from "@/lib/declaration/tracking-code";

export const metadata: Metadata = { title: "ثبت خوداظهاری" };

const STATE_STYLE = {
  LOCKED: "bg-slate-100 text-slate-700",
  NOT_STARTED: "bg-white text-slate-800 border border-slate-300",
  IN_PROGRESS: "bg-amber-100 text-amber-950",
  COMPLETE: "bg-green-100 text-green-900",
  NOT_NEEDED: "bg-slate-100 text-slate-700",
} as const;

export default async function DeclarationTaskList({ params }: { params: Promise<{ declarationId: string }> }) {
  const user = await requireUser();
  const { declarationId } = await params;
  const declaration = await orNotFound(loadDeclarationFor(db, user, declarationId));
  const stored = readStepStatus(declaration.stepStatus);
  const steps = stepStates(stored);
  const percent = progressPercent(stored);
  const now = new Date();
  const draft = declaration.status === "DRAFT";
  const { ruleSet } = await ruleSetOfRound(db, declaration.roundId);
  const corrections =
    declaration.status === "RETURNED"
      ? await db.correctionRequest.findMany({ where: { declarationId: declaration.id, resolvedAt: null }, orderBy: { createdAt: "asc" } })
      : [];
  const objectionClosesAt = declaration.status === "APPROVED" ? await objectionDeadline(db, declaration) : null;
  // The provisional score is for a file still being filled in.
  const preview = draft
    ? scorePreview(
        ruleSet,
        declarationFacts({
          data: readDeclarationData(declaration.data),
          staff: await db.staffMember.findMany({ where: { declarationId: declaration.id }, select: { disabled: true, insured: true } }),
        }),
        FACT_DISPLAY,
      )
    : null;
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">ثبت خوداظهاری — {declaration.round.title}</h1>
        <p>
          دفتر {toPersianDigits(declaration.office.code)} — وضعیت: <strong>{DECLARATION_STATUS_LABEL[declaration.status]}</strong>
        </p>
        <p>
          پایان مهلت: {formatJalaliDateTime(declaration.round.windowClosesAt)} (
          <Countdown until={declaration.round.windowClosesAt.toISOString()} serverNow={now.toISOString()} />)
        </p>
      </div>
      {declaration.status === "RETURNED" ? (
        <section aria-labelledby="corrections-title" className="card space-y-2 border-amber-300 bg-amber-50">
          <h2 id="corrections-title" className="text-lg font-bold">
            پرونده برای اصلاح بازگردانده شده است
          </h2>
          {corrections[0] ? (
            <p>
              مهلت اصلاح: {formatJalaliDateTime(corrections[0].dueAt)} (
              <Countdown until={corrections[0].dueAt.toISOString()} serverNow={now.toISOString()} />)
            </p>
          ) : null}
          <ul className="list-disc space-y-1 ps-6">
            {corrections.map((c) => (
              <li key={c.id}>
                <Link href={`/declarations/${declaration.id}/steps/${c.section}`} className="text-brand-700 underline">
                  {STEPS[Number(c.section) - 1]?.title}
                  {c.field ? ` — ${FORM_STEPS[c.section as "2"]?.fields.find((f) => f.name === c.field)?.label ?? c.field}` : ""}
                </Link>
                : {c.comment}
              </li>
            ))}
          </ul>
          <p>
            پس از اصلاح، در{" "}
            <Link href={`/declarations/${declaration.id}/steps/9`} className="text-brand-700 underline">
              مرحله ۹
            </Link>{" "}
            پرونده را دوباره ارسال کنید. فقط موارد بالا قابل تغییر است.
          </p>
        </section>
      ) : null}
      {declaration.finalRank !== null ? (
        <section aria-labelledby="result-title" className="card space-y-2 border-green-300 bg-green-50">
          <h2 id="result-title" className="text-lg font-bold">
            نتیجه ارزیابی {declaration.status === "FINAL" || declaration.status === "NOT_SUBMITTED" ? "(قطعی)" : ""}
          </h2>
          {declaration.status === "NOT_SUBMITTED" ? (
            <p>خوداظهاری در مهلت ارسال نشد؛ رتبه دفتر تا دوره بعد {toPersianDigits(declaration.finalRank)} است.</p>
          ) : (
            <p>
              امتیاز نهایی: <strong>{formatNumberFa(declaration.finalScore?.toNumber() ?? 0)}</strong> — رتبه{" "}
              <strong>{toPersianDigits(declaration.finalRank)}</strong> (ارائه تا{" "}
              {toPersianDigits(serviceSharePercentFor(ruleSet, declaration.finalRank))}٪ خدمات)
            </p>
          )}
          {declaration.status === "NOT_SUBMITTED" ? null : (
            <p>
              <Link href={`/declarations/${declaration.id}/result`} className="text-brand-700 underline">
                جزئیات نتیجه: امتیاز هر معیار، امتیازهای منطقه، تخلفات و اعتراض
              </Link>
            </p>
          )}
          {declaration.status === "FINAL" ? (
            <p>
              <Link href={`/declarations/${declaration.id}/certificate`} className="text-brand-700 underline">
                گواهی نتیجه (قابل چاپ و با کد QR برای راستی‌آزمایی)
              </Link>
            </p>
          ) : null}
          {declaration.status === "APPROVED" && objectionClosesAt && now < objectionClosesAt ? (
            <>
              <p>اگر به این نتیجه اعتراض دارید، تا {formatJalaliDateTime(objectionClosesAt)} اعتراض خود را ثبت کنید.</p>
              <ObjectionForm declarationId={declaration.id} />
            </>
          ) : null}
          {declaration.status === "OBJECTED" ? <p>اعتراض شما ثبت شد و کارشناس دیگری از منطقه به آن رسیدگی می‌کند.</p> : null}
        </section>
      ) : null}
      {declaration.trackingCode ? (
        <div role="status" className="card space-y-2 border-green-300 bg-green-50">
          <p>
            پرونده در {formatJalaliDateTime(declaration.submittedAt!)} ارسال شد. کد رهگیری:{" "}
            <bdi dir="ltr" className="font-bold">
              {toPersianDigits(groupTrackingCode(declaration.trackingCode))}
            </bdi>
          </p>
          <Link href={`/declarations/${declaration.id}/receipt`} className="text-brand-700 underline">
            مشاهده و چاپ رسید
          </Link>
        </div>
      ) : null}
      <div>
        <p id="progress-label" className="mb-1 text-sm">
          پیشرفت: {toPersianDigits(percent)}٪
        </p>
        <div
          role="progressbar"
          aria-labelledby="progress-label"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          className="h-3 w-full rounded-full bg-slate-200"
        >
          <div className="h-3 rounded-full bg-green-700" style={{ width: `${percent}%` }} />
        </div>
      </div>
      <ol className="space-y-2" aria-label="مرحله‌های خوداظهاری">
        {steps.map((s) => (
          <li key={s.number} className="card flex flex-wrap items-center justify-between gap-2 !p-4">
            {s.state === "LOCKED" || s.state === "NOT_NEEDED" ? (
              <span className="font-medium">
                {toPersianDigits(s.number)}. {s.title}
              </span>
            ) : (
              <Link href={`/declarations/${declaration.id}/steps/${s.number}`} className="font-medium text-brand-700 underline">
                {toPersianDigits(s.number)}. {s.title}
              </Link>
            )}
            <span className={`rounded-full px-3 py-1 text-sm ${STATE_STYLE[s.state]}`}>{STEP_STATE_LABEL[s.state]}</span>
          </li>
        ))}
      </ol>
      {preview ? <ScorePreviewCard preview={preview} isSample={ruleSet.isSample} /> : null}
    </div>
  );
}

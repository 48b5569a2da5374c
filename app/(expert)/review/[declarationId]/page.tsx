import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { requireUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/http/or-not-found";
import { FORM_STEPS } from "@/lib/declaration/forms";
import { STEPS } from "@/lib/declaration/steps";
import { loadReviewFile } from "@/lib/review/load-review-file";
import { auditActionLabel } from "@/lib/format/audit-labels";
import { formatNumberFa, toPersianDigits } from "@/lib/format/digits";
import { formatJalaliDateTime } from "@/lib/format/jalali";
import { DECLARATION_STATUS_LABEL, ROLE_LABEL } from "@/lib/format/labels";
import { Countdown } from "@/components/countdown";
import { DeclarationSummary } from "@/components/declaration/declaration-summary";
import { MapView } from "@/components/map/map-view";
import { ReviewPanel, type ReturnSection } from "@/components/review/review-panel";
import { REGION_STATUSES } from "@/lib/review/assignment";
import { availableTransitions } from "@/lib/workflow/transitions";
import { PositiveScoreTable } from "@/components/wizard/positive-score-table";
import { FACT_DISPLAY } from "@/lib/declaration/facts";
import { explainCriterion } from "@/lib/declaration/score-preview";

export const metadata: Metadata = { title: "پرونده دفتر" };

const SMS_TEMPLATE_LABEL: Record<string, string> = {
  "declaration-returned": "بازگشت برای اصلاح",
  "correction-reminder": "یادآوری مهلت اصلاح",
  "result-approved": "اعلام نتیجه",
  "objection-decided": "نتیجه اعتراض",
  "not-submitted": "ارسال نشدن در مهلت",
};
const SMS_STATUS_LABEL: Record<string, string> = {
  PENDING: "در صف ارسال",
  SENDING: "در حال ارسال",
  SENT: "ارسال شد",
  FAILED: "ارسال نشد",
  HELD: "در انتظار (اعتبار پیامک)",
};

const showValue = (v: unknown) =>
  v === null || v === undefined || v === "" ? "—" : typeof v === "string" ? toPersianDigits(v) : toPersianDigits(JSON.stringify(v));

export default async function ReviewFilePage({ params }: { params: Promise<{ declarationId: string }> }) {
  const user = await requireUser();
  if (user.role === "HOLDER") notFound();
  const { declarationId } = await params;
  const file = await orNotFound(loadReviewFile(db, user, declarationId));
  const { declaration: d, score } = file;
  const now = new Date();
  const sections: ReturnSection[] = STEPS.filter((s) => s.number <= 8 && file.summary.stepStatus[String(s.number)] !== "NOT_NEEDED").map(
    (s) => ({
      value: String(s.number),
      label: `${toPersianDigits(s.number)}. ${s.title}`,
      fields: (FORM_STEPS[String(s.number) as "2"]?.fields ?? []).map((f) => ({ value: f.name, label: f.label })),
    }),
  );
  const overdue = d.dueAt !== null && d.dueAt < now;

  return (
    <div className="space-y-6">
      <nav aria-label="مسیر">
        <Link href="/queue" className="text-brand-700 underline">
          بازگشت به صف پرونده‌ها
        </Link>
      </nav>
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">
          پرونده دفتر {toPersianDigits(d.office.code)} — {d.office.name}
        </h1>
        <p>
          {d.office.city}، استان {d.office.province.name} — وضعیت: <strong>{DECLARATION_STATUS_LABEL[d.status]}</strong>
          {d.overdue ? <span className="ms-2 rounded bg-red-100 px-2 text-red-900">مهلت اصلاح دارنده گذشته بود</span> : null}
        </p>
        {d.trackingCode ? (
          <p>
            کد رهگیری: <bdi dir="ltr">{toPersianDigits(d.trackingCode)}</bdi>
          </p>
        ) : null}
        <p>کارشناس: {file.assignee ? `${file.assignee.firstName} ${file.assignee.lastName}` : "واگذار نشده"}</p>
        {d.dueAt ? (
          <p className={overdue ? "font-bold text-red-800" : ""}>
            مهلت اقدام: {formatJalaliDateTime(d.dueAt)} (
            {overdue ? "گذشته" : <Countdown until={d.dueAt.toISOString()} serverNow={now.toISOString()} />})
          </p>
        ) : null}
      </div>

      {user.role === "EXPERT" ? (
        <ReviewPanel
          declarationId={d.id}
          status={d.status}
          moves={availableTransitions(d.status, "EXPERT")}
          claimable={REGION_STATUSES.includes(d.status)}
          mine={d.assigneeId === user.id}
          takenBy={file.assignee && file.assignee.id !== user.id ? `${file.assignee.firstName} ${file.assignee.lastName}` : null}
          isApprover={file.approverId === user.id}
          sections={sections}
          caps={file.caps}
          regionScores={file.regionScores}
        />
      ) : null}

      <section aria-labelledby="score-title" className="card space-y-2">
        <h2 id="score-title" className="text-lg font-bold">
          امتیاز
        </h2>
        <p>
          امتیاز مثبت {formatNumberFa(score.positive)}، امتیاز منفی {formatNumberFa(score.negative)}، امتیاز کل{" "}
          <strong>{formatNumberFa(score.total)}</strong> — رتبه {toPersianDigits(score.rank)}
          {score.criteria.some((c) => c.pending) ? " (امتیازهای منطقه هنوز وارد نشده است)" : ""}
        </p>
        <PositiveScoreTable
          caption="امتیاز هر معیار با امتیازهای منطقه"
          rows={score.criteria.map((c) => ({
            key: c.key,
            title: c.title,
            points: c.points,
            max: c.max,
            pending: c.pending,
            regionEntered: c.kind === "regionEntered",
            explanation: explainCriterion(c, FACT_DISPLAY),
          }))}
        />
        {score.violations.length > 0 ? (
          <ul className="list-disc ps-6 text-sm">
            {score.violations.map((v) => (
              <li key={v.code}>
                تخلف اعلام‌شده: {v.title} (−{formatNumberFa(v.points)})
              </li>
            ))}
          </ul>
        ) : null}
        {file.submittedScore ? (
          <p className="text-sm text-slate-700">امتیاز خوداظهاری در زمان ارسال: {formatNumberFa(file.submittedScore.total)}</p>
        ) : null}
        {d.finalScore !== null ? (
          <p>
            امتیاز نهایی: <strong>{formatNumberFa(d.finalScore.toNumber())}</strong>، رتبه نهایی {toPersianDigits(d.finalRank ?? 0)}
          </p>
        ) : null}
      </section>

      {file.hints.length > 0 ? (
        <section aria-labelledby="hints-title" className="card space-y-2 border-amber-300 bg-amber-50">
          <h2 id="hints-title" className="text-lg font-bold">
            موارد قابل بررسی
          </h2>
          <ul className="list-disc space-y-1 ps-6">
            {file.hints.map((h) => (
              <li key={h}>{h}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {file.corrections.length > 0 ? (
        <section aria-labelledby="corrections-title" className="card space-y-2">
          <h2 id="corrections-title" className="text-lg font-bold">
            اصلاحات درخواست‌شده
          </h2>
          <ul className="space-y-2">
            {file.corrections.map((c) => {
              const step = STEPS[Number(c.section) - 1];
              const field = FORM_STEPS[c.section as "2"]?.fields.find((f) => f.name === c.field);
              return (
                <li key={c.id} className="rounded border border-slate-200 p-2">
                  <p className="font-medium">
                    {step?.title}
                    {field ? ` — ${field.label}` : ""}: {c.comment}
                  </p>
                  <p className="text-sm">
                    پیش از اصلاح: {showValue(c.before)} ← پس از اصلاح: {c.resolvedAt ? showValue(c.after) : "هنوز ارسال نشده"}
                  </p>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      {file.objections.length > 0 ? (
        <section aria-labelledby="objections-title" className="card space-y-2">
          <h2 id="objections-title" className="text-lg font-bold">
            اعتراض
          </h2>
          {file.objections.map((o) => (
            <div key={o.id} className="space-y-1">
              <p>
                {formatJalaliDateTime(o.filedAt)}: {o.text}
              </p>
              {o.attachments.length > 0 ? (
                <ul className="list-disc ps-6 text-sm">
                  {o.attachments.map((doc) => (
                    <li key={doc.id}>
                      <a href={`/api/documents/${doc.id}`} className="text-brand-700 underline" target="_blank" rel="noopener">
                        {doc.fileName}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
              {o.decidedAt ? (
                <p className="text-sm">
                  تصمیم ({o.decision === "UPHELD" ? "نتیجه پیشین درست است" : "امتیاز تغییر کرد"}): {o.decisionReason}
                </p>
              ) : null}
            </div>
          ))}
        </section>
      ) : null}

      {file.point ? (
        <section aria-labelledby="map-title" className="card space-y-2">
          <h2 id="map-title" className="text-lg font-bold">
            محل دفتر روی نقشه
          </h2>
          <MapView point={file.point} declaredProvince={file.declaredProvince} />
        </section>
      ) : null}

      <DeclarationSummary declarationId={d.id} summary={file.summary} editable={false} showDocuments />

      {file.messages.length > 0 ? (
        <section aria-labelledby="sms-title" className="card space-y-2">
          <h2 id="sms-title" className="text-lg font-bold">
            پیامک‌های دارنده پروانه
          </h2>
          <ul className="space-y-1 text-sm">
            {file.messages.map((m) => (
              <li key={m.id} className={m.status === "FAILED" ? "font-bold text-red-800" : ""}>
                {SMS_TEMPLATE_LABEL[m.template] ?? m.template} — {SMS_STATUS_LABEL[m.status]}
                {m.sentAt ? ` (${formatJalaliDateTime(m.sentAt)})` : ""}
                {m.deliveryStatus && m.deliveryStatus !== "console" ? ` — تحویل: ${m.deliveryStatus}` : ""}
                {m.lastError && m.status !== "SENT" ? ` — ${m.lastError}` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="audit-title" className="card space-y-2">
        <h2 id="audit-title" className="text-lg font-bold">
          سابقه پرونده
        </h2>
        <ol className="space-y-1 text-sm">
          {file.audit.map((e) => (
            <li key={String(e.id)}>
              {formatJalaliDateTime(e.createdAt)} — {auditActionLabel(e.action)}
              {e.actor ? ` — ${e.actor.firstName} ${e.actor.lastName}${e.actorRole ? ` (${ROLE_LABEL[e.actorRole]})` : ""}` : " — سامانه"}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

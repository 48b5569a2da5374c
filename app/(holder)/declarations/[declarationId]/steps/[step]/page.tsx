import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { requireUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/http/or-not-found";
import { loadDeclarationFor } from "@/lib/authz/guards";
import { STEPS, stepStates } from "@/lib/declaration/steps";
import { readDeclarationData, readStepStatus } from "@/lib/declaration/declaration-json";
import { initialStepValues, registryPrefill } from "@/lib/declaration/prefill";
import { declaredCounts } from "@/lib/declaration/staff-rules";
import { PROVINCES } from "@/lib/geo/regions";
import { toPersianDigits } from "@/lib/format/digits";
import { formatJalaliDate, formatJalaliDateTime } from "@/lib/format/jalali";
import { toAsciiDigits } from "@/lib/validation/normalize";
import { Countdown } from "@/components/countdown";
import { DeclarationVersionProvider } from "@/components/wizard/version-context";
import { StepForm } from "@/components/wizard/step-form";
import { StaffStep } from "@/components/wizard/staff-step";
import { LocationStep } from "@/components/wizard/location-step";
import { RowListEditor } from "@/components/wizard/row-list-editor";
import { DocumentsStep } from "@/components/wizard/documents-step";
import { RankingStep } from "@/components/wizard/ranking-step";
import { SubmitForm } from "@/components/wizard/submit-form";
import { ResubmitForm } from "@/components/wizard/resubmit-form";
import { FORM_STEPS } from "@/lib/declaration/forms";
import { DeclarationSummary } from "@/components/declaration/declaration-summary";
import { declarationFacts, FACT_DISPLAY, positiveBasisOf } from "@/lib/declaration/facts";
import { emptyRankingValues, splitStoredRanking } from "@/lib/declaration/forms/step-8-ranking";
import { loadDeclarationSummary } from "@/lib/declaration/load-summary";
import { scorePreview } from "@/lib/declaration/score-preview";
import { groupTrackingCode } from "@/lib/declaration/tracking-code";
import { ruleSetOfRound } from "@/lib/rounds/rule-set-of-round";

export const metadata: Metadata = { title: "ثبت خوداظهاری" };

const yesNo = (b: boolean) => (b ? "بله" : "خیر");
const fieldLabel = (step: number, field: string) => FORM_STEPS[String(step) as "2"]?.fields.find((f) => f.name === field)?.label ?? field;

export default async function StepPage({ params }: { params: Promise<{ declarationId: string; step: string }> }) {
  const user = await requireUser();
  const { declarationId, step: stepParam } = await params;
  const stepNumber = Number(stepParam);
  const step = STEPS.find((s) => s.number === stepNumber);
  if (!step) notFound();
  const declaration = await orNotFound(loadDeclarationFor(db, user, declarationId));
  const stored = readStepStatus(declaration.stepStatus);
  const state = stepStates(stored)[stepNumber - 1]!.state;
  const data = readDeclarationData(declaration.data);
  const now = new Date();
  const windowOpen = now < declaration.round.windowClosesAt;
  // A returned file opens only what the region flagged (and step 8 when its table changed).
  const corrections = declaration.status === "RETURNED" ? await db.correctionRequest.findMany({ where: { declarationId: declaration.id, resolvedAt: null }, orderBy: { createdAt: "asc" } }) : [];
  const correctionDue = corrections[0]?.dueAt ?? null;
  const flaggedHere = corrections.filter((c) => c.section === String(stepNumber));
  const correctable =
    declaration.status === "RETURNED" && correctionDue !== null && now < correctionDue && (flaggedHere.length > 0 || (stepNumber === 8 && stored["8"] !== "COMPLETE"));
  const openFields = correctable && flaggedHere.length > 0 && !flaggedHere.some((c) => c.field === null) ? flaggedHere.map((c) => c.field!) : null;
  const readOnly = user.role !== "HOLDER" || !((declaration.status === "DRAFT" && windowOpen) || correctable || (stepNumber === 9 && declaration.status === "RETURNED"));
  const base = `/declarations/${declaration.id}`;

  const header = (
    <div className="space-y-2">
      <nav aria-label="مسیر">
        <Link href={base} className="text-brand-700 underline">
          بازگشت به فهرست مرحله‌ها
        </Link>
      </nav>
      <h1 className="text-2xl font-bold">
        مرحله {toPersianDigits(step.number)} از ۹: {step.title}
      </h1>
      <p className="text-sm">
        پایان مهلت ثبت: {formatJalaliDateTime(declaration.round.windowClosesAt)} (
        <Countdown until={declaration.round.windowClosesAt.toISOString()} serverNow={now.toISOString()} />)
      </p>
      {declaration.status === "RETURNED" && correctionDue ? (
        <div role="status" className="space-y-1 rounded-lg border border-amber-300 bg-amber-50 p-3">
          <p>
            این پرونده برای اصلاح بازگردانده شده است. مهلت اصلاح: {formatJalaliDateTime(correctionDue)} (
            <Countdown until={correctionDue.toISOString()} serverNow={now.toISOString()} />)
          </p>
          {flaggedHere.length > 0 ? (
            <ul className="list-disc ps-6">
              {flaggedHere.map((c) => (
                <li key={c.id}>
                  {c.field ? `${fieldLabel(stepNumber, c.field)}: ` : ""}
                  {c.comment}
                </li>
              ))}
            </ul>
          ) : stepNumber !== 9 && !correctable ? (
            <p>این بخش برای اصلاح باز نیست و فقط قابل مشاهده است.</p>
          ) : null}
        </div>
      ) : readOnly && user.role === "HOLDER" ? (
        <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-3">
          {declaration.status !== "DRAFT" ? "این پرونده ارسال شده است و فقط قابل مشاهده است." : "مهلت ثبت خوداظهاری به پایان رسیده است؛ تغییرات ذخیره نمی‌شود."}
        </p>
      ) : null}
    </div>
  );

  if (state === "LOCKED" || state === "NOT_NEEDED") {
    const first = stepStates(stored).find((s) => s.state === "NOT_STARTED" || s.state === "IN_PROGRESS");
    return (
      <div className="space-y-4">
        {header}
        <p className="card">
          {state === "NOT_NEEDED"
            ? "این مرحله برای دارنده پروانه حقیقی لازم نیست."
            : "این مرحله هنوز باز نشده است: ابتدا مرحله‌های پیش از آن را کامل کنید."}
        </p>
        {first ? (
          <Link className="btn" href={`${base}/steps/${first.number}`}>
            رفتن به مرحله {toPersianDigits(first.number)}: {first.title}
          </Link>
        ) : null}
      </div>
    );
  }

  let body: React.ReactNode;
  if (stepNumber === 1) {
    const documents = await db.document.findMany({ where: { declarationId: declaration.id, objectionId: null }, orderBy: { createdAt: "asc" } });
    body = (
      <DocumentsStep
        declarationId={declaration.id}
        version={declaration.version}
        readOnly={readOnly}
        documents={documents.map((d) => ({ id: d.id, kind: d.kind, fileName: d.fileName, size: d.size, contentType: d.contentType, createdAt: d.createdAt.toISOString() }))}
      />
    );
  } else if (stepNumber >= 2 && stepNumber <= 5) {
    const office = await db.office.findUniqueOrThrow({ where: { id: declaration.officeId }, include: { holder: true, licences: { orderBy: { expiresAt: "desc" }, take: 1 } } });
    const { values, prefilled } = initialStepValues(stepNumber, data[String(stepNumber)], registryPrefill(stepNumber, office, office.holder, office.licences[0] ?? null));
    const board =
      stepNumber === 4
        ? await db.boardMember.findMany({ where: { declarationId: declaration.id }, orderBy: { createdAt: "asc" } })
        : [];
    body = (
      <div className="space-y-6">
        {prefilled ? (
          <p role="note" className="rounded-lg border border-sky-300 bg-sky-50 p-3">
            برخی از فیلدها از سامانه صدور پروانه پر شده‌اند. آن‌ها را بررسی و در صورت نیاز اصلاح کنید.
          </p>
        ) : null}
        <StepForm declarationId={declaration.id} step={stepNumber as 2 | 3 | 4 | 5} defaultValues={values} readOnly={readOnly} openFields={openFields} />
        {stepNumber === 4 ? (
          <RowListEditor
            kind="board"
            declarationId={declaration.id}
            readOnly={readOnly}
            headers={["نام و نام خانوادگی", "کد ملی", "سمت", "تلفن همراه"]}
            rows={board.map((m) => ({
              id: m.id,
              values: { firstName: m.firstName, lastName: m.lastName, nationalId: m.nationalId, position: m.position, mobile: m.mobile ?? "" },
              cells: [`${m.firstName} ${m.lastName}`, toPersianDigits(m.nationalId), m.position, toPersianDigits(m.mobile ?? "—")],
            }))}
          />
        ) : null}
      </div>
    );
  } else if (stepNumber === 6) {
    const saved = data["6"];
    const lat = Number(saved?.lat);
    const lng = Number(saved?.lng);
    const provinceId = Number(data["5"]?.provinceId);
    body = (
      <LocationStep
        declarationId={declaration.id}
        readOnly={readOnly}
        initial={saved?.lat && saved?.lng && Number.isFinite(lat) && Number.isFinite(lng) ? { lat, lng } : null}
        declaredProvince={PROVINCES.find((p) => p.id === provinceId)?.name ?? null}
      />
    );
  } else if (stepNumber === 7) {
    const staff = await db.staffMember.findMany({ where: { declarationId: declaration.id }, orderBy: { createdAt: "asc" } });
    const counts = declaredCounts(data["3"]);
    body = (
      <StaffStep
        declarationId={declaration.id}
        readOnly={readOnly}
        declared={
          counts
            ? `در مرحله ۳ تعداد کارکنان ${toPersianDigits(counts.staff)} نفر و تعداد کارکنان دارای معلولیت ${toPersianDigits(counts.disabled)} نفر اعلام شده است؛ فهرست زیر باید با این اعداد برابر باشد.`
            : "تعداد کارکنان در مرحله ۳ وارد نشده است."
        }
        rows={staff.map((s) => {
          const birth = toAsciiDigits(formatJalaliDate(s.birthDate));
          return {
            id: s.id,
            values: { firstName: s.firstName, lastName: s.lastName, birthDate: birth, gender: s.gender, nationalId: s.nationalId, mobile: s.mobile, disabled: s.disabled, insured: s.insured, acceptsTerms: s.acceptsTerms },
            cells: [`${s.firstName} ${s.lastName}`, toPersianDigits(s.nationalId), toPersianDigits(s.mobile), formatJalaliDate(s.birthDate), yesNo(s.disabled), yesNo(s.insured)],
          };
        })}
      />
    );
  } else if (stepNumber === 8) {
    const [{ ruleSet }, staff] = await Promise.all([
      ruleSetOfRound(db, declaration.roundId),
      db.staffMember.findMany({ where: { declarationId: declaration.id }, select: { disabled: true, insured: true } }),
    ]);
    const facts = declarationFacts({ data, staff });
    const preview = scorePreview(ruleSet, facts, FACT_DISPLAY);
    const { values: saved, positiveBasis } = splitStoredRanking(data["8"]);
    // Confirmations given for other numbers than those shown now do not count.
    const positiveChanged = saved.positiveConfirmed === true && positiveBasis !== positiveBasisOf(facts);
    body = (
      <RankingStep
        declarationId={declaration.id}
        readOnly={readOnly}
        violations={ruleSet.violations}
        positive={{ rows: preview.rows, points: preview.positive, max: preview.maxPositive }}
        defaultValues={{ ...emptyRankingValues(ruleSet.violations), ...saved, ...(positiveChanged ? { positiveConfirmed: false, negativeConfirmed: false } : {}) }}
        positiveChanged={positiveChanged}
      />
    );
  } else {
    const summary = await loadDeclarationSummary(db, declaration);
    body = (
      <div className="space-y-6">
        {declaration.trackingCode && declaration.status !== "RETURNED" ? (
          <div role="status" className="card space-y-2 border-green-300 bg-green-50">
            <p>
              این پرونده ارسال شده است. کد رهگیری: <bdi dir="ltr" className="font-bold">{toPersianDigits(groupTrackingCode(declaration.trackingCode))}</bdi>
            </p>
            <Link href={`${base}/receipt`} className="text-brand-700 underline">
              مشاهده و چاپ رسید
            </Link>
          </div>
        ) : (
          <p>همه اطلاعات پرونده را بررسی کنید. برای اصلاح هر بخش، پیوند «تغییر» کنار آن را بزنید.</p>
        )}
        <DeclarationSummary declarationId={declaration.id} summary={summary} editable={!readOnly} />
        {readOnly ? null : declaration.status === "RETURNED" ? <ResubmitForm declarationId={declaration.id} /> : <SubmitForm declarationId={declaration.id} />}
      </div>
    );
  }

  return (
    <DeclarationVersionProvider version={declaration.version}>
      <div className="space-y-6">
        {header}
        {body}
      </div>
    </DeclarationVersionProvider>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db";
import { requireUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/http/or-not-found";
import { loadStepPage, type StepBody } from "@/lib/declaration/load-step-page";
import { FORM_STEPS } from "@/lib/declaration/forms";
import { groupTrackingCode } from "@/lib/declaration/tracking-code";
import { toPersianDigits } from "@/lib/format/digits";
import { formatJalaliDateTime, formatJalaliDay } from "@/lib/format/jalali";
import { toAsciiDigits } from "@/lib/validation/normalize";
import { Countdown } from "@/components/countdown";
import { DeclarationSummary } from "@/components/declaration/declaration-summary";
import { DeclarationVersionProvider } from "@/components/wizard/version-context";
import { DocumentsStep } from "@/components/wizard/documents-step";
import { LocationStep } from "@/components/wizard/location-step";
import { RankingStep } from "@/components/wizard/ranking-step";
import { ResubmitForm } from "@/components/wizard/resubmit-form";
import { RowListEditor } from "@/components/wizard/row-list-editor";
import { StaffStep } from "@/components/wizard/staff-step";
import { StepForm } from "@/components/wizard/step-form";
import { SubmitForm } from "@/components/wizard/submit-form";

export const metadata: Metadata = { title: "ثبت خوداظهاری" };

// The page only lays out what lib/declaration/load-step-page.ts decided: who may change the
// step now (the services' own rules) and the step's data.

const yesNo = (b: boolean) => (b ? "بله" : "خیر");
const fieldLabel = (step: number, field: string) => FORM_STEPS[String(step) as "2"]?.fields.find((f) => f.name === field)?.label ?? field;

type Page = Awaited<ReturnType<typeof loadStepPage>>;

export default async function StepPage({ params }: { params: Promise<{ declarationId: string; step: string }> }) {
  const user = await requireUser();
  const { declarationId, step: stepParam } = await params;
  const now = new Date();
  const page = await orNotFound(loadStepPage(db, user, declarationId, Number(stepParam), now));
  const { declaration, step, readOnly, correction } = page;
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
      {correction?.dueAt ? (
        <div role="status" className="space-y-1 rounded-lg border border-amber-300 bg-amber-50 p-3">
          <p>
            این پرونده برای اصلاح بازگردانده شده است. مهلت اصلاح: {formatJalaliDateTime(correction.dueAt)} (
            <Countdown until={correction.dueAt.toISOString()} serverNow={now.toISOString()} />)
          </p>
          {correction.flaggedHere.length > 0 ? (
            <ul className="list-disc ps-6">
              {correction.flaggedHere.map((c) => (
                <li key={c.id}>
                  {c.field ? `${fieldLabel(step.number, c.field)}: ` : ""}
                  {c.comment}
                </li>
              ))}
            </ul>
          ) : step.number !== 9 && !correction.open ? (
            <p>این بخش برای اصلاح باز نیست و فقط قابل مشاهده است.</p>
          ) : null}
        </div>
      ) : readOnly && user.role === "HOLDER" ? (
        <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-3">
          {declaration.status !== "DRAFT"
            ? "این پرونده ارسال شده است و فقط قابل مشاهده است."
            : "مهلت ثبت خوداظهاری به پایان رسیده است؛ تغییرات ذخیره نمی‌شود."}
        </p>
      ) : null}
    </div>
  );

  if (!page.body) {
    const first = page.firstOpenStep;
    return (
      <div className="space-y-4">
        {header}
        <p className="card">
          {page.state === "NOT_NEEDED"
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

  return (
    <DeclarationVersionProvider version={declaration.version}>
      <div className="space-y-6">
        {header}
        <StepBodyView page={page} body={page.body} />
      </div>
    </DeclarationVersionProvider>
  );
}

function StepBodyView({ page, body }: { page: Page; body: StepBody }) {
  const { declaration, readOnly } = page;
  const base = `/declarations/${declaration.id}`;
  switch (body.kind) {
    case "documents":
      return (
        <DocumentsStep
          declarationId={declaration.id}
          version={declaration.version}
          readOnly={readOnly}
          documents={body.documents.map((d) => ({
            id: d.id,
            kind: d.kind,
            fileName: d.fileName,
            size: d.size,
            contentType: d.contentType,
            createdAt: d.createdAt.toISOString(),
          }))}
        />
      );
    case "form":
      return (
        <div className="space-y-6">
          {body.prefilled ? (
            <p role="note" className="rounded-lg border border-sky-300 bg-sky-50 p-3">
              برخی از فیلدها از سامانه صدور پروانه پر شده‌اند. آن‌ها را بررسی و در صورت نیاز اصلاح کنید.
            </p>
          ) : null}
          <StepForm
            declarationId={declaration.id}
            step={body.step}
            defaultValues={body.values}
            readOnly={readOnly}
            openFields={page.openFields}
          />
          {body.step === 4 ? (
            <RowListEditor
              kind="board"
              declarationId={declaration.id}
              readOnly={readOnly}
              headers={["نام و نام خانوادگی", "کد ملی", "سمت", "تلفن همراه"]}
              rows={body.board.map((m) => ({
                id: m.id,
                values: {
                  firstName: m.firstName,
                  lastName: m.lastName,
                  nationalId: m.nationalId,
                  position: m.position,
                  mobile: m.mobile ?? "",
                },
                cells: [`${m.firstName} ${m.lastName}`, toPersianDigits(m.nationalId), m.position, toPersianDigits(m.mobile ?? "—")],
              }))}
            />
          ) : null}
        </div>
      );
    case "location":
      return (
        <LocationStep declarationId={declaration.id} readOnly={readOnly} initial={body.initial} declaredProvince={body.declaredProvince} />
      );
    case "staff":
      return (
        <StaffStep
          declarationId={declaration.id}
          readOnly={readOnly}
          declared={
            body.declared
              ? `در مرحله ۳ تعداد کارکنان ${toPersianDigits(body.declared.staff)} نفر و تعداد کارکنان دارای معلولیت ${toPersianDigits(body.declared.disabled)} نفر اعلام شده است؛ فهرست زیر باید با این اعداد برابر باشد.`
              : "تعداد کارکنان در مرحله ۳ وارد نشده است."
          }
          rows={body.staff.map((s) => ({
            id: s.id,
            values: {
              firstName: s.firstName,
              lastName: s.lastName,
              birthDate: toAsciiDigits(formatJalaliDay(s.birthDate)),
              gender: s.gender,
              nationalId: s.nationalId,
              mobile: s.mobile,
              disabled: s.disabled,
              insured: s.insured,
              acceptsTerms: s.acceptsTerms,
            },
            cells: [
              `${s.firstName} ${s.lastName}`,
              toPersianDigits(s.nationalId),
              toPersianDigits(s.mobile),
              formatJalaliDay(s.birthDate),
              yesNo(s.disabled),
              yesNo(s.insured),
            ],
          }))}
        />
      );
    case "ranking":
      return (
        <RankingStep
          declarationId={declaration.id}
          readOnly={readOnly}
          violations={body.violations}
          positive={body.positive}
          defaultValues={body.defaultValues}
          positiveChanged={body.positiveChanged}
        />
      );
    case "confirm":
      return (
        <div className="space-y-6">
          {declaration.trackingCode && declaration.status !== "RETURNED" ? (
            <div role="status" className="card space-y-2 border-green-300 bg-green-50">
              <p>
                این پرونده ارسال شده است. کد رهگیری:{" "}
                <bdi dir="ltr" className="font-bold">
                  {toPersianDigits(groupTrackingCode(declaration.trackingCode))}
                </bdi>
              </p>
              <Link href={`${base}/receipt`} className="text-brand-700 underline">
                مشاهده و چاپ رسید
              </Link>
            </div>
          ) : (
            <p>همه اطلاعات پرونده را بررسی کنید. برای اصلاح هر بخش، پیوند «تغییر» کنار آن را بزنید.</p>
          )}
          <DeclarationSummary declarationId={declaration.id} summary={body.summary} editable={!readOnly} />
          {readOnly ? null : declaration.status === "RETURNED" ? (
            <ResubmitForm declarationId={declaration.id} />
          ) : (
            <SubmitForm declarationId={declaration.id} />
          )}
        </div>
      );
  }
}

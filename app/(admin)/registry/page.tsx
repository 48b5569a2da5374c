import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db";
import { requirePermission } from "@/lib/auth/require-permission";
import { orNotFound } from "@/lib/http/or-not-found";
import { FormAlert } from "@/components/form-field";
import { JobProgress } from "@/components/jobs/job-progress";
import { formatNumberFa, toPersianDigits } from "@/lib/format/digits";
import { formatJalaliDateTime } from "@/lib/format/jalali";
import { COLUMN_TITLE, MAX_DATA_ROWS, REGISTRY_COLUMNS } from "@/lib/registry/columns";
import { MAX_FILE_MB } from "@/lib/registry/csv";
import { changeFieldTitle, type ImportReport } from "@/lib/registry/report";
import type { ChangeField } from "@/lib/registry/plan";
import { listImportJobs, loadImportJob, type ImportJobView } from "@/lib/registry/start-import";
import { ApplyForm, UploadForm } from "./registry-forms";

export const metadata: Metadata = { title: "ورود اطلاعات پروانه‌ها" };

const SHOWN_ERRORS = 500;
const STATUS_LABEL = { QUEUED: "در نوبت", RUNNING: "در حال اجرا", SUCCEEDED: "انجام شد", FAILED: "ناموفق" } as const;
const MODE_LABEL = { "dry-run": "بررسی آزمایشی", apply: "اعمال" } as const;

const n = (x: number) => formatNumberFa(x);

export default async function RegistryImportPage({ searchParams }: { searchParams: Promise<{ job?: string }> }) {
  const user = await requirePermission("registry:import:any");
  const caller = { id: user.id, role: user.role, regionId: user.regionId };
  const { job: jobId } = await searchParams;
  const job: ImportJobView | null = jobId ? await orNotFound(loadImportJob(db, caller, jobId)) : null;
  const recent = await listImportJobs(db, caller);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">ورود اطلاعات پروانه‌ها از فایل</h1>
      {job ? (
        <>
          <JobSection job={job} />
          <p>
            <Link href="/registry" className="text-brand-700 underline">
              بارگذاری فایل دیگر
            </Link>
          </p>
        </>
      ) : (
        <UploadForm maxMb={MAX_FILE_MB} />
      )}
      <ColumnsHelp />
      <RecentImports jobs={recent} />
    </div>
  );
}

function JobSection({ job }: { job: ImportJobView }) {
  const title = `${MODE_LABEL[job.input.mode]} فایل «${job.input.fileName}»`;
  return (
    <section className="card space-y-4" aria-labelledby="job-title">
      <h2 id="job-title" className="text-lg font-bold">
        {title}
      </h2>
      <p className="text-sm text-slate-700">
        {job.createdBy}، {formatJalaliDateTime(job.createdAt)}
        {job.input.rows !== undefined ? ` — ${n(job.input.rows)} ردیف` : ""} — چکیده SHA-256:{" "}
        <span dir="ltr" className="font-mono">
          {job.input.sha256.slice(0, 16)}…
        </span>
      </p>
      {job.status === "QUEUED" || job.status === "RUNNING" ? (
        <JobProgress
          jobId={job.id}
          label={job.input.mode === "apply" ? "پیشرفت اعمال فایل" : "پیشرفت بررسی فایل"}
          initial={{ status: job.status, done: job.done, total: job.total, error: job.error }}
        />
      ) : null}
      {job.status === "FAILED" ? <FormAlert message={job.error ?? "این کار انجام نشد."} /> : null}
      {job.report ? <Report job={job} report={job.report} /> : null}
    </section>
  );
}

function Report({ job, report }: { job: ImportJobView; report: ImportReport }) {
  const dry = report.mode === "dry-run";
  const changes = report.created + report.updated;
  const counts: [string, number][] = [
    ["ردیف‌های فایل", report.rows],
    ["ردیف‌های نادرست (کنار گذاشته می‌شوند)", report.invalidRows],
    [dry ? "دفترهایی که ساخته می‌شوند" : "دفترهای ساخته‌شده", report.created],
    [dry ? "دفترهایی که به‌روز می‌شوند" : "دفترهای به‌روزشده", report.updated],
    ["بدون تغییر", report.unchanged],
    ["دارندگان تازه (با رمز پیش‌فرض)", report.holdersCreated],
    [dry ? "پروانه‌های تازه" : "پروانه‌های ثبت‌شده", report.licencesCreated],
  ];
  const fields = Object.entries(report.fieldCounts) as [ChangeField, number][];
  return (
    <div className="space-y-4">
      {dry ? null : (
        <FormAlert
          tone="success"
          message={`فایل اعمال شد: ${n(report.created)} دفتر ساخته و ${n(report.updated)} دفتر به‌روز شد؛ ${n(report.unchanged)} ردیف تغییری نداشت.`}
        />
      )}
      <table className="w-full text-sm">
        <caption className="text-start font-bold">{dry ? "نتیجه بررسی آزمایشی (هنوز چیزی ذخیره نشده است)" : "نتیجه اعمال"}</caption>
        <tbody>
          {counts.map(([label, value]) => (
            <tr key={label} className="border-b border-slate-200">
              <th scope="row" className="p-2 text-start font-medium">
                {label}
              </th>
              <td className="p-2">{n(value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.ignoredColumns.length > 0 ? (
        <p className="text-sm">ستون‌های ناشناخته که نادیده گرفته شدند: {report.ignoredColumns.map((c) => `«${c}»`).join("، ")}</p>
      ) : null}

      {dry ? (
        job.applyJobId ? (
          <p>
            این فایل اعمال شده است؛{" "}
            <Link href={`/registry?job=${job.applyJobId}`} className="text-brand-700 underline">
              نتیجه اعمال را ببینید
            </Link>
            .
          </p>
        ) : changes === 0 ? (
          <p>این فایل تغییری در سامانه نمی‌دهد؛ چیزی برای اعمال نیست.</p>
        ) : (
          <ApplyForm dryRunJobId={job.id} invalidRows={report.invalidRows} invalidRowsText={n(report.invalidRows)} />
        )
      ) : job.input.dryRunJobId ? (
        <p>
          <Link href={`/registry?job=${job.input.dryRunJobId}`} className="text-brand-700 underline">
            گزارش بررسی آزمایشی همین فایل
          </Link>
        </p>
      ) : null}

      {fields.length > 0 ? (
        <table className="w-full text-sm">
          <caption className="text-start font-bold">{dry ? "ستون‌هایی که به‌روز می‌شوند" : "ستون‌های به‌روزشده"}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2 text-start">
                ستون
              </th>
              <th scope="col" className="p-2 text-start">
                تعداد دفتر
              </th>
            </tr>
          </thead>
          <tbody>
            {fields.map(([field, count]) => (
              <tr key={field} className="border-b border-slate-200">
                <th scope="row" className="p-2 text-start font-medium">
                  {changeFieldTitle(field)}
                </th>
                <td className="p-2">{n(count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      {report.errorCount > 0 ? <Errors job={job} report={report} /> : null}
      {report.samples.length > 0 ? <Samples report={report} /> : null}
    </div>
  );
}

function Errors({ job, report }: { job: ImportJobView; report: ImportReport }) {
  const shown = report.errors.slice(0, SHOWN_ERRORS);
  const caption =
    report.errorCount > shown.length
      ? `خطاهای ردیف‌ها: ${n(shown.length)} خطای نخست از ${n(report.errorCount)}`
      : `خطاهای ردیف‌ها (${n(report.errorCount)})`;
  return (
    <div className="space-y-2">
      <p>
        <a href={`/api/registry/imports/${encodeURIComponent(job.id)}/errors`} className="text-brand-700 underline" download>
          دریافت فهرست خطاها (CSV)
        </a>
        {report.errorCount > report.errors.length
          ? ` — فقط ${n(report.errors.length)} خطای نخست نگه داشته شده است؛ فایل را درست کنید و دوباره بررسی کنید.`
          : null}
      </p>
      <div className="relative max-h-[32rem] overflow-auto">
        <table className="w-full text-sm">
          <caption className="text-start font-bold">{caption}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2 text-start">
                ردیف
              </th>
              <th scope="col" className="p-2 text-start">
                ستون
              </th>
              <th scope="col" className="p-2 text-start">
                خطا
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e, i) => (
              <tr key={`${e.line}-${e.column}-${i}`} className="border-b border-slate-200 align-top">
                <th scope="row" className="p-2 text-start font-medium">
                  {toPersianDigits(e.line)}
                </th>
                <td className="p-2">{e.column ? COLUMN_TITLE[e.column] : "کل ردیف"}</td>
                <td className="p-2">{toPersianDigits(e.message)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function Samples({ report }: { report: ImportReport }) {
  const dry = report.mode === "dry-run";
  const total = report.created + report.updated;
  return (
    <div className="relative max-h-[32rem] overflow-auto">
      <table className="w-full text-sm">
        <caption className="text-start font-bold">
          {dry ? "نمونه تغییرها" : "نمونه تغییرهای اعمال‌شده"}
          {total > report.samples.length ? ` (${n(report.samples.length)} ردیف نخست از ${n(total)})` : ""}
        </caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="p-2 text-start">
              ردیف
            </th>
            <th scope="col" className="p-2 text-start">
              کد دفتر
            </th>
            <th scope="col" className="p-2 text-start">
              تغییر
            </th>
          </tr>
        </thead>
        <tbody>
          {report.samples.map((s) => (
            <tr key={s.line} className="border-b border-slate-200 align-top">
              <th scope="row" className="p-2 text-start font-medium">
                {toPersianDigits(s.line)}
              </th>
              <td className="p-2">
                <bdi>{toPersianDigits(s.officeCode)}</bdi>
              </td>
              <td className="p-2">
                {s.kind === "create" ? (
                  `دفتر تازه${s.officeName ? `: ${toPersianDigits(s.officeName)}` : ""}`
                ) : (
                  <ul className="space-y-1">
                    {s.changes.map((c) => (
                      <li key={c.field}>
                        {changeFieldTitle(c.field)}: <bdi>{toPersianDigits(c.before ?? "—")}</bdi> ←{" "}
                        <bdi>{toPersianDigits(c.after ?? "—")}</bdi>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ColumnsHelp() {
  return (
    <details className="card">
      <summary className="cursor-pointer font-bold">ستون‌های فایل و الگو</summary>
      <div className="mt-3 space-y-3">
        <p>
          هر ردیف یک دفتر با پروانه جاری و دارنده آن است. سطر اول عنوان ستون‌هاست: نام لاتین ستون (مانند الگو) یا عنوان فارسی آن. فایل CSV
          با کدگذاری UTF-8 (با یا بدون BOM)، حداکثر {MAX_FILE_MB} مگابایت و {n(MAX_DATA_ROWS)} ردیف.{" "}
          <a href="/api/registry/template" className="text-brand-700 underline" download>
            دریافت الگوی فایل (CSV)
          </a>
        </p>
        <div className="relative overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">ستون‌های فایل پروانه‌ها</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2 text-start">
                  ستون
                </th>
                <th scope="col" className="p-2 text-start">
                  نام لاتین
                </th>
                <th scope="col" className="p-2 text-start">
                  لازم
                </th>
                <th scope="col" className="p-2 text-start">
                  شکل مقدار
                </th>
              </tr>
            </thead>
            <tbody>
              {REGISTRY_COLUMNS.map((c) => (
                <tr key={c.key} className="border-b border-slate-200 align-top">
                  <th scope="row" className="p-2 text-start font-medium">
                    {c.title}
                  </th>
                  <td className="p-2" dir="ltr">
                    {c.key}
                  </td>
                  <td className="p-2">{c.required ? "بله" : "خیر"}</td>
                  <td className="p-2">{c.format}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="text-sm">
          دارنده تازه با رمز پیش‌فرض (کد ملی) ساخته می‌شود و در نخستین ورود باید آن را عوض کند؛ رمز دارندگان موجود دست نمی‌خورد. پروانه
          منقضی یا ناقص جلوی ورود دارنده را می‌گیرد. اعمال دوباره همان فایل چیزی را تغییر نمی‌دهد.
        </p>
      </div>
    </details>
  );
}

function RecentImports({ jobs }: { jobs: Awaited<ReturnType<typeof listImportJobs>> }) {
  if (jobs.length === 0) return null;
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="text-start text-lg font-bold">کارهای اخیر</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="p-2 text-start">
              فایل
            </th>
            <th scope="col" className="p-2 text-start">
              نوع
            </th>
            <th scope="col" className="p-2 text-start">
              ردیف‌ها
            </th>
            <th scope="col" className="p-2 text-start">
              وضعیت
            </th>
            <th scope="col" className="p-2 text-start">
              زمان
            </th>
            <th scope="col" className="p-2 text-start">
              کاربر
            </th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((j) => (
            <tr key={j.id} className="border-b border-slate-200">
              <th scope="row" className="p-2 text-start font-medium">
                <Link href={`/registry?job=${j.id}`} className="text-brand-700 underline">
                  {j.fileName}
                </Link>
              </th>
              <td className="p-2">{MODE_LABEL[j.mode]}</td>
              <td className="p-2">{j.rows === null ? "—" : n(j.rows)}</td>
              <td className="p-2">{STATUS_LABEL[j.status]}</td>
              <td className="p-2">{formatJalaliDateTime(j.createdAt)}</td>
              <td className="p-2">{j.createdBy}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

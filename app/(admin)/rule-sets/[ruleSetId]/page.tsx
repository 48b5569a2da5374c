import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { requirePermission } from "@/lib/auth/require-permission";
import { formatNumberFa, toPersianDigits } from "@/lib/format/digits";
import { formatJalaliDateTime } from "@/lib/format/jalali";
import { compareRuleSets, parseRuleSet, type Criterion, type RuleSet } from "@/lib/ranking";
import { ruleSetCoverageWarnings } from "@/lib/admin/rule-set-coverage";
import { previewRuleSet, type RuleSetPreview } from "@/lib/admin/preview-rule-set";
import { ReviewInvalidError } from "@/lib/review/errors";
import { RuleSetDecision } from "../rule-set-forms";
import { RuleSetDiffView } from "./rule-set-diff";

export const metadata: Metadata = { title: "جدول امتیازدهی" };

const KIND_LABEL: Record<Criterion["kind"], string> = {
  bands: "بازه‌ای",
  perUnit: "به ازای هر واحد",
  choice: "گزینه‌ای",
  boolean: "بله/خیر",
  checklist: "فهرست موارد",
  regionEntered: "ورود توسط منطقه",
};

/** How a criterion gives points, in one Persian line. */
function ruleOf(c: Criterion): string {
  const n = formatNumberFa;
  switch (c.kind) {
    case "bands":
      return c.bands.map((b) => `از ${n(b.min)}: ${n(b.points)}`).join("، ");
    case "perUnit":
      return `هر واحد ${n(c.pointsPerUnit)}، حداکثر ${n(c.max)}`;
    case "choice":
      return Object.entries(c.choices)
        .map(([k, p]) => `${k}: ${n(p)}`)
        .join("، ");
    case "boolean":
      return `${n(c.points)} در صورت «بله»`;
    case "checklist":
      return `${Object.entries(c.items)
        .map(([k, p]) => `${k}: ${n(p)}`)
        .join("، ")} (حداکثر ${n(c.max)})`;
    case "regionEntered":
      return `۰ تا ${n(c.max)}، وارد شده توسط منطقه`;
  }
}

type Props = { params: Promise<{ ruleSetId: string }>; searchParams: Promise<{ compare?: string; office?: string }> };

export default async function RuleSetPage({ params, searchParams }: Props) {
  const user = await requirePermission("ruleset:approve:any");
  const { ruleSetId } = await params;
  const { compare, office } = await searchParams;
  const row = await db.ruleSet.findUnique({ where: { id: ruleSetId } });
  if (!row) notFound();
  const rs: RuleSet = parseRuleSet(row.definition);
  const [people, others, rounds] = await Promise.all([
    db.user.findMany({
      where: { id: { in: [row.uploadedById, row.approvedById].filter((x): x is string => !!x) } },
      select: { id: true, firstName: true, lastName: true },
    }),
    db.ruleSet.findMany({
      where: { id: { not: row.id } },
      orderBy: [{ key: "asc" }, { version: "desc" }],
      select: { id: true, title: true, key: true, version: true, isSample: true },
    }),
    db.round.findMany({ where: { ruleSetId: row.id }, select: { id: true, title: true } }),
  ]);
  const nameOf = (id: string | null) => {
    const p = people.find((x) => x.id === id);
    return p ? `${p.firstName} ${p.lastName}` : "—";
  };
  const warnings = ruleSetCoverageWarnings(rs);
  const other = compare ? others.find((o) => o.id === compare) : undefined;
  // Only the chosen base's definition is read (the list above carries none).
  const base = other ? await db.ruleSet.findUnique({ where: { id: other.id }, select: { definition: true } }) : null;
  const diff = base ? compareRuleSets(parseRuleSet(base.definition), rs) : null;
  const otherLabel = (o: (typeof others)[number]) => `${o.title}، نسخه ${toPersianDigits(o.version)}${o.isSample ? " (نمونه)" : ""}`;

  let preview: RuleSetPreview | null = null;
  let previewError: string | null = null;
  if (office) {
    try {
      preview = await previewRuleSet(
        db,
        { id: user.id, role: user.role, regionId: user.regionId },
        { ruleSetId: row.id, officeCode: office },
      );
    } catch (e) {
      if (!(e instanceof ReviewInvalidError)) throw e;
      previewError = e.fieldErrors.officeCode ?? e.userMessage;
    }
  }

  return (
    <div className="space-y-6">
      <p>
        <Link href="/rule-sets" className="text-brand-700 underline">
          بازگشت به فهرست جدول‌ها
        </Link>
      </p>
      <h1 className="text-2xl font-bold">
        {row.title}، نسخه {toPersianDigits(row.version)}
      </h1>
      {row.isSample ? (
        <p role="note" className="rounded-lg border border-amber-400 bg-amber-50 p-3 font-bold text-amber-900">
          این جدول نمونه و غیررسمی است (isSample: true)؛ امتیازهای آن فقط برای آزمایش است.
        </p>
      ) : null}
      <dl className="card grid gap-2 text-sm sm:grid-cols-2">
        <div>
          <dt className="font-medium">شناسه</dt>
          <dd dir="ltr" className="text-end font-mono text-xs">
            {row.key}
          </dd>
        </div>
        <div>
          <dt className="font-medium">بارگذاری</dt>
          <dd>
            {nameOf(row.uploadedById)}، {formatJalaliDateTime(row.createdAt)}
          </dd>
        </div>
        <div>
          <dt className="font-medium">تأیید</dt>
          <dd>{row.approvedAt ? `${nameOf(row.approvedById)}، ${formatJalaliDateTime(row.approvedAt)}` : "هنوز تأیید نشده است"}</dd>
        </div>
        <div>
          <dt className="font-medium">دوره‌هایی که این جدول را به کار می‌برند</dt>
          <dd>{rounds.length > 0 ? rounds.map((r) => r.title).join("، ") : "هیچ"}</dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="font-medium">چکیده SHA-256 محتوا</dt>
          <dd dir="ltr" className="break-all text-end font-mono text-xs">
            {row.sha256}
          </dd>
        </div>
      </dl>
      {rs.note ? (
        <p className="text-sm text-slate-700">
          یادداشت فایل: <span dir="auto">{rs.note}</span>
        </p>
      ) : null}

      {warnings.length > 0 ? (
        <section aria-labelledby="warnings-heading" className="rounded-lg border border-amber-400 bg-amber-50 p-3">
          <h2 id="warnings-heading" className="mb-2 font-bold">
            هشدارها ({toPersianDigits(warnings.length)})
          </h2>
          <ul className="list-inside list-disc space-y-1 text-sm">
            {warnings.map((w) => (
              <li key={w.path}>
                {w.message}{" "}
                <span dir="ltr" className="font-mono text-xs">
                  ({w.path})
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {row.approvedAt ? (
        <p className="text-sm text-slate-700">جدول تأییدشده تغییر نمی‌کند و حذف نمی‌شود.</p>
      ) : (
        <RuleSetDecision ruleSetId={row.id} label={`${row.title}، نسخه ${row.version}`} warnings={warnings.length} />
      )}

      <section aria-labelledby="criteria-heading" className="space-y-2">
        <h2 id="criteria-heading" className="text-lg font-bold">
          معیارهای امتیاز مثبت
        </h2>
        <div className="relative overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">معیارها، نوع و شیوه امتیازدهی هر معیار</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2 text-start">
                  معیار
                </th>
                <th scope="col" className="p-2 text-start">
                  کلید / داده
                </th>
                <th scope="col" className="p-2 text-start">
                  نوع
                </th>
                <th scope="col" className="p-2 text-start">
                  امتیاز
                </th>
              </tr>
            </thead>
            <tbody>
              {rs.criteria.map((c) => (
                <tr key={c.key} className="border-b border-slate-200 align-top">
                  <th scope="row" className="p-2 text-start font-medium">
                    {c.title}
                  </th>
                  <td className="p-2 font-mono text-xs" dir="ltr">
                    {c.key} / {c.fact}
                  </td>
                  <td className="p-2">{KIND_LABEL[c.kind]}</td>
                  <td className="p-2">{ruleOf(c)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="violations-heading" className="space-y-2">
        <h2 id="violations-heading" className="text-lg font-bold">
          تخلف‌ها (امتیاز منفی)
        </h2>
        <div className="relative overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">تخلف‌ها و امتیاز کسرشده هر کدام</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2 text-start">
                  کد
                </th>
                <th scope="col" className="p-2 text-start">
                  تخلف
                </th>
                <th scope="col" className="p-2 text-start">
                  امتیاز منفی
                </th>
              </tr>
            </thead>
            <tbody>
              {rs.violations.map((v) => (
                <tr key={v.code} className="border-b border-slate-200">
                  <th scope="row" className="p-2 text-start font-mono text-xs" dir="ltr">
                    {v.code}
                  </th>
                  <td className="p-2">{v.title}</td>
                  <td className="p-2">{formatNumberFa(v.points)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="ranks-heading" className="space-y-2">
        <h2 id="ranks-heading" className="text-lg font-bold">
          رتبه‌ها
        </h2>
        <table className="text-sm">
          <caption className="sr-only">کمترین امتیاز هر رتبه و سهم خدمات آن</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2 text-start">
                رتبه
              </th>
              <th scope="col" className="p-2 text-start">
                کمترین امتیاز
              </th>
              <th scope="col" className="p-2 text-start">
                سهم خدمات
              </th>
            </tr>
          </thead>
          <tbody>
            {rs.ranks.map((r) => (
              <tr key={r.rank} className="border-b border-slate-200">
                <th scope="row" className="p-2 text-start">
                  {toPersianDigits(r.rank)}
                </th>
                <td className="p-2">{r.minScore === null ? "سایر امتیازها" : formatNumberFa(r.minScore)}</td>
                <td className="p-2">{toPersianDigits(rs.serviceSharePercent[String(r.rank)] ?? 0)}٪</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="compare-heading" className="card space-y-3">
        <h2 id="compare-heading" className="text-lg font-bold">
          مقایسه با نسخه دیگر
        </h2>
        <form method="get" className="flex flex-wrap items-end gap-3">
          {office ? <input type="hidden" name="office" value={office} /> : null}
          <div>
            <label htmlFor="compare" className="mb-1 block font-medium">
              جدول مبنا
            </label>
            <select id="compare" name="compare" className="input" defaultValue={compare ?? ""}>
              <option value="">انتخاب کنید</option>
              {others.map((o) => (
                <option key={o.id} value={o.id}>
                  {otherLabel(o)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn-secondary">
            مقایسه
          </button>
        </form>
        {diff && other ? <RuleSetDiffView diff={diff} baseLabel={otherLabel(other)} /> : null}
      </section>

      <section aria-labelledby="preview-heading" className="card space-y-3">
        <h2 id="preview-heading" className="text-lg font-bold">
          پیش‌نمایش روی داده‌های یک دفتر
        </h2>
        <form method="get" className="flex flex-wrap items-end gap-3">
          {compare ? <input type="hidden" name="compare" value={compare} /> : null}
          <div>
            <label htmlFor="office" className="mb-1 block font-medium">
              کد دفتر
            </label>
            <input
              id="office"
              name="office"
              className="input"
              defaultValue={office ?? ""}
              inputMode="numeric"
              aria-invalid={previewError ? true : undefined}
              aria-describedby="office-error"
            />
            <p id="office-error" className="mt-1 text-sm text-red-800">
              {previewError}
            </p>
          </div>
          <button type="submit" className="btn-secondary">
            پیش‌نمایش
          </button>
        </form>
        {preview ? <PreviewView preview={preview} /> : null}
      </section>
    </div>
  );
}

function PreviewView({ preview }: { preview: RuleSetPreview }) {
  const n = formatNumberFa;
  const c = preview.candidate;
  return (
    <div className="space-y-3">
      <p>
        دفتر {toPersianDigits(preview.office.code)} — {preview.office.name}؛ پرونده دوره «{preview.round.title}».
      </p>
      <table className="text-sm">
        <caption className="sr-only">امتیاز دفتر با این جدول و با جدول دوره خودش</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="p-2 text-start">
              جدول
            </th>
            <th scope="col" className="p-2 text-start">
              مثبت
            </th>
            <th scope="col" className="p-2 text-start">
              منفی
            </th>
            <th scope="col" className="p-2 text-start">
              کل
            </th>
            <th scope="col" className="p-2 text-start">
              رتبه
            </th>
          </tr>
        </thead>
        <tbody>
          <tr className="border-b border-slate-200">
            <th scope="row" className="p-2 text-start">
              این جدول
            </th>
            <td className="p-2">{n(c.positive)}</td>
            <td className="p-2">{n(c.negative)}</td>
            <td className="p-2 font-bold">{n(c.total)}</td>
            <td className="p-2 font-bold">{toPersianDigits(c.rank)}</td>
          </tr>
          <tr className="border-b border-slate-200">
            <th scope="row" className="p-2 text-start">
              جدول دوره ({preview.round.ruleSetTitle}، نسخه {toPersianDigits(preview.round.ruleSetVersion)})
            </th>
            <td className="p-2">{n(preview.current.positive)}</td>
            <td className="p-2">{n(preview.current.negative)}</td>
            <td className="p-2">{n(preview.current.total)}</td>
            <td className="p-2">{toPersianDigits(preview.current.rank)}</td>
          </tr>
        </tbody>
      </table>
      <table className="w-full text-sm">
        <caption className="sr-only">امتیاز هر معیار این جدول برای این دفتر</caption>
        <thead>
          <tr className="border-b border-slate-300">
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
          {c.rows.map((r) => (
            <tr key={r.key} className="border-b border-slate-200">
              <th scope="row" className="p-2 text-start font-medium">
                {r.title}
              </th>
              <td className="p-2 whitespace-nowrap">{r.pending ? "هنوز وارد نشده" : `${n(r.points)} از ${n(r.max)}`}</td>
              <td className="p-2">{r.explanation}</td>
            </tr>
          ))}
          {c.violations.map((v) => (
            <tr key={v.code} className="border-b border-slate-200">
              <th scope="row" className="p-2 text-start font-medium">
                تخلف {v.code}: {v.title}
              </th>
              <td className="p-2">−{n(v.points)}</td>
              <td className="p-2">پاسخ «بله» دفتر</td>
            </tr>
          ))}
        </tbody>
      </table>
      {preview.notes.length > 0 ? (
        <ul className="list-inside list-disc text-sm text-amber-900">
          {preview.notes.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

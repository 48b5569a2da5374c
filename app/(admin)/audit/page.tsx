import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db";
import { requirePermission } from "@/lib/auth/require-permission";
import { auditQueryOf, searchAudit, type AuditQuery } from "@/lib/admin/search-audit";
import { AUDIT_ACTIONS, auditActionLabel } from "@/lib/format/audit-labels";
import { toPersianDigits } from "@/lib/format/digits";
import { formatJalaliDateTime } from "@/lib/format/jalali";
import { ROLE_LABEL } from "@/lib/format/labels";

export const metadata: Metadata = { title: "گزارش رویدادها" };

const queryString = (q: AuditQuery) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) params.set(k, v);
  return params.toString();
};

/** before/after, short: the page shows the gist, the CSV the whole. */
const gist = (v: unknown) => {
  if (v === null || v === undefined) return "";
  const s = JSON.stringify(v);
  return s.length > 160 ? `${s.slice(0, 160)}…` : s;
};

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("audit:view:any");
  const q = auditQueryOf(await searchParams);
  const { rows, nextBefore } = await searchAudit(db, { id: user.id, role: user.role, regionId: user.regionId }, q);
  const filters = { ...q, before: undefined };

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">گزارش رویدادها</h1>
      <p>هر تغییر، هر ورود و هر دسترسی ردشده با نام کننده، زمان و پیش و پس از تغییر ثبت می‌شود. تاریخ‌ها به وقت تهران است.</p>
      <form method="get" className="card grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="جست‌وجوی رویدادها">
        <label className="space-y-1">
          <span className="block font-medium">شخص (کد ملی یا نام)</span>
          <input name="person" className="input" defaultValue={q.person ?? ""} maxLength={64} />
        </label>
        <label className="space-y-1">
          <span className="block font-medium">کد دفتر</span>
          <input name="office" className="input" dir="ltr" defaultValue={q.office ?? ""} maxLength={32} />
        </label>
        <label className="space-y-1">
          <span className="block font-medium">رویداد</span>
          <select name="action" className="input" defaultValue={q.action ?? ""}>
            <option value="">همه رویدادها</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a.action} value={a.action}>
                {a.label}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1">
          <span className="block font-medium">از تاریخ (مثال: ۱۴۰۵/۰۹/۰۱)</span>
          <input name="from" className="input" dir="ltr" defaultValue={q.from ?? ""} maxLength={10} />
        </label>
        <label className="space-y-1">
          <span className="block font-medium">تا تاریخ</span>
          <input name="to" className="input" dir="ltr" defaultValue={q.to ?? ""} maxLength={10} />
        </label>
        <div className="flex items-end gap-2">
          <button type="submit" className="btn">
            جست‌وجو
          </button>
          <a className="btn-secondary" href={`/api/audit/export?${queryString(filters)}`}>
            دریافت CSV
          </a>
        </div>
      </form>

      {rows.length === 0 ? (
        <p className="card">رویدادی با این شرط‌ها یافت نشد.</p>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="w-full min-w-[48rem] border-collapse text-sm">
            <caption className="sr-only">رویدادها، تازه‌ترین نخست</caption>
            <thead>
              <tr className="border-b border-slate-300 text-start">
                <th scope="col" className="p-2 text-start">
                  زمان
                </th>
                <th scope="col" className="p-2 text-start">
                  کننده
                </th>
                <th scope="col" className="p-2 text-start">
                  رویداد
                </th>
                <th scope="col" className="p-2 text-start">
                  موضوع
                </th>
                <th scope="col" className="p-2 text-start">
                  پیش / پس
                </th>
                <th scope="col" className="p-2 text-start">
                  نشانی IP
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={String(r.id)} className="border-b border-slate-200 align-top">
                  <td className="p-2 whitespace-nowrap">{formatJalaliDateTime(r.createdAt)}</td>
                  <td className="p-2">
                    {r.actor ? `${r.actor.firstName} ${r.actor.lastName}` : "—"}
                    {r.actor ? <bdi className="block text-xs text-slate-600">{toPersianDigits(r.actor.nationalId)}</bdi> : null}
                    {r.actorRole ? <span className="block text-xs text-slate-600">{ROLE_LABEL[r.actorRole]}</span> : null}
                  </td>
                  <td className="p-2">{auditActionLabel(r.action)}</td>
                  <td className="p-2 break-all">
                    {r.targetType}
                    {r.targetId ? (
                      <bdi className="block text-xs" dir="ltr">
                        {r.targetId}
                      </bdi>
                    ) : null}
                  </td>
                  <td className="p-2 break-all text-xs" dir="ltr">
                    {gist(r.before)}
                    {r.before !== null && r.after !== null ? " → " : ""}
                    {gist(r.after)}
                  </td>
                  <td className="p-2" dir="ltr">
                    {r.ip ?? "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextBefore ? (
        <nav aria-label="صفحه‌ها">
          <Link className="btn-secondary" href={`/audit?${queryString({ ...filters, before: nextBefore })}`}>
            رویدادهای قدیمی‌تر
          </Link>
        </nav>
      ) : null}
    </div>
  );
}

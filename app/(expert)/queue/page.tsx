import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { requireUser } from "@/lib/auth/current-user";
import type { Caller } from "@/lib/authz/guards";
import { toPersianDigits } from "@/lib/format/digits";
import { formatJalaliDate, formatJalaliDateTime } from "@/lib/format/jalali";
import { DECLARATION_STATUS_LABEL, OFFICE_TYPE_LABEL } from "@/lib/format/labels";
import type { OfficeType } from "@/lib/generated/prisma/enums";
import { REGION_STATUSES } from "@/lib/review/assignment";
import {
  listAssignableExperts,
  listQueue,
  parseQueueParams,
  QUEUE_STATUS_OPTIONS,
  queueQuery,
  type QueueFilters,
  type QueueRow,
} from "@/lib/review/queue";
import { QueueTable, type QueueTableRow } from "./queue-actions";

export const metadata: Metadata = { title: "صف پرونده‌ها" };

const OFFICE_TYPES = Object.keys(OFFICE_TYPE_LABEL) as OfficeType[];

export default async function QueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  if (user.role !== "EXPERT" && user.role !== "ADMIN") notFound();
  const admin = user.role === "ADMIN";
  const caller: Caller = { id: user.id, role: user.role, regionId: user.regionId };
  const parsed = parseQueueParams(await searchParams);
  // An expert's region is their own whatever the URL says (listQueue enforces it too).
  const filters: QueueFilters = admin ? parsed.filters : { ...parsed.filters, regionId: undefined };
  const regionId = admin ? filters.regionId : (user.regionId ?? -1);

  const [queue, experts, provinces, regions] = await Promise.all([
    listQueue(db, caller, filters, parsed.page),
    listAssignableExperts(db, caller, filters.regionId),
    db.province.findMany({ where: regionId === undefined ? {} : { regionId }, orderBy: { id: "asc" }, select: { id: true, name: true } }),
    admin ? db.region.findMany({ orderBy: { id: "asc" }, select: { id: true, name: true } }) : Promise.resolve([]),
  ]);
  const regionName = new Map(regions.map((r) => [r.id, r.name]));
  const assignable = experts
    .filter((x) => x.id !== user.id)
    .map((x) => ({
      id: x.id,
      name: `${x.firstName} ${x.lastName}`,
      group: admin && filters.regionId === undefined ? (regionName.get(x.regionId ?? -1) ?? null) : null,
    }));
  const first = (queue.page - 1) * queue.pageSize + 1;
  const filtered = Object.values(filters).some((v) => v !== undefined);

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">صف پرونده‌ها{admin ? "" : ` — منطقه ${user.region?.name ?? "—"}`}</h1>
        <p className="text-slate-700">پرونده‌ها به ترتیب سررسید، نزدیک‌ترین مهلت در بالا.</p>
      </div>

      <form method="get" action="/queue" className="card grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="فیلتر پرونده‌ها">
        <div className="sm:col-span-2 lg:col-span-3">
          <label htmlFor="q" className="mb-1 block font-medium">
            جستجو
          </label>
          <p id="q-hint" className="mb-1 text-sm text-slate-700">
            کد دفتر (کامل یا چند رقم اول) یا کد ملی دارنده پروانه
          </p>
          <input
            id="q"
            name="q"
            type="search"
            className="input"
            dir="ltr"
            autoComplete="off"
            defaultValue={filters.q ?? ""}
            aria-describedby="q-hint"
          />
        </div>
        {admin ? (
          <Select
            id="region"
            label="منطقه"
            value={filters.regionId}
            options={regions.map((r) => [String(r.id), r.name])}
            all="همه منطقه‌ها"
          />
        ) : null}
        <Select
          id="status"
          label="وضعیت"
          value={filters.status}
          options={QUEUE_STATUS_OPTIONS.map((s) => [s, DECLARATION_STATUS_LABEL[s]])}
          all="همه پرونده‌های در جریان"
        />
        <Select
          id="due"
          label="سررسید"
          value={filters.due}
          options={[
            ["soon", "سررسید در ۳ روز آینده"],
            ["overdue", "گذشته از مهلت"],
          ]}
          all="همه"
        />
        <Select
          id="assignee"
          label="کارشناس"
          value={filters.assignee}
          options={[
            ["me", "واگذارشده به من"],
            ["none", "بدون کارشناس"],
          ]}
          all="همه"
        />
        <Select
          id="province"
          label="استان"
          value={filters.provinceId}
          options={provinces.map((p) => [String(p.id), p.name])}
          all="همه استان‌ها"
        />
        <Select
          id="type"
          label="نوع دفتر"
          value={filters.officeType}
          options={OFFICE_TYPES.map((t) => [t, OFFICE_TYPE_LABEL[t]])}
          all="همه نوع‌ها"
        />
        <div className="flex flex-wrap items-end gap-2 sm:col-span-2 lg:col-span-3">
          <button type="submit" className="btn">
            نمایش
          </button>
          {filtered ? (
            <Link href="/queue" className="btn-secondary">
              پاک کردن فیلترها
            </Link>
          ) : null}
        </div>
      </form>

      <p role="status">
        {queue.total === 0
          ? "پرونده‌ای با این شرایط یافت نشد."
          : `${toPersianDigits(queue.total)} پرونده؛ ردیف ${toPersianDigits(Math.min(first, queue.total))} تا ${toPersianDigits(Math.min(first + queue.rows.length - 1, queue.total))}`}
      </p>

      <QueueTable
        key={queueQuery(filters, queue.page)}
        rows={queue.rows.map((r) => tableRow(r, user.id, admin))}
        caption={`پرونده‌های صف، صفحه ${toPersianDigits(queue.page)} از ${toPersianDigits(queue.pageCount)}، به ترتیب سررسید`}
        experts={assignable}
        canAssign={assignable.length > 0}
      />

      {queue.pageCount > 1 ? <Pagination filters={filters} page={queue.page} pageCount={queue.pageCount} /> : null}
    </div>
  );
}

/** A row of the table, formatted for display, with the buttons the caller may use on it. */
function tableRow(r: QueueRow, userId: string, admin: boolean): QueueTableRow {
  const inProgress = REGION_STATUSES.includes(r.status);
  return {
    id: r.id,
    officeName: r.officeName,
    officeCode: toPersianDigits(r.officeCode),
    province: r.provinceName,
    type: OFFICE_TYPE_LABEL[r.officeType],
    status: DECLARATION_STATUS_LABEL[r.status],
    due: r.dueAt ? formatJalaliDateTime(r.dueAt) : "—",
    badge: r.overdue ? "overdue" : r.dueSoon ? "soon" : null,
    submitted: r.submittedAt ? formatJalaliDate(r.submittedAt) : "—",
    assignee: r.assigneeName,
    // An admin reassigns (bulk form) but does not review, so neither claims nor releases.
    action: admin ? null : inProgress && r.assigneeId === null ? "claim" : r.assigneeId === userId ? "release" : null,
    selectable: inProgress && (admin || r.assigneeId === null || r.assigneeId === userId),
  };
}

function Select(props: { id: string; label: string; value: string | number | undefined; options: [string, string][]; all: string }) {
  return (
    <div>
      <label htmlFor={props.id} className="mb-1 block font-medium">
        {props.label}
      </label>
      <select id={props.id} name={props.id} className="input" defaultValue={props.value === undefined ? "" : String(props.value)}>
        <option value="">{props.all}</option>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Pagination({ filters, page, pageCount }: { filters: QueueFilters; page: number; pageCount: number }) {
  // Links that lead nowhere (before the first page, past the last) are left out.
  const link = (target: number, label: string, rel?: string) =>
    target === page || target < 1 || target > pageCount ? null : (
      <Link href={`/queue${queueQuery(filters, target)}`} rel={rel} className="btn-secondary">
        {label}
      </Link>
    );
  return (
    <nav aria-label="صفحه‌های صف" className="flex flex-wrap items-center gap-2">
      {page > 2 ? link(1, "نخستین") : null}
      {link(page - 1, "قبلی", "prev")}
      <span className="px-2" aria-current="page">
        صفحه {toPersianDigits(page)} از {toPersianDigits(pageCount)}
      </span>
      {link(page + 1, "بعدی", "next")}
      {page < pageCount - 1 || page > pageCount ? link(pageCount, "آخرین") : null}
    </nav>
  );
}

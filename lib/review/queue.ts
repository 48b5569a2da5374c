import type { Db } from "@/lib/db-client";
import { utcTimestamp } from "@/lib/sql-time";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DeclarationStatus, OfficeType } from "@/lib/generated/prisma/enums";
import type { Caller } from "@/lib/authz/guards";
import { scopeOf } from "@/lib/authz/permissions";
import { NotFoundError } from "@/lib/errors/app-error";
import { REGION_STATUSES } from "@/lib/review/assignment";
import { stripSeparators, toAsciiDigits } from "@/lib/validation/normalize";

// The region's queue: the files of the caller's region, filtered, sorted by due
// date (files without one last, then id) and paged by OFFSET, 50 a page, with the total:
// page numbers rather than keyset "next" links; measured with 10,000 files in one region
// (bench/review-queue.ts). An expert's region always comes from their account, never from
// the URL; an admin may pick a region or see all; a holder gets "not found". The filters,
// the row badges and the home page's counts share the conditions below.

export const QUEUE_PAGE_SIZE = 50;
const DUE_SOON_DAYS = 3;
const DAY_MS = 86_400_000;
const MAX_PAGE = 10_000;

/**
 * Statuses whose deadline runs against the region (review, re-review, objection). In
 * RETURNED the deadline is the holder's correction period, so it neither makes the file
 * "due soon" nor "overdue" for the region.
 */
export const REGION_DEADLINE_STATUSES: readonly DeclarationStatus[] = ["SUBMITTED", "IN_REVIEW", "RESUBMITTED", "OBJECTED"];

/** The statuses one may pick in the status filter (a draft is not a file of the queue yet). */
export const QUEUE_STATUS_OPTIONS: readonly DeclarationStatus[] = [
  "SUBMITTED",
  "IN_REVIEW",
  "RETURNED",
  "RESUBMITTED",
  "APPROVED",
  "OBJECTED",
  "OBJECTION_DECIDED",
  "FINAL",
  "NOT_SUBMITTED",
];
const OFFICE_TYPES: readonly OfficeType[] = ["PISHKHAN_GOVERNMENT", "PISHKHAN_NON_GOVERNMENT", "RURAL_ICT"];

export type QueueDue = "soon" | "overdue";
export type QueueAssignee = "me" | "none";

export type QueueFilters = {
  /** Honoured for an admin only; an expert's region is their own. */
  regionId?: number;
  status?: DeclarationStatus;
  due?: QueueDue;
  assignee?: QueueAssignee;
  provinceId?: number;
  officeType?: OfficeType;
  /** Office code (exact or prefix) or the holder's national ID (exact); any digit set. */
  q?: string;
};

export type QueueRow = {
  id: string;
  officeCode: string;
  officeName: string;
  provinceName: string;
  officeType: OfficeType;
  status: DeclarationStatus;
  dueAt: Date | null;
  submittedAt: Date | null;
  /** The `overdue` flag: the holder's correction period ran out (set by the deadline sweep). */
  overdueFlag: boolean;
  /** The region's deadline falls within 3 days. */
  dueSoon: boolean;
  /** The region's deadline has passed, or the file carries the overdue flag. */
  overdue: boolean;
  assigneeId: string | null;
  assigneeName: string | null;
};

export type QueueResult = { rows: QueueRow[]; total: number; page: number; pageCount: number; pageSize: number };

/** The office-code / national-ID search as stored: ASCII digits, no separators; null if it cannot match anything. */
function normalizeQueueSearch(q: string): string | null {
  const s = stripSeparators(toAsciiDigits(q)).toUpperCase();
  // Office codes are letters, digits and "/" only: nothing that LIKE would read as a wildcard.
  return /^[A-Z0-9/]{1,32}$/.test(s) ? s : null;
}

/** The region the caller's queue covers: an expert's own, an admin's choice (undefined = all regions). */
function regionScope(caller: Caller, requested: number | undefined): { regionId?: number } {
  const scope = scopeOf(caller.role, "declaration:view");
  if (scope === "any") return requested === undefined ? {} : { regionId: requested };
  if (scope === "region") return { regionId: caller.regionId ?? -1 }; // an expert without a region sees nothing
  throw new NotFoundError("queue");
}

const DEADLINE_STATUSES_SQL = statusIn(REGION_DEADLINE_STATUSES);
const REGION_STATUSES_SQL = statusIn(REGION_STATUSES);

function statusIn(statuses: readonly DeclarationStatus[]): Prisma.Sql {
  return Prisma.sql`d.status = ANY(CAST(${[...statuses]} AS "DeclarationStatus"[]))`;
}

const utc = utcTimestamp;

const dueSoonSql = (now: Date) =>
  Prisma.sql`(${DEADLINE_STATUSES_SQL} AND d."dueAt" > ${utc(now)} AND d."dueAt" <= ${utc(new Date(now.getTime() + DUE_SOON_DAYS * DAY_MS))})`;
const overdueSql = (now: Date) =>
  Prisma.sql`((${DEADLINE_STATUSES_SQL} AND d."dueAt" <= ${utc(now)}) OR (${REGION_STATUSES_SQL} AND d.overdue))`;

/**
 * The WHERE of the queue (over `"Declaration" d`) for `caller` with `filters` at `now`.
 * SQL rather than a Prisma `where`: in SQL the page and its count take about 5 ms of the
 * server's CPU, through Prisma's query builder 14–24 ms (measured, 10,000 files); and the
 * search can use a semi-join instead of joining every office and holder.
 */
function queueConditions(caller: Caller, filters: QueueFilters, now: Date): Prisma.Sql {
  const region = regionScope(caller, filters.regionId);
  const and: Prisma.Sql[] = [];
  if (region.regionId !== undefined) and.push(Prisma.sql`d."regionId" = CAST(${region.regionId} AS integer)`);
  and.push(filters.status ? Prisma.sql`d.status = CAST(${filters.status} AS "DeclarationStatus")` : REGION_STATUSES_SQL);
  if (filters.due === "soon") and.push(dueSoonSql(now));
  if (filters.due === "overdue") and.push(overdueSql(now));
  if (filters.assignee === "me") and.push(Prisma.sql`d."assigneeId" = ${caller.id}`);
  if (filters.assignee === "none") and.push(Prisma.sql`d."assigneeId" IS NULL`);
  if (filters.provinceId !== undefined) and.push(Prisma.sql`d."provinceId" = CAST(${filters.provinceId} AS integer)`);
  if (filters.officeType) and.push(Prisma.sql`d."officeType" = CAST(${filters.officeType} AS "OfficeType")`);
  if (filters.q !== undefined && filters.q.trim() !== "") {
    const q = normalizeQueueSearch(filters.q);
    if (q === null) and.push(Prisma.sql`FALSE`);
    else {
      // q holds no LIKE wildcard (normalizeQueueSearch); a national ID is matched exactly, through its unique index.
      const byHolder = /^\d{10}$/.test(q)
        ? Prisma.sql` OR o."holderId" IN (SELECT u.id FROM "User" u WHERE u."nationalId" = ${q})`
        : Prisma.empty;
      and.push(Prisma.sql`d."officeId" IN (SELECT o.id FROM "Office" o WHERE o.code LIKE ${`${q}%`}${byHolder})`);
    }
  }
  return Prisma.join(and, " AND ");
}

/** Whether a file's region deadline falls within 3 days / has passed (the row badges). */
export function deadlineFlags(d: { status: DeclarationStatus; dueAt: Date | null; overdue: boolean }, now: Date) {
  const regionDeadline = REGION_DEADLINE_STATUSES.includes(d.status) && d.dueAt !== null;
  const t = d.dueAt?.getTime() ?? 0;
  const pastDue = regionDeadline && t <= now.getTime();
  return {
    dueSoon: regionDeadline && !pastDue && t - now.getTime() <= DUE_SOON_DAYS * DAY_MS,
    overdue: pastDue || (d.overdue && REGION_STATUSES.includes(d.status)),
  };
}

type PageRow = {
  id: string;
  status: DeclarationStatus;
  dueAt: Date | null;
  overdue: boolean;
  submittedAt: Date | null;
  officeType: OfficeType;
  assigneeId: string | null;
  officeCode: string;
  officeName: string;
  provinceName: string;
  assigneeFirstName: string | null;
  assigneeLastName: string | null;
};

/**
 * One page (1-based) of the caller's queue, sorted by due date (files without one last),
 * then id, with the total count. A page past the end is empty. Paged by OFFSET: the page's
 * 50 ids are chosen first and only they are joined to their office, province and assignee.
 */
export async function listQueue(db: Db, caller: Caller, filters: QueueFilters, page = 1, now = new Date()): Promise<QueueResult> {
  const where = queueConditions(caller, filters, now);
  const current = Number.isInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1;
  const [count, rows] = await Promise.all([
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM "Declaration" d WHERE ${where}`,
    db.$queryRaw<PageRow[]>`
      WITH page AS (
        SELECT d.id FROM "Declaration" d
        WHERE ${where}
        ORDER BY d."dueAt" ASC NULLS LAST, d.id ASC
        LIMIT ${QUEUE_PAGE_SIZE} OFFSET ${(current - 1) * QUEUE_PAGE_SIZE}
      )
      SELECT d.id, d.status::text AS status, d."dueAt", d.overdue, d."submittedAt", d."officeType"::text AS "officeType",
        d."assigneeId", o.code AS "officeCode", o.name AS "officeName", o.province AS "provinceName",
        u."firstName" AS "assigneeFirstName", u."lastName" AS "assigneeLastName"
      FROM page
      -- LATERAL … LIMIT 1: primary-key look-ups for the page's rows only, where the planner
      -- would otherwise hash whole tables.
      CROSS JOIN LATERAL (
        SELECT x.id, x.status, x."dueAt", x.overdue, x."submittedAt", x."officeType", x."assigneeId", x."officeId" FROM "Declaration" x WHERE x.id = page.id LIMIT 1
      ) d
      CROSS JOIN LATERAL (
        SELECT o.code, o.name, p.name AS province FROM "Office" o JOIN "Province" p ON p.id = o."provinceId" WHERE o.id = d."officeId" LIMIT 1
      ) o
      LEFT JOIN LATERAL (SELECT u."firstName", u."lastName" FROM "User" u WHERE u.id = d."assigneeId" LIMIT 1) u ON true
      ORDER BY d."dueAt" ASC NULLS LAST, d.id ASC`,
  ]);
  const total = count[0]?.total ?? 0;
  return {
    rows: rows.map((f) => ({
      id: f.id,
      officeCode: f.officeCode,
      officeName: f.officeName,
      provinceName: f.provinceName,
      officeType: f.officeType,
      status: f.status,
      dueAt: f.dueAt,
      submittedAt: f.submittedAt,
      overdueFlag: f.overdue,
      ...deadlineFlags(f, now),
      assigneeId: f.assigneeId,
      assigneeName: f.assigneeId ? `${f.assigneeFirstName ?? ""} ${f.assigneeLastName ?? ""}`.trim() : null,
    })),
    total,
    page: current,
    pageCount: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)),
    pageSize: QUEUE_PAGE_SIZE,
  };
}

/** Files of the caller's queue whose region deadline is within 3 days, and overdue files (the home page's summary). */
export async function queueDeadlineCounts(db: Db, caller: Caller, now = new Date()): Promise<{ dueSoon: number; overdue: number }> {
  const [row] = await db.$queryRaw<{ dueSoon: number; overdue: number }[]>`
    SELECT (count(*) FILTER (WHERE ${dueSoonSql(now)}))::int AS "dueSoon", (count(*) FILTER (WHERE ${overdueSql(now)}))::int AS overdue
    FROM "Declaration" d WHERE ${queueConditions(caller, {}, now)}`;
  return { dueSoon: row?.dueSoon ?? 0, overdue: row?.overdue ?? 0 };
}

/** The active experts a file of the caller's queue may be handed to (an expert: their region's). */
export async function listAssignableExperts(db: Db, caller: Caller, regionId?: number) {
  const scope = regionScope(caller, regionId);
  return db.user.findMany({
    where: { role: "EXPERT", active: true, ...(scope.regionId === undefined ? {} : { regionId: scope.regionId }) },
    orderBy: [{ regionId: "asc" }, { lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
    select: { id: true, firstName: true, lastName: true, regionId: true },
  });
}

// ── The URL of the queue: parse searchParams leniently (unknown values are ignored), and build links.

type SearchParams = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
const positiveInt = (v: string | undefined) => {
  if (v === undefined) return undefined;
  const n = Number(toAsciiDigits(v));
  return Number.isInteger(n) && n >= 1 && n <= 1_000_000 ? n : undefined;
};

/** The filters and page of a queue URL. `regionId` is read for everyone; listQueue ignores it for experts. */
export function parseQueueParams(params: SearchParams): { filters: QueueFilters; page: number } {
  const status = one(params.status);
  const due = one(params.due);
  const assignee = one(params.assignee);
  const officeType = one(params.type);
  const q = one(params.q);
  const filters: QueueFilters = {};
  const regionId = positiveInt(one(params.region));
  if (regionId !== undefined) filters.regionId = regionId;
  if (status && (QUEUE_STATUS_OPTIONS as readonly string[]).includes(status)) filters.status = status as DeclarationStatus;
  if (due === "soon" || due === "overdue") filters.due = due;
  if (assignee === "me" || assignee === "none") filters.assignee = assignee;
  const provinceId = positiveInt(one(params.province));
  if (provinceId !== undefined) filters.provinceId = provinceId;
  if (officeType && (OFFICE_TYPES as readonly string[]).includes(officeType)) filters.officeType = officeType as OfficeType;
  if (q) filters.q = q.slice(0, 64);
  return { filters, page: Math.min(positiveInt(one(params.page)) ?? 1, MAX_PAGE) };
}

/** The query string of the queue with `filters` at `page` (no "page" for the first). */
export function queueQuery(filters: QueueFilters, page = 1): string {
  const p = new URLSearchParams();
  if (filters.regionId !== undefined) p.set("region", String(filters.regionId));
  if (filters.status) p.set("status", filters.status);
  if (filters.due) p.set("due", filters.due);
  if (filters.assignee) p.set("assignee", filters.assignee);
  if (filters.provinceId !== undefined) p.set("province", String(filters.provinceId));
  if (filters.officeType) p.set("type", filters.officeType);
  if (filters.q) p.set("q", filters.q);
  if (page > 1) p.set("page", String(page));
  const s = p.toString();
  return s ? `?${s}` : "";
}

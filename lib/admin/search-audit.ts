import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Caller } from "@/lib/authz/guards";
import { assertPermission } from "@/lib/authz/permissions";
import { parseJalaliDate } from "@/lib/format/jalali";
import { normalizeNationalId } from "@/lib/validation/national-id";
import { toAsciiDigits } from "@/lib/validation/normalize";

// The head office's search of the audit trail: by person (national ID or name, as the actor
// or as the account acted on), by office (its code: the office and its files), by action and
// by Jalali date range (Tehran days). Newest first, paged by id (keyset: no OFFSET over
// millions of rows). Only holders of "audit:view:any"; anyone else "not found".

export const AUDIT_PAGE_SIZE = 50;
const MAX_EXPORT_ROWS = 100_000;

export type AuditQuery = { person?: string; office?: string; action?: string; from?: string; to?: string; before?: string };

const text = (v: string | string[] | undefined, max: number) => {
  const s = (Array.isArray(v) ? v[0] : v)?.trim();
  return s && s.length <= max ? s : undefined;
};

/** The page's GET parameters; anything malformed is dropped (this is a filter, not a form). */
export function auditQueryOf(params: Record<string, string | string[] | undefined>): AuditQuery {
  const before = text(params.before, 20);
  return {
    person: text(params.person, 64),
    office: text(params.office, 32),
    action: text(params.action, 64),
    from: text(params.from, 10),
    to: text(params.to, 10),
    before: before && /^\d+$/.test(before) ? before : undefined,
  };
}

const DAY = 86_400_000;

/** The WHERE of a query; null when a named person or office does not exist (no row can match). */
async function whereOf(db: Db, q: AuditQuery): Promise<Prisma.AuditEventWhereInput | null> {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (q.person) {
    const digits = normalizeNationalId(q.person);
    const people = await db.user.findMany({
      where: /^\d{10}$/.test(digits)
        ? { nationalId: digits }
        : { OR: [{ firstName: { contains: q.person, mode: "insensitive" } }, { lastName: { contains: q.person, mode: "insensitive" } }] },
      select: { id: true },
      take: 50,
    });
    if (people.length === 0) return null;
    const ids = people.map((p) => p.id);
    and.push({ OR: [{ actorId: { in: ids } }, { targetType: "User", targetId: { in: ids } }] });
  }
  if (q.office) {
    const office = await db.office.findUnique({
      where: { code: toAsciiDigits(q.office).toUpperCase() },
      select: { id: true, holderId: true, declarations: { select: { id: true } } },
    });
    if (!office) return null;
    and.push({ targetId: { in: [office.id, ...office.declarations.map((d) => d.id)] } });
  }
  if (q.action) and.push({ action: q.action });
  const from = q.from ? parseJalaliDate(q.from) : null;
  const to = q.to ? parseJalaliDate(q.to) : null;
  if (from) and.push({ createdAt: { gte: from } });
  if (to) and.push({ createdAt: { lt: new Date(to.getTime() + DAY) } });
  if (q.before) and.push({ id: { lt: BigInt(q.before) } });
  return { AND: and };
}

const ROW_SELECT = {
  id: true,
  action: true,
  actorRole: true,
  targetType: true,
  targetId: true,
  before: true,
  after: true,
  ip: true,
  userAgent: true,
  createdAt: true,
  actor: { select: { nationalId: true, firstName: true, lastName: true } },
} as const;

export type AuditRow = Prisma.AuditEventGetPayload<{ select: typeof ROW_SELECT }>;

/** One page of the audit, newest first; `nextBefore` continues it. */
export async function searchAudit(
  db: Db,
  caller: Caller,
  q: AuditQuery,
  limit = AUDIT_PAGE_SIZE,
): Promise<{ rows: AuditRow[]; nextBefore: string | null }> {
  assertPermission(caller, "audit:view:any");
  const where = await whereOf(db, q);
  if (!where) return { rows: [], nextBefore: null };
  const found = await db.auditEvent.findMany({ where, orderBy: { id: "desc" }, take: limit + 1, select: ROW_SELECT });
  const rows = found.slice(0, limit);
  return { rows, nextBefore: found.length > limit ? String(rows.at(-1)!.id) : null };
}

/** Every matching row for the CSV export, page by page (at most 100,000). */
export async function* auditRowsForExport(db: Db, caller: Caller, q: AuditQuery): AsyncGenerator<AuditRow[]> {
  let before = q.before;
  let sent = 0;
  while (sent < MAX_EXPORT_ROWS) {
    const page = await searchAudit(db, caller, { ...q, before }, 1000);
    if (page.rows.length > 0) yield page.rows;
    sent += page.rows.length;
    if (!page.nextBefore) return;
    before = page.nextBefore;
  }
}

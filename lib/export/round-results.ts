import "server-only";
import type { Db } from "@/lib/db-client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Caller } from "@/lib/authz/guards";
import { NotFoundError } from "@/lib/errors/app-error";
import { dashboardScope } from "@/lib/dashboard/scope";
import { roundOfficeKeysSql, roundOfficesSql } from "@/lib/dashboard/round-offices";
import type { StatusKey } from "@/lib/dashboard/labels";
import type { OfficeType } from "@/lib/generated/prisma/enums";
import { ruleSetOfRound } from "@/lib/rounds/rule-set-of-round";
import { exportColumns, type ExportColumn, type ResultRow } from "./columns";

// A round's results for export: who may have them, how many rows, and the rows page by page
// in office-code order. The same offices and values as the dashboard (round-offices.ts).
//
// Who: the head office, any region or all; an expert, their own region only — whatever the
// URL asks (the national file is the head office's); anyone else "not found", as for a round
// that does not exist.
//
// Pages are read by keyset (code > the last code of the page before, through the unique
// index on the office code), so each page costs the same however deep the export is, and
// only one page is in memory at a time.

export const EXPORT_PAGE_SIZE = 1000;

export type ExportPlan = {
  round: { id: string; title: string; status: string };
  regionId?: number;
  regionName?: string;
  columns: ExportColumn[];
  total: number;
};

export async function planRoundExport(db: Db, caller: Caller, roundId: string, requestedRegionId?: number): Promise<ExportPlan> {
  const scope = dashboardScope(caller, requestedRegionId);
  const round = await db.round.findUnique({ where: { id: roundId }, select: { id: true, title: true, status: true } });
  if (!round) throw new NotFoundError("round");
  const [{ ruleSet }, region, count] = await Promise.all([
    ruleSetOfRound(db, round.id),
    scope.regionId === undefined ? null : db.region.findUnique({ where: { id: scope.regionId }, select: { name: true } }),
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM (${roundOfficeKeysSql(round, scope.regionId)}) r`,
  ]);
  return {
    round,
    regionId: scope.regionId,
    regionName: region?.name,
    columns: exportColumns(ruleSet.criteria),
    total: count[0]?.total ?? 0,
  };
}

type PageRow = {
  code: string;
  name: string;
  region: string;
  province: string;
  officeType: OfficeType;
  status: StatusKey;
  submittedAt: Date | null;
  approvedAt: Date | null;
  finalizedAt: Date | null;
  score: number | null;
  rank: number | null;
  negative: number | null;
  points: Record<string, number> | null;
};

/**
 * One page of rows after office code `after` (null: from the start). The page's offices are
 * picked first along the code index, and only they are joined to their snapshot: joined
 * before the LIMIT, every office after the cursor would be (measured: 160 ms a page at
 * 20,000 offices, against a few ms).
 */
export async function resultPage(db: Db, plan: ExportPlan, after: string | null, size = EXPORT_PAGE_SIZE): Promise<ResultRow[]> {
  const next = after === null ? undefined : Prisma.sql`o.code > ${after}`;
  return db.$queryRaw<PageRow[]>`
    WITH page AS MATERIALIZED (${roundOfficeKeysSql(plan.round, plan.regionId, next)} ORDER BY o.code LIMIT ${size})
    SELECT r.code, r.name, rg.name AS region, pv.name AS province, r."officeType", r.status,
      r."submittedAt", r."approvedAt", r."finalizedAt",
      r.score::float8 AS score, r.rank, r.negative::float8 AS negative,
      -- Only each criterion's points leave the database, not the whole breakdown.
      (SELECT jsonb_object_agg(c->>'key', c->'points') FROM jsonb_array_elements(r.breakdown->'criteria') c) AS points
    -- = ANY(ARRAY(…)): the page's offices by primary key, not a scan of every office per page.
    FROM (${roundOfficesSql(plan.round, plan.regionId, Prisma.sql`o.id = ANY(ARRAY(SELECT id FROM page))`)}) r
    JOIN "Region" rg ON rg.id = r."regionId"
    JOIN "Province" pv ON pv.id = r."provinceId"
    ORDER BY r.code`;
}

/** Every row of the plan, a page (of cells, in column order) at a time. */
export async function* resultPages(db: Db, plan: ExportPlan, size = EXPORT_PAGE_SIZE): AsyncGenerator<(string | number | null)[][]> {
  let after: string | null = null;
  for (;;) {
    const rows = await resultPage(db, plan, after, size);
    if (rows.length === 0) return;
    yield rows.map((r) => plan.columns.map((c) => c.cell(r)));
    if (rows.length < size) return;
    after = rows[rows.length - 1]!.code;
  }
}

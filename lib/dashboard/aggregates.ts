import "server-only";
import type { Db } from "@/lib/db-client";
import { maxPoints, type RuleSet } from "@/lib/ranking";
import { roundOfficesSql } from "@/lib/dashboard/round-offices";
import { STAGE_OF, STAGE_ORDER, STATUS_ORDER, type Stage, type StatusKey } from "@/lib/dashboard/labels";

// The dashboard's counts for one round: by status, by region (in stages), by rank, the score
// histogram and the rank shares of each province. Counted in PostgreSQL — one pass over the
// round's offices (round-offices.ts), grouped five ways — so 20,000 offices never travel to
// Node; what comes back is a few hundred small rows.

export type RankCount = { rank: number; fixed: number; provisional: number };
export type HistogramBucket = { from: number; to: number; count: number; closed: boolean };
export type RegionCount = { regionId: number; name: string; offices: number; stages: Record<Stage, number> };
export type ProvinceShare = {
  provinceId: number;
  name: string;
  regionId: number;
  offices: number;
  unranked: number;
  ranks: Record<string, number>;
};

export type DashboardCounts = {
  offices: number;
  byStatus: { status: StatusKey; count: number }[];
  byRegion: RegionCount[];
  byRank: RankCount[];
  /** Offices without a rank yet (no file, a draft). */
  unranked: number;
  /** The ranks of the round's rule set, best first. */
  ranks: number[];
  histogram: HistogramBucket[];
  provinces: ProvinceShare[];
};

type Row = { kind: "status" | "region" | "rank" | "bucket" | "province"; label: string | null; num: number | null; n: number };

/** A bucket width that cuts 0..max into at most 10 buckets: 1, 2 or 5 times a power of ten. */
export function bucketWidth(max: number): number {
  if (!(max > 0)) return 1;
  for (let p = 1; ; p *= 10) for (const m of [1, 2, 5]) if (Math.ceil(max / (m * p)) <= 10) return m * p;
}

/** The highest positive total the rule set allows (every criterion at its cap). */
function maxTotal(ruleSet: RuleSet): number {
  return ruleSet.criteria.reduce((sum, c) => sum + maxPoints(c), 0);
}

export async function dashboardCounts(
  db: Db,
  round: { id: string; status: string },
  ruleSet: RuleSet,
  regionId: number | undefined,
): Promise<DashboardCounts> {
  const max = maxTotal(ruleSet);
  const width = bucketWidth(max);
  // The top total (max) belongs to the last bucket, which is closed at both ends.
  const top = Math.max(0, Math.ceil(max / width) - 1);
  const [rows, regions, provinces] = await Promise.all([
    db.$queryRaw<Row[]>`
      WITH base AS MATERIALIZED (
        SELECT r."regionId", r."provinceId", r.status, r.rank, r."rankFixed",
          -- (LEAST ignores a NULL: a file without a score must stay out of the histogram.)
          CASE WHEN r.score IS NOT NULL THEN LEAST(floor(r.score / ${width}::numeric), ${top}::numeric)::int END AS bucket
        FROM (${roundOfficesSql(round, regionId)}) r
      )
      SELECT 'status' AS kind, status AS label, NULL::int AS num, count(*)::int AS n FROM base GROUP BY status
      UNION ALL SELECT 'region', status, "regionId", count(*)::int FROM base GROUP BY "regionId", status
      UNION ALL SELECT 'rank', "rankFixed"::text, rank, count(*)::int FROM base GROUP BY rank, "rankFixed"
      UNION ALL SELECT 'bucket', NULL, bucket, count(*)::int FROM base WHERE bucket IS NOT NULL GROUP BY bucket
      UNION ALL SELECT 'province', rank::text, "provinceId", count(*)::int FROM base GROUP BY "provinceId", rank`,
    db.region.findMany({ where: regionId === undefined ? {} : { id: regionId }, orderBy: { id: "asc" }, select: { id: true, name: true } }),
    db.province.findMany({ orderBy: { id: "asc" }, select: { id: true, name: true, regionId: true } }),
  ]);
  const of = (kind: Row["kind"]) => rows.filter((r) => r.kind === kind);

  const statusCount = new Map(of("status").map((r) => [r.label, r.n]));
  const byStatus = STATUS_ORDER.map((status) => ({ status, count: statusCount.get(status) ?? 0 }));

  const byRegion: RegionCount[] = regions.map((r) => ({ regionId: r.id, name: r.name, offices: 0, stages: emptyStages() }));
  for (const r of of("region")) {
    const region = byRegion.find((x) => x.regionId === r.num);
    if (!region) continue;
    region.offices += r.n;
    region.stages[STAGE_OF[r.label as StatusKey]] += r.n;
  }

  const ranks = ruleSet.ranks.map((r) => r.rank);
  const rankKeys = [
    ...ranks,
    ...of("rank")
      .map((r) => r.num)
      .filter((k): k is number => k !== null && !ranks.includes(k)),
  ];
  const unranked = of("rank")
    .filter((r) => r.num === null)
    .reduce((s, r) => s + r.n, 0);
  const byRank = [...new Set(rankKeys)].map((rank) => {
    const matching = of("rank").filter((r) => r.num === rank);
    return {
      rank,
      fixed: matching.filter((r) => r.label === "true").reduce((s, r) => s + r.n, 0),
      provisional: matching.filter((r) => r.label !== "true").reduce((s, r) => s + r.n, 0),
    };
  });

  const bucketCount = new Map(of("bucket").map((r) => [r.num!, r.n]));
  const lowest = Math.min(0, ...bucketCount.keys());
  const histogram: HistogramBucket[] = [];
  for (let b = lowest; b <= top; b++) {
    const to = b === top && max > b * width ? max : (b + 1) * width;
    histogram.push({ from: b * width, to, count: bucketCount.get(b) ?? 0, closed: b === top });
  }

  const provinceRows = of("province");
  const shares = provinces
    .filter((p) => regionId === undefined || p.regionId === regionId || provinceRows.some((r) => r.num === p.id))
    .map((p) => {
      const mine = provinceRows.filter((r) => r.num === p.id);
      const counts: Record<string, number> = Object.fromEntries(ranks.map((k) => [String(k), 0]));
      let unranked = 0;
      for (const r of mine) {
        if (r.label === null) unranked += r.n;
        else counts[r.label] = (counts[r.label] ?? 0) + r.n;
      }
      return { provinceId: p.id, name: p.name, regionId: p.regionId, offices: mine.reduce((s, r) => s + r.n, 0), unranked, ranks: counts };
    });

  return { offices: byStatus.reduce((s, x) => s + x.count, 0), byStatus, byRegion, byRank, unranked, ranks, histogram, provinces: shares };
}

function emptyStages(): Record<Stage, number> {
  return Object.fromEntries(STAGE_ORDER.map((s) => [s, 0])) as Record<Stage, number>;
}

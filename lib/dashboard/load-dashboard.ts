import "server-only";
import type { Db } from "@/lib/db-client";
import type { Caller } from "@/lib/authz/guards";
import { ruleSetOfRound } from "@/lib/rounds/rule-set-of-round";
import { dashboardCounts, type DashboardCounts } from "@/lib/dashboard/aggregates";
import { regionCompliance, type RegionCompliance } from "@/lib/dashboard/compliance";
import { dashboardScope, listRounds, pickRound, positiveIntParam, type DashboardRound } from "@/lib/dashboard/scope";

// Everything the dashboard page shows, for the caller and the URL's filters: the round
// (requested, else the latest open, else the latest), the region (an expert's own whatever
// the URL says; the head office's choice or all), the counts and each region's deadline
// compliance. A holder gets NotFoundError (the page answers "not found").

export type DashboardParams = Record<string, string | string[] | undefined>;

export type Dashboard = {
  rounds: DashboardRound[];
  /** The regions the region filter offers (head office only). */
  regionOptions: { id: number; name: string }[];
  canPickRegion: boolean;
  regionId?: number;
  regionName?: string;
  data: null | {
    round: DashboardRound & { reviewDays: number; reReviewDays: number; dayKind: "CALENDAR" | "WORKING" };
    ruleSet: { title: string; version: number; isSample: boolean };
    counts: DashboardCounts;
    compliance: (RegionCompliance & { name: string })[];
  };
};

export async function loadDashboard(db: Db, caller: Caller, params: DashboardParams, now = new Date()): Promise<Dashboard> {
  const scope = dashboardScope(caller, positiveIntParam(params.region));
  const requestedRound = typeof params.round === "string" ? params.round : undefined;
  const [rounds, regions] = await Promise.all([
    listRounds(db),
    db.region.findMany({ orderBy: { id: "asc" }, select: { id: true, name: true } }),
  ]);
  // A region id that does not exist shows all regions rather than an empty page.
  const regionId =
    scope.regionId !== undefined && (!scope.canPickRegion || regions.some((r) => r.id === scope.regionId)) ? scope.regionId : undefined;
  const base = {
    rounds,
    regionOptions: scope.canPickRegion ? regions : [],
    canPickRegion: scope.canPickRegion,
    regionId,
    regionName: regions.find((r) => r.id === regionId)?.name,
  };
  const picked = pickRound(rounds, requestedRound);
  if (!picked) return { ...base, data: null };

  const [round, pinned] = await Promise.all([
    db.round.findUniqueOrThrow({ where: { id: picked.id }, select: { reviewDays: true, reReviewDays: true, dayKind: true } }),
    ruleSetOfRound(db, picked.id),
  ]);
  const fullRound = { ...picked, ...round };
  const [counts, compliance] = await Promise.all([
    dashboardCounts(db, fullRound, pinned.ruleSet, regionId),
    regionCompliance(db, fullRound, regionId, now),
  ]);
  const byRegion = new Map(compliance.map((c) => [c.regionId, c]));
  return {
    ...base,
    data: {
      round: fullRound,
      ruleSet: { title: pinned.row.title, version: pinned.row.version, isSample: pinned.row.isSample },
      counts,
      // One row per region in scope, zeros included.
      compliance: regions
        .filter((r) => regionId === undefined || r.id === regionId)
        .map((r) => ({ ...(byRegion.get(r.id) ?? { regionId: r.id, inTime: 0, late: 0, overdueNow: 0, waiting: 0 }), name: r.name })),
    },
  };
}

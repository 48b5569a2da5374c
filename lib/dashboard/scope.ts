import "server-only";
import type { Db } from "@/lib/db-client";
import type { Caller } from "@/lib/authz/guards";
import { scopeOf } from "@/lib/authz/permissions";
import { NotFoundError } from "@/lib/errors/app-error";
import { toAsciiDigits } from "@/lib/validation/normalize";

// Who sees which part of the dashboard and of the round's export: the head office every
// region (or the one it picks), an expert their own region whatever the URL asks (an expert
// without a region sees nothing), anyone else "not found" — the same wall as the queue.

export type DashboardScope = {
  /** undefined: every region (head office only). */
  regionId?: number;
  /** The head office may choose the region; an expert's is fixed. */
  canPickRegion: boolean;
};

export function dashboardScope(caller: Caller, requestedRegionId?: number): DashboardScope {
  const scope = scopeOf(caller.role, "dashboard:view");
  if (scope === "any") return { regionId: requestedRegionId, canPickRegion: true };
  if (scope === "region") return { regionId: caller.regionId ?? -1, canPickRegion: false };
  throw new NotFoundError("dashboard");
}

export type DashboardRound = {
  id: string;
  title: string;
  status: "DRAFT" | "OPEN" | "CLOSED";
  windowOpensAt: Date;
  windowClosesAt: Date;
  closedAt: Date | null;
  ruleSetId: string;
};

/** Every round, newest window first (the round filter's options). */
export function listRounds(db: Db): Promise<DashboardRound[]> {
  return db.round.findMany({
    orderBy: [{ windowOpensAt: "desc" }, { id: "asc" }],
    select: { id: true, title: true, status: true, windowOpensAt: true, windowClosesAt: true, closedAt: true, ruleSetId: true },
  });
}

/** The requested round, else the latest open one, else the latest (null when there is none). */
export function pickRound<R extends { id: string; status: string }>(rounds: readonly R[], requestedId?: string): R | null {
  return rounds.find((r) => r.id === requestedId) ?? rounds.find((r) => r.status === "OPEN") ?? rounds[0] ?? null;
}

/** A positive integer from a search parameter (any digit set), else undefined. */
export function positiveIntParam(v: string | string[] | undefined): number | undefined {
  const s = (Array.isArray(v) ? v[0] : v)?.trim();
  if (!s) return undefined;
  const n = Number(toAsciiDigits(s));
  return Number.isInteger(n) && n >= 1 && n <= 1_000_000 ? n : undefined;
}

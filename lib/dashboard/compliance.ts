import "server-only";
import { utcTimestamp } from "@/lib/sql-time";
import type { Db } from "@/lib/db-client";
import { Prisma } from "@/lib/generated/prisma/client";
import { startOfTehranDay } from "@/lib/format/jalali";
import { REGION_DEADLINE_STATUSES } from "@/lib/review/queue";
import { deadlineAfter, type DayKind } from "@/lib/workflow/deadlines";

// Each region's deadline compliance in one round.
//
// A file waits for the region in periods, each with its deadline (lib/workflow): after
// submission the review period (reviewDays); after a resubmission, after the holder's
// correction period ran out, and after an objection, the re-review period (reReviewDays).
// The period ends with the region's decision: a return for correction, the approval, or the
// objection's decision. A decision is in time when it was taken before the period's deadline.
//
// The deadline of a decided period is no longer on the file (dueAt moves on with the
// workflow), so it is recomputed: where each period started and ended is stored exactly —
// submittedAt, CorrectionRequest.resolvedAt (resubmission or expiry of the correction),
// Objection.filedAt; CorrectionRequest.createdAt (a return), approvedAt, Objection.decidedAt —
// and a deadline depends only on the Tehran day a period started. So PostgreSQL lists the
// distinct (period kind, start day) pairs, Node computes their deadlines with the workflow's
// own deadlineAfter (working days and holidays included), and PostgreSQL counts with them.
//
// - reviewed in time: every decision on the file so far was in time;
// - reviewed late: at least one decision came after its deadline;
// - overdue now: the file waits for the region now and its deadline has passed (as the queue's
//   "overdue" filter, except files flagged for the holder's late correction, which are the
//   holder's delay, not the region's);
// - waiting in time: the file waits for the region and its deadline has not passed.

export type RegionCompliance = { regionId: number; inTime: number; late: number; overdueNow: number; waiting: number };

type Kind = "review" | "reReview";

/**
 * Every decision of the region on a submitted file of the round in scope, with the period it
 * ended: the latest start at or before it — the submission (review), else a correction that
 * ended or an objection filed (re-review) — and the Tehran calendar day that period began.
 * Per decision, two look-ups through the declarationId indexes: no sort of the whole round.
 */
function decisionsSql(roundId: string, regionId: number | undefined): Prisma.Sql {
  const region = regionId === undefined ? Prisma.empty : Prisma.sql`AND d."regionId" = CAST(${regionId} AS integer)`;
  return Prisma.sql`
    f AS (
      SELECT d.id, d."regionId", d."submittedAt", d."approvedAt" FROM "Declaration" d
      WHERE d."roundId" = ${roundId} AND d."submittedAt" IS NOT NULL ${region}
    ),
    decided AS (
      SELECT f.id, f."regionId", f."submittedAt", f."approvedAt" AS at FROM f WHERE f."approvedAt" IS NOT NULL
      -- One return flags several things at the same instant: one decision.
      UNION ALL SELECT DISTINCT f.id, f."regionId", f."submittedAt", c."createdAt" FROM f JOIN "CorrectionRequest" c ON c."declarationId" = f.id
      UNION ALL SELECT f.id, f."regionId", f."submittedAt", o."decidedAt" FROM f JOIN "Objection" o ON o."declarationId" = f.id WHERE o."decidedAt" IS NOT NULL
    ),
    later AS (
      SELECT x.*, GREATEST(
          (SELECT max(c."resolvedAt") FROM "CorrectionRequest" c WHERE c."declarationId" = x.id AND c."resolvedAt" <= x.at),
          (SELECT max(o."filedAt") FROM "Objection" o WHERE o."declarationId" = x.id AND o."filedAt" <= x.at)
        ) AS "reStart"
      FROM decided x
    ),
    decisions AS (
      SELECT l.id, l."regionId", l.at,
        CASE WHEN l."reStart" IS NULL THEN 'review' ELSE 'reReview' END AS kind,
        -- The Tehran calendar day the period started (the columns hold UTC).
        ((COALESCE(l."reStart", l."submittedAt") AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Tehran')::date AS "startDay"
      FROM later l
    )`;
}

/** An instant as the columns store it: `timestamp without time zone` holding UTC. */
const utc = utcTimestamp;

export async function regionCompliance(
  db: Db,
  round: { id: string; reviewDays: number; reReviewDays: number; dayKind: DayKind },
  regionId: number | undefined,
  now = new Date(),
): Promise<RegionCompliance[]> {
  const decisions = decisionsSql(round.id, regionId);
  const starts = await db.$queryRaw<{ kind: Kind; day: string }[]>`
    WITH ${decisions} SELECT DISTINCT kind, to_char("startDay", 'YYYY-MM-DD') AS day FROM decisions`;
  const deadlines = await deadlinesOf(db, round, starts);

  const waitingStatuses = Prisma.sql`d.status = ANY(CAST(${[...REGION_DEADLINE_STATUSES]} AS "DeclarationStatus"[]))`;
  const rows = await db.$queryRaw<RegionCompliance[]>`
    WITH ${decisions},
    due AS (SELECT * FROM unnest(CAST(${deadlines.map((d) => d.kind)} AS text[]), CAST(${deadlines.map((d) => d.day)} AS date[]), CAST(${deadlines.map((d) => d.due)} AS timestamptz[])) AS t(kind, day, due)),
    judged AS (
      SELECT x.id, x."regionId", bool_or(x.at >= (due.due AT TIME ZONE 'UTC')) AS late
      FROM decisions x JOIN due ON due.kind = x.kind AND due.day = x."startDay"
      GROUP BY x.id, x."regionId"
    ),
    files AS (
      SELECT j."regionId", count(*) FILTER (WHERE NOT j.late)::int AS "inTime", count(*) FILTER (WHERE j.late)::int AS late
      FROM judged j GROUP BY j."regionId"
    ),
    waiting AS (
      SELECT d."regionId", count(*) FILTER (WHERE d."dueAt" <= ${utc(now)})::int AS "overdueNow", count(*) FILTER (WHERE d."dueAt" IS NULL OR d."dueAt" > ${utc(now)})::int AS waiting
      FROM "Declaration" d
      WHERE d."roundId" = ${round.id} AND ${waitingStatuses} ${regionId === undefined ? Prisma.empty : Prisma.sql`AND d."regionId" = CAST(${regionId} AS integer)`}
      GROUP BY d."regionId"
    )
    SELECT COALESCE(x."regionId", w."regionId") AS "regionId", COALESCE(x."inTime", 0) AS "inTime", COALESCE(x.late, 0) AS late,
      COALESCE(w."overdueNow", 0) AS "overdueNow", COALESCE(w.waiting, 0) AS waiting
    FROM files x FULL JOIN waiting w ON w."regionId" = x."regionId"
    ORDER BY 1`;
  return rows;
}

/** The deadline of a period of `kind` that started on each Tehran day, with the round's day counting. */
async function deadlinesOf(
  db: Db,
  round: { reviewDays: number; reReviewDays: number; dayKind: DayKind },
  starts: { kind: Kind; day: string }[],
) {
  if (starts.length === 0) return [];
  const firstInstant = (day: string) => {
    const [y, m, d] = day.split("-").map(Number) as [number, number, number];
    return startOfTehranDay(y, m, d);
  };
  let holidays = new Set<string>();
  if (round.dayKind === "WORKING") {
    const days = starts.map((s) => s.day).sort();
    const longest = Math.max(round.reviewDays, round.reReviewDays);
    // Enough days ahead for any run of holidays, as roundDeadline looks.
    const until = new Date(firstInstant(days.at(-1)!).getTime() + (longest * 2 + 31) * 86_400_000);
    const rows = await db.holiday.findMany({
      where: { day: { gte: new Date(`${days[0]}T00:00:00Z`), lte: until } },
      select: { day: true },
    });
    holidays = new Set(rows.map((r) => r.day.toISOString().slice(0, 10)));
  }
  return starts.map((s) => ({
    kind: s.kind,
    day: s.day,
    due: deadlineAfter(
      firstInstant(s.day),
      s.kind === "review" ? round.reviewDays : round.reReviewDays,
      round.dayKind,
      holidays,
    ).toISOString(),
  }));
}

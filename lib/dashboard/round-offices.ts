import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

// The offices of one round, one row each, as the dashboard counts them and the export lists
// them. One definition for both, so the export's rows add up to the dashboard's numbers:
//
// - An open (or draft) round covers every office of the registry; an office that has not
//   started its file yet has the status NO_FILE. Closing a round gives every office without
//   a submission a NOT_SUBMITTED file (lib/admin/rounds.ts), so in a closed round the files
//   are the round: an office without one joined the registry after the close.
// - Region, province and office type are the file's (copied when it was created, as the
//   queue filters them), else the office's own.
// - Score and rank: the region's (finalScore/finalRank, fixed at approval or by the
//   objection's decision; NOT_SUBMITTED has the lowest rank and no score); before that, the
//   latest score snapshot's — what the holder's submission computed, provisional. A draft
//   has neither.
// - The latest snapshot also gives the export each criterion's points and the negative points.

export const NO_FILE = "NO_FILE";

/** FROM (o the office, p its province, d its file in the round, if any) and WHERE of the round's offices in the region (undefined: all). */
function officesOfRound(round: { id: string; status: string }, regionId: number | undefined, extra?: Prisma.Sql) {
  const universe = round.status === "CLOSED" ? Prisma.sql`d.id IS NOT NULL` : Prisma.sql`TRUE`;
  const region =
    regionId === undefined ? Prisma.empty : Prisma.sql`AND COALESCE(d."regionId", p."regionId") = CAST(${regionId} AS integer)`;
  return {
    from: Prisma.sql`"Office" o
      JOIN "Province" p ON p.id = o."provinceId"
      LEFT JOIN "Declaration" d ON d."officeId" = o.id AND d."roundId" = ${round.id}`,
    where: Prisma.sql`${universe} ${region} ${extra ? Prisma.sql`AND ${extra}` : Prisma.empty}`,
  };
}

/** The id and code of each office of the round: enough to count them or to pick a page, without the snapshots. */
export function roundOfficeKeysSql(round: { id: string; status: string }, regionId: number | undefined, extra?: Prisma.Sql): Prisma.Sql {
  const { from, where } = officesOfRound(round, regionId, extra);
  return Prisma.sql`SELECT o.id, o.code FROM ${from} WHERE ${where}`;
}

/** A SELECT of the round's offices (columns below) in the region (undefined: all), optionally narrowed by `extra` (over o, p, d). */
export function roundOfficesSql(round: { id: string; status: string }, regionId: number | undefined, extra?: Prisma.Sql): Prisma.Sql {
  const { from, where } = officesOfRound(round, regionId, extra);
  return Prisma.sql`
    SELECT o.id AS "officeId", o.code, o.name,
      COALESCE(d."regionId", p."regionId") AS "regionId",
      COALESCE(d."provinceId", o."provinceId") AS "provinceId",
      COALESCE(d."officeType", o.type)::text AS "officeType",
      d.id AS "declarationId",
      COALESCE(d.status::text, ${NO_FILE}) AS status,
      d."submittedAt", d."approvedAt", d."finalizedAt",
      COALESCE(d."finalScore", s.total) AS score,
      COALESCE(d."finalRank", s.rank) AS rank,
      (d."finalRank" IS NOT NULL) AS "rankFixed",
      s.negative, s.breakdown
    FROM ${from}
    -- The latest snapshot, through the (declarationId, createdAt) index; none for a draft.
    LEFT JOIN LATERAL (
      SELECT x.total, x.rank, x.negative, x.breakdown FROM "ScoreSnapshot" x
      WHERE x."declarationId" = d.id ORDER BY x."createdAt" DESC, x.id DESC LIMIT 1
    ) s ON true
    WHERE ${where}`;
}

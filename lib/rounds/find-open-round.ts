import type { Db } from "@/lib/db-client";

/** The round whose holder window contains `now`, if any (the most recently opened). */
export function findOpenRound(db: Db, now = new Date()) {
  return db.round.findFirst({
    where: { status: "OPEN", windowOpensAt: { lte: now }, windowClosesAt: { gt: now } },
    orderBy: { windowOpensAt: "desc" },
  });
}

import type { Db, Tx } from "@/lib/db-client";
import { deadlineAfter, type DayKind } from "@/lib/workflow/deadlines";

/** A deadline of `days` days from `start` under the round's day counting (holidays from the Holiday table). */
export async function roundDeadline(db: Db | Tx, round: { dayKind: DayKind }, start: Date, days: number): Promise<Date> {
  if (round.dayKind === "CALENDAR") return deadlineAfter(start, days, "CALENDAR");
  // Enough days ahead for any run of holidays: twice the period plus a month.
  const until = new Date(start.getTime() + (days * 2 + 31) * 24 * 60 * 60 * 1000);
  const rows = await db.holiday.findMany({
    where: { day: { gte: new Date(start.getTime() - 24 * 60 * 60 * 1000), lte: until } },
    select: { day: true },
  });
  // Holiday.day is a DATE column: Prisma gives it as UTC midnight of that calendar day.
  const holidays = new Set(rows.map((r) => r.day.toISOString().slice(0, 10)));
  return deadlineAfter(start, days, "WORKING", holidays);
}

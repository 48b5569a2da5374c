// Deadlines of the review workflow (DOMAIN.md "After submission"), computed in Asia/Tehran.
// A period of N days that starts at an instant ends at the end of the Nth day after the
// day of that instant, on Tehran's calendar: submitted on 2 Azar at 16:00 with 20 days to
// review → due at the end of 22 Azar (00:00 of 23 Azar, Tehran). Working days skip Fridays
// (Iran's weekend) and the round's holiday table. Pure.
import { startOfTehranDay, tehranWallClock } from "@/lib/format/jalali";

export type DayKind = "CALENDAR" | "WORKING";

/** A Tehran calendar day as "yyyy-mm-dd" (Gregorian), the key of the holiday table. */
export function tehranDayKey(d: Date): string {
  const w = tehranWallClock(d);
  return `${w.year}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
}

function nextDay(y: number, m: number, d: number): [number, number, number] {
  const t = new Date(Date.UTC(y, m - 1, d + 1));
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
}

/**
 * The instant a period of `days` days starting at `start` ends (exclusive: the first
 * instant of the following day in Tehran). With `WORKING`, only days that are neither a
 * Friday nor in `holidays` ("yyyy-mm-dd") count.
 */
export function deadlineAfter(start: Date, days: number, kind: DayKind = "CALENDAR", holidays: ReadonlySet<string> = new Set()): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError("days must be a non-negative integer");
  const w = tehranWallClock(start);
  let [y, m, d] = [w.year, w.month, w.day];
  let counted = 0;
  while (counted < days) {
    [y, m, d] = nextDay(y, m, d);
    if (kind === "CALENDAR") counted++;
    else {
      const friday = new Date(Date.UTC(y, m - 1, d)).getUTCDay() === 5;
      const key = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
      if (!friday && !holidays.has(key)) counted++;
    }
  }
  const [ny, nm, nd] = nextDay(y, m, d);
  return startOfTehranDay(ny, nm, nd);
}

/** Whole or partial days left until `due` (negative when past), for "due within 3 days" filters. */
export function isDueWithin(due: Date, now: Date, days: number): boolean {
  return due.getTime() > now.getTime() && due.getTime() - now.getTime() <= days * 24 * 60 * 60 * 1000;
}

// Jalali (Solar Hijri) dates in Iran's time zone, independent of the time zone
// of the machine running the code (servers usually run in UTC, browsers in
// whatever the user's OS says).
//
// date-fns-jalali converts using the *local* Date fields of the runtime, so we
// never hand it a real instant. Instead we read the Tehran wall clock with
// Intl (which knows Iran's historical DST rules; we do not hard-code +03:30)
// and give date-fns-jalali a local-noon Date carrying only that calendar day.
// Noon is used because a local midnight can fall in a DST gap in some zones.
import { getDate, getMonth, getYear, isExists, newDate } from "date-fns-jalali";
import { toAsciiDigits } from "../validation/normalize";
import { toPersianDigits } from "./digits";

const TEHRAN_TIME_ZONE = "Asia/Tehran";

export const JALALI_MONTH_NAMES = [
  "فروردین",
  "اردیبهشت",
  "خرداد",
  "تیر",
  "مرداد",
  "شهریور",
  "مهر",
  "آبان",
  "آذر",
  "دی",
  "بهمن",
  "اسفند",
] as const;

/** Gregorian calendar fields as shown on a clock in Tehran (month is 1–12). */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Jalali calendar fields in Tehran (month is 1–12). */
export interface JalaliParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

let tehranFormatter: Intl.DateTimeFormat | undefined;

function assertValid(d: Date): void {
  if (Number.isNaN(d.getTime())) throw new RangeError("Invalid Date");
}

/** The wall-clock time in Tehran at instant `d`. */
export function tehranWallClock(d: Date): WallClock {
  assertValid(d);
  tehranFormatter ??= new Intl.DateTimeFormat("en-US", {
    timeZone: TEHRAN_TIME_ZONE,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  const parts = tehranFormatter.formatToParts(d);
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: field("year"),
    month: field("month"),
    day: field("day"),
    hour: field("hour") % 24, // some older engines print midnight as "24" even with h23
    minute: field("minute"),
    second: field("second"),
  };
}

/** Tehran's UTC offset at instant `d`, in milliseconds (e.g. 12 600 000 for +03:30). */
export function tehranOffsetMs(d: Date): number {
  const w = tehranWallClock(d);
  const wallAsUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return wallAsUtc - Math.floor(d.getTime() / 1000) * 1000;
}

/**
 * First instant of the given Gregorian day in Tehran. Normally 00:00, but on
 * days when DST started at midnight (Iran did this until 2022) 00:00 did not
 * exist and the day began at 01:00; we return that instant.
 */
export function startOfTehranDay(gy: number, gm: number, gd: number): Date {
  const wallMidnight = Date.UTC(gy, gm - 1, gd);
  const first = wallMidnight - tehranOffsetMs(new Date(wallMidnight));
  const second = wallMidnight - tehranOffsetMs(new Date(first));
  const onTargetDay = [first, second]
    .filter((t) => {
      const w = tehranWallClock(new Date(t));
      return w.year === gy && w.month === gm && w.day === gd;
    })
    .sort((a, b) => a - b);
  return new Date(onTargetDay[0] ?? second);
}

/** Jalali date and time of instant `d` in Tehran. */
export function toJalaliParts(d: Date): JalaliParts {
  const w = tehranWallClock(d);
  const calendarDay = new Date(w.year, w.month - 1, w.day, 12);
  return {
    year: getYear(calendarDay),
    month: getMonth(calendarDay) + 1,
    day: getDate(calendarDay),
    hour: w.hour,
    minute: w.minute,
  };
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** «۱۴۰۵/۰۹/۰۲» — the Tehran calendar day of `d`. */
export function formatJalaliDate(d: Date): string {
  const p = toJalaliParts(d);
  return toPersianDigits(`${p.year}/${pad2(p.month)}/${pad2(p.day)}`);
}

/** «۱۴۰۵/۰۹/۰۲ ساعت ۱۴:۳۰» — Tehran date and 24-hour time. */
export function formatJalaliDateTime(d: Date): string {
  const p = toJalaliParts(d);
  return toPersianDigits(`${p.year}/${pad2(p.month)}/${pad2(p.day)} ساعت ${pad2(p.hour)}:${pad2(p.minute)}`);
}

/** «۲ آذر ۱۴۰۵» */
export function formatJalaliLong(d: Date): string {
  const p = toJalaliParts(d);
  return toPersianDigits(`${p.day} ${JALALI_MONTH_NAMES[p.month - 1]} ${p.year}`);
}

type Analysis = { ok: true; year: number; month: number; day: number } | { ok: false; issue: string };

// yyyy/mm/dd or yyyy-mm-dd with 1- or 2-digit month and day (digits already ASCII).
const DATE_PATTERN = /^([1-9]\d{3})[/-](\d{1,2})[/-](\d{1,2})$/;

function daysInJalaliMonth(year: number, month: number): number {
  if (month <= 6) return 31;
  if (month <= 11) return 30;
  return isExists(year, 11, 30) ? 30 : 29; // Esfand has 30 days only in leap years
}

function analyse(input: string): Analysis {
  const text = toAsciiDigits(input).trim();
  if (text === "") return { ok: false, issue: "تاریخ را وارد کنید." };
  const m = DATE_PATTERN.exec(text);
  if (!m) return { ok: false, issue: "تاریخ را به شکل ۱۴۰۳/۰۱/۱۵ وارد کنید." };
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return { ok: false, issue: "ماه باید عددی بین ۱ تا ۱۲ باشد." };
  if (day < 1 || day > 31) return { ok: false, issue: "روز باید عددی بین ۱ تا ۳۱ باشد." };
  // The library is the authority on which days exist (leap years follow the official calendar).
  if (!isExists(year, month - 1, day)) {
    const name = JALALI_MONTH_NAMES[month - 1];
    const days = daysInJalaliMonth(year, month);
    return { ok: false, issue: toPersianDigits(`این تاریخ وجود ندارد؛ ${name} ${year} فقط ${days} روز دارد.`) };
  }
  return { ok: true, year, month, day };
}

/** Persian message for an invalid Jalali date string, or null if it is a real date. */
export function jalaliDateIssue(input: string): string | null {
  const a = analyse(input);
  return a.ok ? null : a.issue;
}

/** Canonical "yyyy/mm/dd" with ASCII digits (the form stored in form state), or null. */
export function normalizeJalaliDate(input: string): string | null {
  const a = analyse(input);
  return a.ok ? `${a.year}/${pad2(a.month)}/${pad2(a.day)}` : null;
}

/** The instant at which the given Jalali day begins in Tehran (00:00), or null if the date is invalid. */
export function parseJalaliDate(input: string): Date | null {
  const a = analyse(input);
  if (!a.ok) return null;
  const calendarDay = newDate(a.year, a.month - 1, a.day, 12);
  return startOfTehranDay(calendarDay.getFullYear(), calendarDay.getMonth() + 1, calendarDay.getDate());
}

/**
 * A calendar day with no time of day (a `@db.Date` column: a staff member's birth date) for
 * the given Jalali date: UTC midnight of its Gregorian date, which a `date` column keeps as it
 * is. (parseJalaliDate's start of the Tehran day is the evening before in UTC, and a `date`
 * column would keep that day: one day early.) Null if the date is invalid.
 */
export function parseJalaliDay(input: string): Date | null {
  const a = analyse(input);
  if (!a.ok) return null;
  const calendarDay = newDate(a.year, a.month - 1, a.day, 12);
  return new Date(Date.UTC(calendarDay.getFullYear(), calendarDay.getMonth(), calendarDay.getDate()));
}

/** «۱۳۷۰/۰۳/۱۵» of a calendar day stored as a `date` (UTC midnight), whatever the server's time zone. */
export function formatJalaliDay(d: Date): string {
  const calendarDay = new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 12);
  return toPersianDigits(`${getYear(calendarDay)}/${pad2(getMonth(calendarDay) + 1)}/${pad2(getDate(calendarDay))}`);
}

/**
 * Remaining time as «۳ روز و ۴ ساعت و ۵ دقیقه», truncated to whole minutes
 * (a countdown must not claim more time than is left); zero units are omitted.
 */
export function formatCountdown(ms: number): string {
  if (!(ms > 0)) return "پایان یافته"; // also covers NaN
  if (!Number.isFinite(ms)) throw new RangeError("Countdown must be finite");
  const totalMinutes = Math.floor(ms / 60_000);
  if (totalMinutes === 0) return "کمتر از یک دقیقه";
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  const parts: string[] = [];
  if (days) parts.push(`${days} روز`);
  if (hours) parts.push(`${hours} ساعت`);
  if (minutes) parts.push(`${minutes} دقیقه`);
  return toPersianDigits(parts.join(" و "));
}

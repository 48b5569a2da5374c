import { isExists } from "date-fns-jalali";
import { formatNumberFa, toPersianDigits } from "@/lib/format/digits";
import {
  formatCountdown,
  formatJalaliDate,
  formatJalaliDateTime,
  formatJalaliLong,
  jalaliDateIssue,
  normalizeJalaliDate,
  parseJalaliDate,
  tehranOffsetMs,
  tehranWallClock,
  toJalaliParts,
} from "@/lib/format/jalali";

describe("toPersianDigits", () => {
  test.each<[string | number, string]>([
    [0, "۰"],
    [1234567890, "۱۲۳۴۵۶۷۸۹۰"],
    [12.5, "۱۲٫۵"],
    [-3.25, "-۳٫۲۵"],
    [1e21, "۱۰۰۰۰۰۰۰۰۰۰۰۰۰۰۰۰۰۰۰۰۰"],
    ["1404/09/02", "۱۴۰۴/۰۹/۰۲"],
    ["2.5 امتیاز", "۲.۵ امتیاز"], // strings keep their dot
    ["٣ و 4", "۳ و ۴"], // Arabic-Indic digits become Persian too
    ["abc", "abc"],
  ])("toPersianDigits(%j) = %j", (input, expected) => {
    expect(toPersianDigits(input)).toBe(expected);
  });
});

describe("formatNumberFa", () => {
  test.each<[number, number | undefined, string]>([
    [0, undefined, "۰"],
    [999, undefined, "۹۹۹"],
    [1000, undefined, "۱٬۰۰۰"],
    [1234567, undefined, "۱٬۲۳۴٬۵۶۷"],
    [-1234567, undefined, "-۱٬۲۳۴٬۵۶۷"],
    [1234.5678, undefined, "۱٬۲۳۴٫۵۶۷۸"],
    [1234.5678, 2, "۱٬۲۳۴٫۵۷"],
    [87.5, 1, "۸۷٫۵"],
    [87, 2, "۸۷٫۰۰"],
    [0.5, 0, "۱"],
    [-0.001, 2, "۰٫۰۰"], // no "-0"
    [-0, undefined, "۰"],
  ])("formatNumberFa(%p, %p) = %j", (n, digits, expected) => {
    expect(formatNumberFa(n, digits)).toBe(expected);
  });
});

describe("Tehran wall clock", () => {
  test.each([
    // Since 2022 Iran keeps +03:30 all year.
    ["2024-06-01T20:29:59Z", { year: 2024, month: 6, day: 1, hour: 23, minute: 59, second: 59 }, 210],
    ["2024-06-01T20:30:00Z", { year: 2024, month: 6, day: 2, hour: 0, minute: 0, second: 0 }, 210],
    ["2024-06-01T21:00:00Z", { year: 2024, month: 6, day: 2, hour: 0, minute: 30, second: 0 }, 210],
    // Summer 2021 still had DST (+04:30): the offset must come from the tz database, not a constant.
    ["2021-06-01T20:00:00Z", { year: 2021, month: 6, day: 2, hour: 0, minute: 30, second: 0 }, 270],
  ])("%s", (iso, wall, offsetMinutes) => {
    const d = new Date(iso);
    expect(tehranWallClock(d)).toEqual(wall);
    expect(tehranOffsetMs(d)).toBe(offsetMinutes * 60_000);
  });

  test("invalid dates throw instead of formatting garbage", () => {
    expect(() => formatJalaliDate(new Date("nope"))).toThrow(RangeError);
  });
});

describe("Jalali formatting", () => {
  // 2024-03-20 was 1 Farvardin 1403, so 2024-06-01 is 12 Khordad 1403 (12 + 31 + 31 − … counted by hand).
  test.each([
    ["2024-06-01T20:29:59Z", "۱۴۰۳/۰۳/۱۲", "۱۴۰۳/۰۳/۱۲ ساعت ۲۳:۵۹", "۱۲ خرداد ۱۴۰۳"],
    ["2024-06-01T21:00:00Z", "۱۴۰۳/۰۳/۱۳", "۱۴۰۳/۰۳/۱۳ ساعت ۰۰:۳۰", "۱۳ خرداد ۱۴۰۳"], // 21:00 UTC is already tomorrow in Tehran
    ["2026-11-23T08:05:00Z", "۱۴۰۵/۰۹/۰۲", "۱۴۰۵/۰۹/۰۲ ساعت ۱۱:۳۵", "۲ آذر ۱۴۰۵"],
    ["2025-03-20T20:29:00Z", "۱۴۰۳/۱۲/۳۰", "۱۴۰۳/۱۲/۳۰ ساعت ۲۳:۵۹", "۳۰ اسفند ۱۴۰۳"],
    ["2025-03-20T20:30:00Z", "۱۴۰۴/۰۱/۰۱", "۱۴۰۴/۰۱/۰۱ ساعت ۰۰:۰۰", "۱ فروردین ۱۴۰۴"],
    ["2025-12-31T23:59:00Z", "۱۴۰۴/۱۰/۱۱", "۱۴۰۴/۱۰/۱۱ ساعت ۰۳:۲۹", "۱۱ دی ۱۴۰۴"],
  ])("%s", (iso, date, dateTime, long) => {
    const d = new Date(iso);
    expect(formatJalaliDate(d)).toBe(date);
    expect(formatJalaliDateTime(d)).toBe(dateTime);
    expect(formatJalaliLong(d)).toBe(long);
  });

  test("toJalaliParts gives numeric Tehran fields", () => {
    expect(toJalaliParts(new Date("2024-06-01T21:00:00Z"))).toEqual({ year: 1403, month: 3, day: 13, hour: 0, minute: 30 });
  });
});

describe("parseJalaliDate", () => {
  test("date-fns-jalali agrees that 1403 and 1399 are leap years and 1404, 1400 are not", () => {
    expect([1399, 1400, 1403, 1404].map((y) => isExists(y, 11, 30))).toEqual([true, false, true, false]);
  });

  test.each([
    // Tehran midnight = 20:30 UTC of the previous Gregorian day at +03:30.
    ["1403/12/30", "2025-03-19T20:30:00.000Z"], // Esfand 30 exists in leap 1403
    ["1399/12/30", "2021-03-19T20:30:00.000Z"],
    ["1404/01/01", "2025-03-20T20:30:00.000Z"],
    ["1403/06/31", "2024-09-20T20:30:00.000Z"],
    ["۱۴۰۵/۰۹/۰۲", "2026-11-22T20:30:00.000Z"],
    ["١٤٠٥/٠٩/٠٢", "2026-11-22T20:30:00.000Z"],
    ["1405-9-2", "2026-11-22T20:30:00.000Z"],
    [" 1405/9/02 ", "2026-11-22T20:30:00.000Z"],
    // DST years: midnight was +04:30.
    ["1400/03/01", "2021-05-21T19:30:00.000Z"],
    // On 2 Farvardin 1387 DST began at 00:00, so that day started at 01:00 (+04:30) = 20:30 UTC.
    ["1387/01/02", "2008-03-20T20:30:00.000Z"],
  ])("%j → %s", (input, iso) => {
    expect(parseJalaliDate(input)?.toISOString()).toBe(iso);
    expect(jalaliDateIssue(input)).toBeNull();
  });

  test.each([
    ["1404/12/30", "این تاریخ وجود ندارد؛ اسفند ۱۴۰۴ فقط ۲۹ روز دارد."], // 1404 is not leap
    ["1400/12/30", "این تاریخ وجود ندارد؛ اسفند ۱۴۰۰ فقط ۲۹ روز دارد."],
    ["1403/07/31", "این تاریخ وجود ندارد؛ مهر ۱۴۰۳ فقط ۳۰ روز دارد."],
    ["1403/13/01", "ماه باید عددی بین ۱ تا ۱۲ باشد."],
    ["1403/00/10", "ماه باید عددی بین ۱ تا ۱۲ باشد."],
    ["1403/01/32", "روز باید عددی بین ۱ تا ۳۱ باشد."],
    ["1403/01/00", "روز باید عددی بین ۱ تا ۳۱ باشد."],
    ["03/01/15", "تاریخ را به شکل ۱۴۰۳/۰۱/۱۵ وارد کنید."],
    ["1403/001/15", "تاریخ را به شکل ۱۴۰۳/۰۱/۱۵ وارد کنید."],
    ["1403.01.15", "تاریخ را به شکل ۱۴۰۳/۰۱/۱۵ وارد کنید."],
    ["فردا", "تاریخ را به شکل ۱۴۰۳/۰۱/۱۵ وارد کنید."],
    ["", "تاریخ را وارد کنید."],
  ])("%j is rejected with %j", (input, message) => {
    expect(parseJalaliDate(input)).toBeNull();
    expect(normalizeJalaliDate(input)).toBeNull();
    expect(jalaliDateIssue(input)).toBe(message);
  });

  test.each([
    ["۱۴۰۳-۱-۵", "1403/01/05"],
    ["1403/1/15", "1403/01/15"],
    ["1403/12/30", "1403/12/30"],
  ])("normalizeJalaliDate(%j) = %j", (input, expected) => {
    expect(normalizeJalaliDate(input)).toBe(expected);
  });

  test.each([1387, 1401, 1403, 1404])("every day of %i round-trips parse → format and starts at Tehran 00:00", (year) => {
    let previous: Date | null = null;
    let days = 0;
    for (let month = 1; month <= 12; month++) {
      for (let day = 1; day <= 31; day++) {
        const text = `${year}/${String(month).padStart(2, "0")}/${String(day).padStart(2, "0")}`;
        const d = parseJalaliDate(text);
        if (d === null) continue;
        days++;
        expect(formatJalaliDate(d)).toBe(toPersianDigits(text));
        // Each day starts at midnight, except the DST-start day whose first instant is 01:00.
        expect(tehranWallClock(d).minute).toBe(0);
        expect(tehranWallClock(d).hour).toBeLessThanOrEqual(1);
        // The instant just before belongs to the previous day.
        if (previous) expect(formatJalaliDate(new Date(d.getTime() - 1))).toBe(formatJalaliDate(previous));
        previous = d;
      }
    }
    expect(days).toBe(year === 1387 || year === 1403 ? 366 : 365);
  });

  test("results do not depend on the runtime time zone", () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ["UTC", "America/Sao_Paulo", "Pacific/Kiritimati", "Asia/Tehran"]) {
        process.env.TZ = tz;
        expect(parseJalaliDate("1403/12/30")?.toISOString()).toBe("2025-03-19T20:30:00.000Z");
        expect(formatJalaliDate(new Date("2024-06-01T21:00:00Z"))).toBe("۱۴۰۳/۰۳/۱۳");
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe("formatCountdown", () => {
  const MIN = 60_000;
  const HOUR = 60 * MIN;
  const DAY = 24 * HOUR;
  test.each([
    [3 * DAY + 4 * HOUR + 5 * MIN, "۳ روز و ۴ ساعت و ۵ دقیقه"],
    [3 * DAY + 4 * HOUR + 5 * MIN + 59_999, "۳ روز و ۴ ساعت و ۵ دقیقه"], // truncated, never rounded up
    [DAY, "۱ روز"],
    [2 * DAY + 7 * MIN, "۲ روز و ۷ دقیقه"],
    [12 * HOUR, "۱۲ ساعت"],
    [45 * MIN, "۴۵ دقیقه"],
    [59_999, "کمتر از یک دقیقه"],
    [1, "کمتر از یک دقیقه"],
    [0, "پایان یافته"],
    [-5 * MIN, "پایان یافته"],
    [Number.NaN, "پایان یافته"],
  ])("formatCountdown(%p) = %j", (ms, expected) => {
    expect(formatCountdown(ms)).toBe(expected);
  });
});

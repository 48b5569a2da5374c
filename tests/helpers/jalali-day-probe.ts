// Prints how Jalali dates round-trip through the date-only conversions, for
// tests/unit/jalali-day.test.ts, which runs it under several TZ settings.
import { formatJalaliDate, formatJalaliDay, parseJalaliDate, parseJalaliDay } from "@/lib/format/jalali";

const dates = ["1370/03/15", "1372/07/01", "1403/12/30", "1399/01/01", "1370/06/31"];
console.log(
  JSON.stringify(
    dates.map((d) => ({
      input: d,
      dayIso: parseJalaliDay(d)!.toISOString(),
      day: formatJalaliDay(parseJalaliDay(d)!),
      // A `date` column keeps the UTC calendar date of what it is given: what the old code stored.
      viaDateColumn: formatJalaliDay(new Date(`${parseJalaliDay(d)!.toISOString().slice(0, 10)}T00:00:00Z`)),
      instant: formatJalaliDate(parseJalaliDate(d)!),
    })),
  ),
);

// Date-only fields (a staff member's birth date, a `date` column) must come back as the day
// that was typed, whatever the time zone of the server: Tehran, UTC and a negative offset.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { parseJalaliDate } from "@/lib/format/jalali";

const root = path.resolve(__dirname, "../..");
const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");

test.each(["Asia/Tehran", "UTC", "America/Los_Angeles"])("under TZ=%s every day round-trips to itself", (tz) => {
  const out = execFileSync(process.execPath, [tsx, "tests/helpers/jalali-day-probe.ts"], {
    cwd: root,
    env: { ...process.env, TZ: tz },
    encoding: "utf8",
  });
  const rows = JSON.parse(out) as { input: string; dayIso: string; day: string; viaDateColumn: string; instant: string }[];
  const fa = (s: string) => s.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]!);
  for (const r of rows) {
    expect({ input: r.input, day: r.day, viaDateColumn: r.viaDateColumn, instant: r.instant }).toEqual({
      input: r.input,
      day: fa(r.input),
      viaDateColumn: fa(r.input),
      instant: fa(r.input),
    });
    expect(r.dayIso).toMatch(/T00:00:00\.000Z$/);
  }
  expect(rows.find((r) => r.input === "1370/03/15")!.dayIso).toBe("1991-06-05T00:00:00.000Z");
});

test("the start of the Tehran day is the evening before in UTC: why a date column needs parseJalaliDay", () => {
  expect(parseJalaliDate("1370/03/15")!.toISOString().slice(0, 10)).toBe("1991-06-04");
});

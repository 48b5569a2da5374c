// The columns of a round's results export, the same for CSV and XLSX: the office, one column
// per criterion of the round's rule set (its points), the negative points, the total, the
// rank, the status and the dates. Numbers stay numbers (ASCII, so spreadsheets compute with
// them); labels and Jalali dates are Persian text as on screen — Persian digits also keep a
// spreadsheet from reading «1405/09/02» as a Gregorian date.
import { formatJalaliDate } from "@/lib/format/jalali";
import { OFFICE_TYPE_LABEL } from "@/lib/format/labels";
import { STATUS_LABEL, type StatusKey } from "@/lib/dashboard/labels";
import type { OfficeType } from "@/lib/generated/prisma/enums";

export type ExportCell = string | number | null;

/** One office of the round, as read for the export (lib/export/round-results.ts). */
export type ResultRow = {
  code: string;
  name: string;
  region: string;
  province: string;
  officeType: OfficeType;
  status: StatusKey;
  submittedAt: Date | null;
  approvedAt: Date | null;
  finalizedAt: Date | null;
  score: number | null;
  rank: number | null;
  negative: number | null;
  /** Criterion key → points, from the latest score snapshot; null without one. */
  points: Record<string, number> | null;
};

export type ExportColumn = { header: string; /** In characters, for the XLSX. */ width: number; cell: (r: ResultRow) => ExportCell };

// A Jalali date costs an Intl call (~15 µs); 20,000 rows have 60,000 dates but only a few
// thousand distinct half-hours. Tehran's offset is a whole number of half-hours, so its
// midnight falls on a UTC half-hour boundary and every instant of one half-hour has the same
// Tehran day: the label is cached per half-hour (the cache is emptied when it grows large).
const HALF_HOUR = 1_800_000;
const dayLabels = new Map<number, string>();

function date(d: Date | null): string | null {
  if (!d) return null;
  const key = Math.floor(d.getTime() / HALF_HOUR);
  let label = dayLabels.get(key);
  if (label === undefined) {
    if (dayLabels.size >= 20_000) dayLabels.clear();
    label = formatJalaliDate(d);
    dayLabels.set(key, label);
  }
  return label;
}

export function exportColumns(criteria: readonly { key: string; title: string }[]): ExportColumn[] {
  return [
    { header: "کد دفتر", width: 12, cell: (r) => r.code },
    { header: "نام دفتر", width: 30, cell: (r) => r.name },
    { header: "منطقه", width: 12, cell: (r) => r.region },
    { header: "استان", width: 16, cell: (r) => r.province },
    { header: "نوع دفتر", width: 26, cell: (r) => OFFICE_TYPE_LABEL[r.officeType] },
    ...criteria.map((c): ExportColumn => ({ header: c.title, width: 14, cell: (r) => (r.points ? (r.points[c.key] ?? null) : null) })),
    { header: "امتیاز منفی", width: 12, cell: (r) => r.negative },
    { header: "امتیاز کل", width: 12, cell: (r) => r.score },
    { header: "رتبه", width: 8, cell: (r) => r.rank },
    { header: "وضعیت", width: 18, cell: (r) => STATUS_LABEL[r.status] },
    { header: "تاریخ ارسال", width: 13, cell: (r) => date(r.submittedAt) },
    { header: "تاریخ تأیید منطقه", width: 15, cell: (r) => date(r.approvedAt) },
    { header: "تاریخ قطعی شدن", width: 15, cell: (r) => date(r.finalizedAt) },
  ];
}

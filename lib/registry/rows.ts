// One registry row → normalised values, or its errors (row number as in the file, the
// column, a Persian sentence). Pure: the provinces and "now" are given. Duplicates across
// the file (office code, licence number, holder national ID) are found by findDuplicates.
import type { LicenceStatus, OfficeType, PersonType } from "@/lib/generated/prisma/enums";
import { formatJalaliDate, jalaliDateIssue, parseJalaliDate } from "@/lib/format/jalali";
import { toPersianDigits } from "@/lib/format/digits";
import { nationalIdIssue, normalizeNationalId } from "@/lib/validation/national-id";
import { normalizeMobile } from "@/lib/validation/phone";
import { normalizePostalCode, postalCodeIssue } from "@/lib/validation/postal-code";
import { normalizePersianName, persianNameIssue } from "@/lib/validation/persian-name";
import { normalizePersianLetters, toAsciiDigits } from "@/lib/validation/normalize";
import { COLUMN_TITLE, REQUIRED_COLUMNS, type ColumnKey } from "./columns";
import type { CsvRow } from "./csv";

export type RowError = { line: number; column: ColumnKey | null; message: string };

/**
 * An identifier (office code, licence number) inside a Persian sentence: Persian digits, in a
 * bidi isolate (U+2068 … U+2069) so that "PK-1399-31002" is not reordered by the RTL text around it.
 */
export const ident = (s: string) => `\u2068${toPersianDigits(s)}\u2069`;

export type RegistryRow = {
  line: number;
  officeCode: string;
  officeName: string;
  officeType: OfficeType;
  personType: PersonType;
  provinceId: number;
  city: string;
  address: string;
  /** null: the file leaves it empty (the stored value is kept). */
  postalCode: string | null;
  licenceNumber: string;
  licenceIssuedAt: Date;
  licenceExpiresAt: Date;
  licenceStatus: LicenceStatus;
  holderNationalId: string;
  holderFirstName: string;
  holderLastName: string;
  /** null: the file leaves it empty (the stored value is kept). */
  holderMobile: string | null;
};

// ───────────── normalisers shared with the duplicate check ─────────────

/** Letters and digits only compare: case, spaces, ZWNJ, tatweel, hyphens and the letter variants do not matter. */
function looseKey(s: string): string {
  return normalizePersianLetters(toAsciiDigits(s))
    .replace(/[آأإ]/g, "ا")
    .replace(/ة/g, "ه")
    .replace(/ؤ/g, "و")
    .toLowerCase()
    .replace(/[\s\u200c\u200e\u200f\u0640_\-()]/g, "");
}

/** Free text: ی/ک unified, invisible marks removed, spaces collapsed. Digits are kept as written. */
function cleanText(s: string): string {
  return normalizePersianLetters(s)
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, "")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}

const normalizeOfficeCode = (s: string) =>
  toAsciiDigits(s)
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "")
    .trim();
const normalizeLicenceNumber = (s: string) =>
  toAsciiDigits(s)
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "")
    .trim();

export type ProvinceIndex = ReadonlyMap<string, number>;

/** Province names as keys that survive ی/ي, ک/ك, extra spaces, a leading «استان». */
export function provinceIndex(provinces: readonly { id: number; name: string }[]): ProvinceIndex {
  return new Map(provinces.map((p) => [looseKey(p.name), p.id]));
}

function provinceKey(s: string): string {
  return looseKey(cleanText(s).replace(/^استان\s*/, ""));
}

const OFFICE_TYPES: Record<string, OfficeType> = {};
for (const [value, names] of [
  ["PISHKHAN_GOVERNMENT", ["PISHKHAN_GOVERNMENT", "پیشخوان دولتی", "دفتر پیشخوان دولتی", "پیشخوان خدمات دولت", "دفتر پیشخوان خدمات دولت"]],
  [
    "PISHKHAN_NON_GOVERNMENT",
    ["PISHKHAN_NON_GOVERNMENT", "پیشخوان غیردولتی", "دفتر پیشخوان غیردولتی", "پیشخوان غیردولتی عمومی", "دفتر پیشخوان غیردولتی عمومی"],
  ],
  ["RURAL_ICT", ["RURAL_ICT", "ICT روستایی", "دفتر ICT روستایی", "دفتر فناوری اطلاعات و ارتباطات روستایی"]],
] as const) {
  for (const n of names) OFFICE_TYPES[looseKey(n)] = value;
}
const PERSON_TYPES: Record<string, PersonType> = {
  [looseKey("REAL")]: "REAL",
  [looseKey("حقیقی")]: "REAL",
  [looseKey("LEGAL")]: "LEGAL",
  [looseKey("حقوقی")]: "LEGAL",
};
const LICENCE_STATUSES: Record<string, LicenceStatus> = {
  [looseKey("VALID")]: "VALID",
  [looseKey("معتبر")]: "VALID",
  [looseKey("EXPIRED")]: "EXPIRED",
  [looseKey("منقضی")]: "EXPIRED",
  [looseKey("منقضی شده")]: "EXPIRED",
  [looseKey("INCOMPLETE")]: "INCOMPLETE",
  [looseKey("ناقص")]: "INCOMPLETE",
};

const OFFICE_CODE = /^[A-Za-z0-9][A-Za-z0-9-]{0,19}$/;
const LICENCE_NUMBER = /^[^\s"'<>]{3,40}$/u;
const length = (s: string) => Array.from(s.replaceAll("\u200c", "")).length;
const MIN_JALALI_YEAR = 1300;
const MAX_JALALI_YEAR = 1499;

type ParsedDate = { date: Date } | { issue: string };
// Parsing a Jalali date reads the Tehran wall clock through Intl several times (~50 µs); a
// registry file repeats the same dates thousands of times, so results are remembered.
const dateCache = new Map<string, ParsedDate>();

function parseDateCell(raw: string): ParsedDate {
  const key = raw.trim();
  const hit = dateCache.get(key);
  if (hit) return hit;
  let parsed: ParsedDate;
  const issue = jalaliDateIssue(key);
  if (issue) parsed = { issue };
  else {
    const year = Number(toAsciiDigits(key).slice(0, 4));
    parsed =
      year < MIN_JALALI_YEAR || year > MAX_JALALI_YEAR
        ? { issue: "تاریخ باید شمسی باشد (مانند ۱۴۰۳/۰۲/۱۵)، نه میلادی." }
        : { date: parseJalaliDate(key)! };
  }
  if (dateCache.size >= 20_000) dateCache.clear();
  dateCache.set(key, parsed);
  return parsed;
}

function dateOf(raw: string, column: ColumnKey, line: number, errors: RowError[]): Date | null {
  const parsed = parseDateCell(raw);
  if ("issue" in parsed) {
    errors.push({ line, column, message: parsed.issue });
    return null;
  }
  return new Date(parsed.date.getTime()); // a copy: Dates are mutable
}

/**
 * The stored status: the file's, or from the date when the column is empty. A licence whose
 * expiry day has begun is EXPIRED even if the file says VALID (the date wins).
 */
export function licenceStatusFor(given: LicenceStatus | null, expiresAt: Date, now: Date): LicenceStatus {
  if (expiresAt.getTime() <= now.getTime() && given !== "INCOMPLETE") return "EXPIRED";
  return given ?? "VALID";
}

export type RowContext = { provinces: ProvinceIndex; now: Date };

/** Validates and normalises one row; every problem is reported, not only the first. */
export function validateRow(row: CsvRow, ctx: RowContext): { ok: true; row: RegistryRow } | { ok: false; errors: RowError[] } {
  const { line } = row;
  const errors: RowError[] = [];
  const raw = (k: ColumnKey) => row.cells[k] ?? "";
  const err = (column: ColumnKey | null, message: string) => errors.push({ line, column, message });
  if (row.extraCells) err(null, "این ردیف بیش از ستون‌های سطر عنوان خانه دارد؛ شاید متنی با ویرگول بدون گیومه نوشته شده است.");
  const empty = new Set(REQUIRED_COLUMNS.filter((k) => raw(k).trim() === ""));
  for (const k of empty) err(k, `«${COLUMN_TITLE[k]}» خالی است.`);
  const has = (k: ColumnKey) => !empty.has(k);

  const officeCode = normalizeOfficeCode(raw("office_code"));
  if (has("office_code") && !OFFICE_CODE.test(officeCode))
    err("office_code", "کد دفتر فقط حرف لاتین، رقم و خط تیره است (حداکثر ۲۰ نویسه).");

  const officeName = cleanText(raw("office_name"));
  if (has("office_name") && (length(officeName) < 3 || length(officeName) > 120)) err("office_name", "نام دفتر باید ۳ تا ۱۲۰ نویسه باشد.");

  const officeType = OFFICE_TYPES[looseKey(raw("office_type"))];
  if (has("office_type") && !officeType) err("office_type", "نوع دفتر باید «پیشخوان دولتی»، «پیشخوان غیردولتی» یا «ICT روستایی» باشد.");

  const personType = PERSON_TYPES[looseKey(raw("person_type"))];
  if (has("person_type") && !personType) err("person_type", "نوع شخصیت باید «حقیقی» یا «حقوقی» باشد.");

  const provinceId = ctx.provinces.get(provinceKey(raw("province")));
  if (has("province") && provinceId === undefined)
    err("province", `استان «${cleanText(raw("province"))}» شناخته نشد؛ نام یکی از استان‌ها را بنویسید (مانند «خراسان رضوی»).`);

  const city = cleanText(raw("city"));
  if (has("city") && (length(city) < 2 || length(city) > 60)) err("city", "نام شهر باید ۲ تا ۶۰ نویسه باشد.");

  const address = cleanText(raw("address"));
  if (has("address") && (length(address) < 5 || length(address) > 300)) err("address", "نشانی باید ۵ تا ۳۰۰ نویسه باشد.");

  let postalCode: string | null = null;
  if (raw("postal_code").trim() !== "") {
    const issue = postalCodeIssue(raw("postal_code"));
    if (issue) err("postal_code", issue);
    else postalCode = normalizePostalCode(raw("postal_code"));
  }

  const licenceNumber = normalizeLicenceNumber(raw("licence_number"));
  if (has("licence_number") && !LICENCE_NUMBER.test(licenceNumber))
    err("licence_number", "شماره پروانه باید ۳ تا ۴۰ نویسه و بدون فاصله باشد.");

  const issuedAt = has("licence_issued") ? dateOf(raw("licence_issued"), "licence_issued", line, errors) : null;
  const expiresAt = has("licence_expires") ? dateOf(raw("licence_expires"), "licence_expires", line, errors) : null;
  if (issuedAt && issuedAt.getTime() > ctx.now.getTime()) err("licence_issued", "تاریخ صدور پروانه در آینده است.");
  if (issuedAt && expiresAt && expiresAt.getTime() <= issuedAt.getTime())
    err("licence_expires", "تاریخ انقضای پروانه باید پس از تاریخ صدور آن باشد.");

  let givenStatus: LicenceStatus | null = null;
  if (raw("licence_status").trim() !== "") {
    givenStatus = LICENCE_STATUSES[looseKey(raw("licence_status"))] ?? null;
    if (!givenStatus) err("licence_status", "وضعیت پروانه باید «معتبر»، «منقضی» یا «ناقص» باشد (یا خالی بماند).");
  }

  const nationalId = normalizeNationalId(raw("holder_national_id"));
  if (has("holder_national_id")) {
    const issue = nationalIdIssue(raw("holder_national_id"));
    if (issue) err("holder_national_id", issue.replace("کد ملی", "کد ملی دارنده"));
  }

  const name = (k: "holder_first_name" | "holder_last_name", label: string) => {
    const value = normalizePersianName(raw(k)).replace(/ {2,}/g, " ");
    if (has(k)) {
      const issue = persianNameIssue(value, label);
      if (issue) err(k, issue);
    }
    return value;
  };
  const firstName = name("holder_first_name", "نام دارنده");
  const lastName = name("holder_last_name", "نام خانوادگی دارنده");

  let mobile: string | null = null;
  if (raw("holder_mobile").trim() !== "") {
    mobile = normalizeMobile(raw("holder_mobile"));
    if (!mobile) err("holder_mobile", "تلفن همراه دارنده معتبر نیست؛ آن را به شکل ۰۹۱۲۱۲۳۴۵۶۷ بنویسید.");
  }

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    row: {
      line,
      officeCode,
      officeName,
      officeType: officeType!,
      personType: personType!,
      provinceId: provinceId!,
      city,
      address,
      postalCode,
      licenceNumber,
      licenceIssuedAt: issuedAt!,
      licenceExpiresAt: expiresAt!,
      licenceStatus: licenceStatusFor(givenStatus, expiresAt!, ctx.now),
      holderNationalId: nationalId,
      holderFirstName: firstName,
      holderLastName: lastName,
      holderMobile: mobile,
    },
  };
}

const KEYS = [
  { column: "office_code", of: (r: CsvRow) => normalizeOfficeCode(r.cells.office_code ?? ""), what: "کد دفتر" },
  { column: "licence_number", of: (r: CsvRow) => normalizeLicenceNumber(r.cells.licence_number ?? ""), what: "شماره پروانه" },
  { column: "holder_national_id", of: (r: CsvRow) => normalizeNationalId(r.cells.holder_national_id ?? ""), what: "کد ملی دارنده" },
] as const;

/**
 * Rows of the file that share an office code, a licence number or a holder's national ID
 * (one row = one office, one licence, one holder). Every such row is refused: the file does
 * not say which one is right.
 */
export function findDuplicates(rows: readonly CsvRow[]): RowError[] {
  const errors: RowError[] = [];
  for (const { column, of, what } of KEYS) {
    const lines = new Map<string, number[]>();
    for (const r of rows) {
      const key = of(r);
      if (key === "") continue;
      const list = lines.get(key);
      if (list) list.push(r.line);
      else lines.set(key, [r.line]);
    }
    for (const [key, list] of lines) {
      if (list.length < 2) continue;
      for (const line of list) {
        const others = list.filter((l) => l !== line).slice(0, 5);
        const more = list.length - 1 > others.length ? " و …" : "";
        errors.push({
          line,
          column,
          message: `${what} «${ident(key)}» در ردیف ${others.map((l) => toPersianDigits(l)).join("، ")}${more} هم آمده است؛ هر دفتر، پروانه و دارنده فقط یک ردیف دارد.`,
        });
      }
    }
  }
  return errors;
}

/** For messages and samples: a date as the file would write it. */
export const jalaliText = (d: Date) => formatJalaliDate(d);

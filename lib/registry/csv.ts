// Reading and writing the registry's CSV files (pure: no I/O). RFC 4180 with the tolerance
// real exports need: UTF-8 with or without BOM, CRLF or LF, quoted fields holding commas,
// line breaks and doubled quotes, blank lines skipped; a header row naming the columns by
// their English key or their Persian title. File-level problems (not UTF-8, a spreadsheet
// instead of CSV, missing columns, too many rows) are one Persian sentence; row-level
// problems are left to ./rows.ts.
import { formatNumberFa, toPersianDigits } from "@/lib/format/digits";
import { normalizePersianLetters } from "@/lib/validation/normalize";
import { COLUMN_TITLE, MAX_DATA_ROWS, MAX_FILE_BYTES, REGISTRY_COLUMNS, REQUIRED_COLUMNS, type ColumnKey } from "./columns";

export type FileFailure = { ok: false; message: string };

export const MAX_FILE_MB = toPersianDigits(MAX_FILE_BYTES / (1024 * 1024));
export const FILE_TOO_LARGE_MESSAGE = `حجم فایل بیش از ${MAX_FILE_MB} مگابایت است. فایل را به چند فایل کوچک‌تر تقسیم کنید.`;

const NOT_UTF8_MESSAGE =
  "فایل با کدگذاری UTF-8 ذخیره نشده است (شاید Windows-1256 یا «ANSI»). در Excel هنگام ذخیره «CSV UTF-8 (Comma delimited)» را انتخاب کنید و دوباره بارگذاری کنید.";

/** The text of a UTF-8 file without its BOM, or why it is not one. */
export function decodeCsvBytes(bytes: Uint8Array): { ok: true; text: string } | FileFailure {
  if (bytes.byteLength === 0) return { ok: false, message: "فایل خالی است." };
  if (bytes.byteLength > MAX_FILE_BYTES) return { ok: false, message: FILE_TOO_LARGE_MESSAGE };
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return {
      ok: false,
      message: "این فایل Excel (xlsx) است، نه CSV. در Excel آن را با «CSV UTF-8 (Comma delimited)» ذخیره کنید و دوباره بارگذاری کنید.",
    };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      ok: false,
      message: "فایل با کدگذاری UTF-16 (Unicode text) ذخیره شده است. آن را با «CSV UTF-8 (Comma delimited)» ذخیره کنید.",
    };
  }
  let text: string;
  try {
    // fatal: a byte sequence that is not UTF-8 throws instead of becoming U+FFFD; the BOM is removed.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: NOT_UTF8_MESSAGE };
  }
  if (text.includes("\u0000")) return { ok: false, message: "این فایل متنی نیست. فایل CSV با کدگذاری UTF-8 بارگذاری کنید." };
  return { ok: true, text };
}

/** The separator of the header line: a comma, or a semicolon or tab when the line has no comma. */
export function detectDelimiter(text: string): "," | ";" | "\t" {
  const end = text.search(/[\r\n]/);
  const first = end === -1 ? text : text.slice(0, end);
  const count = (ch: string) => first.split(ch).length - 1;
  if (count(",") > 0) return ",";
  if (count(";") > 0) return ";";
  if (count("\t") > 0) return "\t";
  return ",";
}

export type CsvParse = { ok: true; records: string[][] } | { ok: false; message: string; record: number };

/**
 * RFC 4180 records. A quoted field may hold the delimiter, CR/LF and doubled quotes; text
 * after a closing quote is kept (lenient); a quote inside an unquoted field is a character.
 * A quote that is never closed is an error naming the record where it opened (1-based).
 */
export function parseCsv(text: string, delimiter = ","): CsvParse {
  const records: string[][] = [];
  const n = text.length;
  const d = delimiter.charCodeAt(0);
  const LF = 10;
  const CR = 13;
  const QUOTE = 34;
  let row: string[] = [];
  let i = 0;
  if (n === 0) return { ok: true, records };
  for (;;) {
    let field: string;
    if (text.charCodeAt(i) === QUOTE) {
      let value = "";
      let at = i + 1;
      for (;;) {
        const q = text.indexOf('"', at);
        if (q === -1) return { ok: false, message: "unterminated", record: records.length + 1 };
        value += text.slice(at, q);
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += '"';
          at = q + 2;
          continue;
        }
        at = q + 1;
        break;
      }
      let j = at;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === d || c === LF || c === CR) break;
        j++;
      }
      field = j > at ? value + text.slice(at, j) : value;
      i = j;
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === d || c === LF || c === CR) break;
        j++;
      }
      field = text.slice(i, j);
      i = j;
    }
    row.push(field);
    if (i >= n) {
      records.push(row);
      return { ok: true, records };
    }
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      if (i >= n) {
        row.push("");
        records.push(row);
        return { ok: true, records };
      }
      continue;
    }
    // A line break: CRLF, LF or a lone CR.
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    records.push(row);
    row = [];
    if (i >= n) return { ok: true, records };
  }
}

/** Key of a header cell: case, spaces, ZWNJ, "_" and "-" do not matter; ي/ك are ی/ک. */
function headerKey(s: string): string {
  return normalizePersianLetters(s)
    .toLowerCase()
    .replace(/[\s\u200c\u200e\u200f\ufeff_-]/g, "");
}

const HEADER_LOOKUP = new Map<string, ColumnKey>();
for (const c of REGISTRY_COLUMNS) {
  HEADER_LOOKUP.set(headerKey(c.key), c.key);
  HEADER_LOOKUP.set(headerKey(c.title), c.key);
}

const columnLabel = (key: ColumnKey) => `«${COLUMN_TITLE[key]}» (${key})`;

export type HeaderMap = { index: Partial<Record<ColumnKey, number>>; width: number; ignored: string[] };

/** Which column is where; unknown columns are ignored (and named), missing required ones refused. */
export function mapHeader(header: readonly string[]): { ok: true; header: HeaderMap } | FileFailure {
  const index: Partial<Record<ColumnKey, number>> = {};
  const ignored: string[] = [];
  for (const [i, cell] of header.entries()) {
    const raw = cell.trim();
    if (raw === "") continue;
    const key = HEADER_LOOKUP.get(headerKey(raw));
    if (!key) {
      ignored.push(raw);
      continue;
    }
    if (index[key] !== undefined) return { ok: false, message: `ستون ${columnLabel(key)} در سطر عنوان دو بار آمده است.` };
    index[key] = i;
  }
  if (Object.keys(index).length === 0) {
    return {
      ok: false,
      message:
        "سطر اول فایل باید عنوان ستون‌ها باشد، اما هیچ ستون شناخته‌شده‌ای در آن نیست. الگوی فایل را دریافت کنید و ستون‌ها را مانند آن نام‌گذاری کنید.",
    };
  }
  const missing = REQUIRED_COLUMNS.filter((k) => index[k] === undefined);
  if (missing.length > 0) return { ok: false, message: `این ستون‌ها در سطر عنوان نیستند: ${missing.map(columnLabel).join("، ")}.` };
  return { ok: true, header: { index, width: header.length, ignored } };
}

/** One data row: its number in the file (the header is row 1) and its cells by column. */
export type CsvRow = { line: number; cells: Partial<Record<ColumnKey, string>>; extraCells: boolean };

export type RegistryFile = { ok: true; rows: CsvRow[]; ignoredColumns: string[]; delimiter: string };

/** Bytes → header-checked rows, or the one reason the file cannot be read. */
export function readRegistryFile(bytes: Uint8Array): RegistryFile | FileFailure {
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return decoded;
  const delimiter = detectDelimiter(decoded.text);
  const parsed = parseCsv(decoded.text, delimiter);
  if (!parsed.ok) {
    return {
      ok: false,
      message: `در ردیف ${toPersianDigits(parsed.record)} یک گیومه (") باز شده و بسته نشده است؛ فایل از آنجا به بعد خوانا نیست.`,
    };
  }
  const records = parsed.records;
  const blank = (r: string[]) => r.every((c) => c.trim() === "");
  const headerAt = records.findIndex((r) => !blank(r));
  if (headerAt === -1) return { ok: false, message: "فایل خالی است." };
  if (headerAt > 0) return { ok: false, message: "سطر اول فایل باید عنوان ستون‌ها باشد؛ سطرهای خالی ابتدای فایل را پاک کنید." };
  const mapped = mapHeader(records[0]!);
  if (!mapped.ok) return mapped;
  const { index, width, ignored } = mapped.header;
  const columns = Object.entries(index) as [ColumnKey, number][];
  const rows: CsvRow[] = [];
  for (let r = 1; r < records.length; r++) {
    const record = records[r]!;
    if (blank(record)) continue;
    const cells: Partial<Record<ColumnKey, string>> = {};
    for (const [key, at] of columns) cells[key] = record[at] ?? "";
    rows.push({ line: r + 1, cells, extraCells: record.length > width && record.slice(width).some((c) => c.trim() !== "") });
    if (rows.length > MAX_DATA_ROWS) break;
  }
  if (rows.length === 0) return { ok: false, message: "فایل جز سطر عنوان ردیفی ندارد." };
  if (rows.length > MAX_DATA_ROWS) {
    return { ok: false, message: `فایل بیش از ${formatNumberFa(MAX_DATA_ROWS)} ردیف دارد. آن را به چند فایل تقسیم کنید.` };
  }
  return { ok: true, rows, ignoredColumns: ignored, delimiter };
}

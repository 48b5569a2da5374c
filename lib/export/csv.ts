// CSV (RFC 4180) for spreadsheets: UTF-8 with a byte-order mark, so that Excel reads the
// Persian text as UTF-8 rather than the system code page; CRLF line ends; a field is quoted
// when it holds a quote, comma, semicolon (the list separator of some locales' Excel) or line
// break, its quotes doubled. The one CSV writer of the app: exports, the registry template and
// the registry import's error list.
//
// Formula injection: a spreadsheet runs a text cell that starts with = + - @ (or a tab or
// carriage return, which some strip first) as a formula, so such a cell gets a leading
// apostrophe — except a plain number such as "-12.5", which is data, not a formula.
import { concat } from "./bytes";
import type { ExportCell } from "./columns";

const encoder = new TextEncoder();
const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function csvField(value: ExportCell): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  let s = value;
  if (FORMULA_START.test(s) && !PLAIN_NUMBER.test(s)) s = `'${s}`;
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: readonly ExportCell[]): string {
  return `${cells.map(csvField).join(",")}\r\n`;
}

/** A whole (small) CSV file as text, BOM first. */
export function csvText(rows: readonly (readonly ExportCell[])[]): string {
  return `\uFEFF${rows.map(csvLine).join("")}`;
}

/** The bytes of a CSV file, in three parts so that the rows can be written as they are read. */
export function csvEncoder(headers: readonly string[]) {
  return {
    start: (): Uint8Array => concat([UTF8_BOM, encoder.encode(csvLine(headers))]),
    rows: (rows: readonly (readonly ExportCell[])[]): Uint8Array => encoder.encode(rows.map(csvLine).join("")),
    finish: (): Uint8Array => new Uint8Array(0),
  };
}

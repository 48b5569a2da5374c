// A one-sheet XLSX (Office Open XML, ISO/IEC 29500) written as a stream: the fixed parts are
// tiny; the sheet's rows are XML written and compressed one page at a time (zip.ts). Strings
// are inline (t="inlineStr") rather than in a shared-strings table, which would have to be
// complete before the sheet — i.e. the whole export in memory. An inline string is never a
// formula, so no formula-injection guard is needed here. The sheet reads right to left with
// its header row frozen and bold.
import { tehranWallClock } from "@/lib/format/jalali";
import { concat } from "./bytes";
import type { ExportCell } from "./columns";
import { ZipWriter } from "./zip";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const CONTENT_TYPES = `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;
const ROOT_RELS = `${XML_DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK_RELS = `${XML_DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;
// Style 0: normal; style 1: bold (the header). Tahoma has Persian glyphs on every Windows.
const STYLES = `${XML_DECL}<styleSheet xmlns="${MAIN}"><fonts count="2"><font><sz val="11"/><name val="Tahoma"/></font><font><b/><sz val="11"/><name val="Tahoma"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

// Characters XML 1.0 does not allow (C0 controls but tab, LF, CR; U+FFFE/FFFF; lone surrogates).
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(s: string): string {
  return s.replace(NOT_XML, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** "A", "B", …, "Z", "AA", … for column index 0, 1, … */
export function columnName(index: number): string {
  let n = index + 1;
  let name = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** A worksheet name: at most 31 characters, none of []:*?/\ (Excel refuses the file otherwise). */
export function sheetName(title: string): string {
  const clean = title
    .replace(/[[\]:*?/\\]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 31)
    .trim();
  return clean || "Sheet1";
}

function cellXml(ref: string, value: ExportCell, style = ""): string {
  if (value === null || (typeof value === "number" && !Number.isFinite(value))) return "";
  if (typeof value === "number") return `<c r="${ref}"${style}><v>${value}</v></c>`;
  const space = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${xmlText(value)}</t></is></c>`;
}

/** The bytes of an XLSX file in three parts: start (with the header row), pages of rows, finish. */
export function xlsxEncoder(columns: readonly { header: string; width: number }[], title: string, now = new Date()) {
  const zip = new ZipWriter(tehranWallClock(now));
  const refs = columns.map((_, i) => columnName(i));
  let row = 0;
  const rowXml = (cells: readonly ExportCell[], style = "") => {
    row += 1;
    return `<row r="${row}">${cells.map((v, i) => cellXml(`${refs[i]}${row}`, v, style)).join("")}</row>`;
  };
  const workbook = `${XML_DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets><sheet name="${xmlText(sheetName(title))}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  const cols = columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join("");
  return {
    start: (): Uint8Array =>
      concat([
        zip.file("[Content_Types].xml", CONTENT_TYPES),
        zip.file("_rels/.rels", ROOT_RELS),
        zip.file("xl/workbook.xml", workbook),
        zip.file("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
        zip.file("xl/styles.xml", STYLES),
        zip.begin("xl/worksheets/sheet1.xml"),
        zip.write(
          `${XML_DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView rightToLeft="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>${rowXml(
            columns.map((c) => c.header),
            ' s="1"',
          )}`,
        ),
      ]),
    rows: (rows: readonly (readonly ExportCell[])[]): Uint8Array => zip.write(rows.map((r) => rowXml(r)).join("")),
    finish: (): Uint8Array => concat([zip.write("</sheetData></worksheet>"), zip.end(), zip.finish()]),
  };
}

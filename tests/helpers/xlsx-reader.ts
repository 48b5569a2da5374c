// Reads an XLSX the way a spreadsheet program starts to: the ZIP's central directory, each
// part inflated and its CRC-32 checked (node:zlib's, independent of lib/export/zip.ts), then
// the first sheet's cells — inline strings, shared strings absent — as rows of values.
import zlib from "node:zlib";

export type ZipPart = { name: string; data: Buffer; flags: number };

export function readZip(file: Uint8Array): Map<string, ZipPart> {
  const buf = Buffer.from(file);
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error("no end of central directory");
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const parts = new Map<string, ZipPart>();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central header ${i}`);
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const crc = buf.readUInt32LE(at + 16);
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    const offset = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    at += 46 + nameLength + extra + comment;

    if (buf.readUInt32LE(offset) !== 0x04034b50) throw new Error(`bad local header of ${name}`);
    const start = offset + 30 + buf.readUInt16LE(offset + 26) + buf.readUInt16LE(offset + 28);
    const raw = buf.subarray(start, start + compressed);
    const data = method === 8 ? zlib.inflateRawSync(raw) : Buffer.from(raw);
    if (data.length !== size) throw new Error(`size of ${name}: ${data.length} ≠ ${size}`);
    if (zlib.crc32(data) !== crc) throw new Error(`CRC of ${name}`);
    if (flags & 0x0008) {
      // The data descriptor after the data repeats CRC and sizes.
      const d = start + compressed;
      if (
        buf.readUInt32LE(d) !== 0x08074b50 ||
        buf.readUInt32LE(d + 4) !== crc ||
        buf.readUInt32LE(d + 8) !== compressed ||
        buf.readUInt32LE(d + 12) !== size
      ) {
        throw new Error(`data descriptor of ${name}`);
      }
    }
    parts.set(name, { name, data, flags });
  }
  return parts;
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** Column letters to a 0-based index ("A" → 0, "AA" → 26). */
function columnIndex(letters: string): number {
  return [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
}

/** The rows of the first sheet: strings and numbers by column, null for an empty cell. */
export function readSheet(file: Uint8Array): { rows: (string | number | null)[][]; parts: Map<string, ZipPart>; sheetXml: string } {
  const parts = readZip(file);
  const sheet = parts.get("xl/worksheets/sheet1.xml");
  if (!sheet) throw new Error("no sheet1");
  const sheetXml = sheet.data.toString("utf8");
  const rows: (string | number | null)[][] = [];
  for (const row of sheetXml.matchAll(/<row r="(\d+)"[^>]*>(.*?)<\/row>/gs)) {
    const index = Number(row[1]) - 1;
    const cells: (string | number | null)[] = [];
    for (const c of row[2]!.matchAll(/<c r="([A-Z]+)(\d+)"([^>]*)>(.*?)<\/c>/gs)) {
      if (Number(c[2]) !== index + 1) throw new Error(`cell ${c[1]}${c[2]} in row ${index + 1}`);
      const col = columnIndex(c[1]!);
      while (cells.length < col) cells.push(null);
      const inline = /<t(?: [^>]*)?>(.*?)<\/t>/s.exec(c[4]!);
      cells[col] = c[3]!.includes('t="inlineStr"') ? unescape(inline?.[1] ?? "") : Number(/<v>(.*?)<\/v>/.exec(c[4]!)?.[1]);
    }
    rows[index] = cells;
  }
  return { rows, parts, sheetXml };
}

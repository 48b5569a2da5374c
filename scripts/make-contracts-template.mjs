#!/usr/bin/env node
// Writes public/templates/contracts-list.docx: the Word form in which a holder lists the
// office's service contracts (step 1 of the self-declaration, «فهرست قراردادهای خدمات»).
// A real, minimal .docx — a ZIP with [Content_Types].xml, _rels/.rels and
// word/document.xml — built here with node:zlib (deflate) and a hand-written CRC-32, so
// no dependency is needed. The output is deterministic (fixed timestamps): re-running the
// script gives the same bytes. Run: node scripts/make-contracts-template.mjs
import fs from "node:fs";
import path from "node:path";
import { deflateRawSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "public", "templates", "contracts-list.docx");

// ---------- the document ----------
const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const fa = (n) => String(n).replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]);

function run(text, { bold = false, size = 22 } = {}) {
  const b = bold ? "<w:b/><w:bCs/>" : "";
  return (
    `<w:r><w:rPr><w:rFonts w:ascii="Tahoma" w:hAnsi="Tahoma" w:cs="Tahoma"/>${b}<w:rtl/>` +
    `<w:sz w:val="${size}"/><w:szCs w:val="${size}"/><w:lang w:bidi="fa-IR"/></w:rPr>` +
    `<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`
  );
}

function para(text, { bold = false, size = 22, center = false, after = 120 } = {}) {
  const jc = center ? '<w:jc w:val="center"/>' : "";
  return `<w:p><w:pPr><w:bidi/><w:spacing w:after="${after}"/>${jc}</w:pPr>${text ? run(text, { bold, size }) : ""}</w:p>`;
}

const COLUMNS = [
  { title: "ردیف", width: 700 },
  { title: "نام دستگاه طرف قرارداد", width: 2500 },
  { title: "موضوع قرارداد", width: 2438 },
  { title: "شماره قرارداد", width: 1500 },
  { title: "تاریخ شروع", width: 1250 },
  { title: "تاریخ پایان", width: 1250 },
];
const TABLE_WIDTH = COLUMNS.reduce((s, c) => s + c.width, 0); // A4 (11906) minus 2 cm margins
const ROWS = 15;

function cell(text, width, { header = false } = {}) {
  const shade = header ? '<w:shd w:val="clear" w:color="auto" w:fill="D9E2F3"/>' : "";
  return (
    `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${shade}<w:vAlign w:val="center"/></w:tcPr>` +
    `${para(text, { bold: header, size: header ? 20 : 20, center: true, after: 0 })}</w:tc>`
  );
}

const border = (side) => `<w:${side} w:val="single" w:sz="6" w:space="0" w:color="000000"/>`;
const table =
  `<w:tbl><w:tblPr><w:bidiVisual/><w:tblW w:w="${TABLE_WIDTH}" w:type="dxa"/>` +
  `<w:tblBorders>${["top", "left", "bottom", "right", "insideH", "insideV"].map(border).join("")}</w:tblBorders>` +
  `<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
  `<w:tblGrid>${COLUMNS.map((c) => `<w:gridCol w:w="${c.width}"/>`).join("")}</w:tblGrid>` +
  `<w:tr><w:trPr><w:tblHeader/><w:trHeight w:val="567"/></w:trPr>${COLUMNS.map((c) => cell(c.title, c.width, { header: true })).join("")}</w:tr>` +
  Array.from(
    { length: ROWS },
    (_, i) =>
      `<w:tr><w:trPr><w:trHeight w:val="454"/></w:trPr>${COLUMNS.map((c, j) => cell(j === 0 ? fa(i + 1) : "", c.width)).join("")}</w:tr>`,
  ).join("") +
  `</w:tbl>`;

const body = [
  para("سازمان تنظیم مقررات و ارتباطات رادیویی", { bold: true, size: 24, center: true, after: 60 }),
  para("فهرست قراردادهای خدمات دفتر", { bold: true, size: 28, center: true, after: 240 }),
  para("نام دفتر: ........................................        کد دفتر: ....................."),
  para("نام و نام خانوادگی دارنده پروانه: ........................................"),
  para(
    "هر قرارداد خدمات دفتر را در یک ردیف بنویسید. تاریخ‌ها را به صورت سال/ماه/روز خورشیدی بنویسید (مانند ۱۴۰۴/۰۱/۱۵). اگر ردیف‌ها کافی نیست، ردیف اضافه کنید.",
    { size: 20, after: 200 },
  ),
  table,
  para("", { after: 240 }),
  para("با امضای این فهرست، درستی اطلاعات بالا را تایید می‌کنم."),
  para("نام، امضا و مهر دارنده پروانه: ........................................        تاریخ: ....................."),
  `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/><w:bidi/></w:sectPr>`,
].join("");

const files = [
  {
    name: "[Content_Types].xml",
    text:
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
      `</Types>`,
  },
  {
    name: "_rels/.rels",
    text:
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
      `</Relationships>`,
  },
  {
    name: "word/document.xml",
    text: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`,
  },
];

// ---------- the ZIP container (APPNOTE 6.3: local headers, central directory, EOCD) ----------
const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const DOS_TIME = 0; // 00:00:00
const DOS_DATE = ((2025 - 1980) << 9) | (1 << 5) | 1; // 2025-01-01

function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, "utf8");
    const deflated = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0, 6); // flags
    local.writeUInt16LE(8, 8); // method: deflate
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6); // version needed
    central.writeUInt16LE(0, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(deflated.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    // extra length, comment length, disk number, internal and external attributes: 0
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, deflated);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + deflated.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

const bytes = zip(files.map((f) => ({ name: f.name, data: Buffer.from(f.text, "utf8") })));
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, bytes);
console.log(`wrote ${path.relative(root, out)} (${bytes.length} bytes)`);

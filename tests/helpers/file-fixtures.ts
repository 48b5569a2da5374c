// Real, tiny files built byte by byte for the documents tests: a baseline JPEG, a PDF with
// a correct cross-reference table, and ZIP archives (a minimal .docx and others) written
// with deflate and CRC-32 like any archiver would.
import { crc32, deflateRawSync } from "node:zlib";

/**
 * An 8×8 grey baseline JPEG (JFIF): SOI, APP0, DQT, SOF0, two one-code Huffman tables,
 * SOS, one entropy-coded byte (DC difference 0, end of block), EOI.
 */
export function tinyJpeg(): Buffer {
  const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ""), "hex");
  const oneCodeTable = (classAndId: string) => hex(`FFC4 0014 ${classAndId} 01 ${"00".repeat(15)} 00`);
  return Buffer.concat([
    hex("FFD8"),
    hex("FFE0 0010 4A46494600 0101 00 0001 0001 00 00"),
    hex(`FFDB 0043 00 ${"01".repeat(64)}`),
    hex("FFC0 000B 08 0008 0008 01 01 11 00"),
    oneCodeTable("00"),
    oneCodeTable("10"),
    hex("FFDA 0008 01 01 00 00 3F 00"),
    hex("3F"),
    hex("FFD9"),
  ]);
}

/** A one-page PDF 1.4 whose xref offsets are computed, so any reader opens it. */
export function tinyPdf(): Buffer {
  const content = "0 0 1 rg 20 20 160 160 re f";
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let out = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

/** A ZIP archive (deflate) of the given entries: local headers, central directory, EOCD. */
export function zipArchive(entries: { name: string; text: string }[], opts: { comment?: string } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, text } of entries) {
    const data = Buffer.from(text, "utf8");
    const nameBytes = Buffer.from(name, "utf8");
    const packed = deflateRawSync(data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const comment = Buffer.from(opts.comment ?? "", "utf8");
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  eocd.writeUInt16LE(comment.length, 20);
  return Buffer.concat([...locals, cd, eocd, comment]);
}

export const DOCX_PARTS = {
  contentTypes: {
    name: "[Content_Types].xml",
    text:
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      "</Types>",
  },
  rels: {
    name: "_rels/.rels",
    text:
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      "</Relationships>",
  },
  document: {
    name: "word/document.xml",
    text:
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
      "<w:p><w:pPr><w:bidi/></w:pPr><w:r><w:rPr><w:rtl/></w:rPr><w:t>قرارداد</w:t></w:r></w:p></w:body></w:document>",
  },
};

/** The smallest package Word opens: content types, the package relationship, the body. */
export function tinyDocx(): Buffer {
  return zipArchive([DOCX_PARTS.contentTypes, DOCX_PARTS.rels, DOCX_PARTS.document]);
}

export function htmlFile(): Buffer {
  return Buffer.from('<!DOCTYPE html><html lang="fa"><body><script>alert(document.cookie)</script></body></html>', "utf8");
}

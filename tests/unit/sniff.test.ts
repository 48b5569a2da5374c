import fs from "node:fs";
import path from "node:path";
import { sniffFileType, zipEntryNames } from "@/lib/documents/sniff";
import { DOCX_PARTS, htmlFile, tinyDocx, tinyJpeg, tinyPdf, zipArchive } from "../helpers/file-fixtures";

describe("sniffFileType: the type is read from the bytes", () => {
  test("a real 8×8 baseline JPEG is jpeg", () => {
    expect(sniffFileType(tinyJpeg())).toBe("jpeg");
  });

  test("a JPEG followed by zero or whitespace padding is still jpeg", () => {
    expect(sniffFileType(Buffer.concat([tinyJpeg(), Buffer.alloc(64), Buffer.from("\r\n")]))).toBe("jpeg");
  });

  test("a real one-page PDF is pdf, also with a short preamble before %PDF-", () => {
    expect(sniffFileType(tinyPdf())).toBe("pdf");
    expect(sniffFileType(Buffer.concat([Buffer.alloc(500, 0x20), tinyPdf()]))).toBe("pdf");
  });

  test("%PDF- further than 1024 bytes into the file is not a PDF", () => {
    expect(sniffFileType(Buffer.concat([Buffer.alloc(1100, 0x20), tinyPdf()]))).toBeNull();
  });

  test("a minimal .docx built by hand (content types, relationships, word/document.xml) is docx", () => {
    const docx = tinyDocx();
    expect(zipEntryNames(docx)).toEqual(["[Content_Types].xml", "_rels/.rels", "word/document.xml"]);
    expect(sniffFileType(docx)).toBe("docx");
  });

  test("a .docx with an archive comment is still docx (the EOCD record is found behind it)", () => {
    expect(
      sniffFileType(
        zipArchive([DOCX_PARTS.contentTypes, DOCX_PARTS.rels, DOCX_PARTS.document], { comment: `PK\u0005\u0006${"x".repeat(40)}` }),
      ),
    ).toBe("docx");
  });

  test("the contracts-list template shipped in public/templates is a real docx", () => {
    const template = fs.readFileSync(path.join(process.cwd(), "public", "templates", "contracts-list.docx"));
    expect(zipEntryNames(template)).toEqual(expect.arrayContaining(["[Content_Types].xml", "_rels/.rels", "word/document.xml"]));
    expect(sniffFileType(template)).toBe("docx");
  });

  test("an HTML page renamed to .jpg is refused (null): the name plays no part", () => {
    expect(sniffFileType(htmlFile())).toBeNull();
  });

  test("an HTML page starting with the JPEG signature but without an end-of-image marker is refused", () => {
    expect(sniffFileType(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), htmlFile()]))).toBeNull();
  });

  test("a plain ZIP without word/document.xml is not a docx", () => {
    expect(
      sniffFileType(
        zipArchive([
          { name: "readme.txt", text: "hello" },
          { name: "data/a.csv", text: "1,2" },
        ]),
      ),
    ).toBeNull();
    expect(sniffFileType(zipArchive([DOCX_PARTS.contentTypes, { name: "xl/workbook.xml", text: "<workbook/>" }]))).toBeNull();
  });

  test("a ZIP with word/document.xml but no [Content_Types].xml is not a docx", () => {
    expect(sniffFileType(zipArchive([DOCX_PARTS.rels, DOCX_PARTS.document]))).toBeNull();
  });

  test("a macro-enabled Word document (word/vbaProject.bin) is refused", () => {
    expect(
      sniffFileType(
        zipArchive([DOCX_PARTS.contentTypes, DOCX_PARTS.rels, DOCX_PARTS.document, { name: "word/vbaProject.bin", text: "x" }]),
      ),
    ).toBeNull();
  });

  test("truncated files are refused", () => {
    const jpeg = tinyJpeg();
    const pdf = tinyPdf();
    const docx = tinyDocx();
    expect(sniffFileType(jpeg.subarray(0, jpeg.length - 3))).toBeNull();
    expect(sniffFileType(pdf.subarray(0, pdf.length - 20))).toBeNull();
    expect(sniffFileType(docx.subarray(0, docx.length - 10))).toBeNull();
    expect(sniffFileType(docx.subarray(0, Math.floor(docx.length / 2)))).toBeNull();
  });

  test("a ZIP whose central directory points outside the file is refused", () => {
    const docx = Buffer.from(tinyDocx());
    const eocd = docx.length - 22;
    docx.writeUInt32LE(docx.length + 100, eocd + 16); // central directory offset
    expect(sniffFileType(docx)).toBeNull();
  });

  test("a central directory entry whose local header offset is wrong is refused", () => {
    const docx = Buffer.from(tinyDocx());
    const cdOffset = docx.readUInt32LE(docx.length - 22 + 16);
    docx.writeUInt32LE(3, cdOffset + 42);
    expect(sniffFileType(docx)).toBeNull();
  });

  test("empty, tiny and random bytes are refused", () => {
    expect(sniffFileType(new Uint8Array())).toBeNull();
    expect(sniffFileType(Uint8Array.from([0xff, 0xd8]))).toBeNull();
    expect(sniffFileType(Buffer.from("PK\u0003\u0004"))).toBeNull();
    expect(sniffFileType(Buffer.from("GIF89a\u0001\u0000\u0001\u0000"))).toBeNull();
    const png = Buffer.from("89504E470D0A1A0A0000000D49484452", "hex");
    expect(sniffFileType(png)).toBeNull();
  });

  test("works on a Uint8Array view into a larger buffer", () => {
    const big = Buffer.concat([Buffer.from("junk"), tinyJpeg(), Buffer.from("junk")]);
    expect(sniffFileType(new Uint8Array(big.buffer, big.byteOffset + 4, big.length - 8))).toBe("jpeg");
  });
});

// Files that pass the type check (they really are PDFs, JPEGs and Word files) but carry a
// trap for the reviewer who opens them: each is named, and a clean file of each type passes.
import { unsafeContentOf } from "@/lib/documents/inspect";
import { sniffFileType } from "@/lib/documents/sniff";
import { readZipEntries, readZipTexts, ZipUnreadableError } from "@/lib/documents/zip-reader";
import { downloadFileName } from "@/lib/http/content-disposition";
import {
  cleanDocx,
  docxWithAttachedTemplate,
  docxWithDdeField,
  docxWithDdeSimpleField,
  docxWithExternalRelationship,
  docxWithMacroContentType,
  docxWithMacros,
  docxWithOleObject,
  docxZipBomb,
  jpegWithHtml,
  pdfHtmlPolyglot,
  pdfOf,
  pdfWithEmbeddedFile,
  pdfWithJavaScript,
  pdfWithJavaScriptInObjectStream,
  pdfWithLaunch,
  tinyDocx,
  tinyJpeg,
  tinyPdf,
  zipArchive,
} from "../helpers/file-fixtures";

describe("unsafeContentOf", () => {
  test("clean files of each type pass", () => {
    expect(unsafeContentOf("pdf", tinyPdf())).toBeNull();
    expect(unsafeContentOf("jpeg", tinyJpeg())).toBeNull();
    expect(unsafeContentOf("docx", tinyDocx())).toBeNull();
    expect(unsafeContentOf("docx", cleanDocx())).toBeNull();
    // A PDF that merely mentions the words in its text is not active.
    expect(unsafeContentOf("pdf", pdfOf({ extra: ["<< /Title (JavaScript and Launch are words) >>"] }))).toBeNull();
  });

  test.each([
    ["PDF/HTML polyglot", pdfHtmlPolyglot(), "html"],
    ["PDF with /JavaScript", pdfWithJavaScript(), "pdf_active"],
    ["PDF with /J#61vaScript", pdfWithJavaScript("J#61vaScript"), "pdf_active"],
    ["PDF with /#4a#61vaScript", pdfWithJavaScript("#4a#61vaScript"), "pdf_active"],
    ["PDF with /Launch", pdfWithLaunch(), "pdf_active"],
    ["PDF with /EmbeddedFile", pdfWithEmbeddedFile(), "pdf_active"],
    ["PDF with JavaScript in an object stream", pdfWithJavaScriptInObjectStream(), "pdf_active"],
    ["PDF with <SVG onload>", pdfOf({ afterHeader: "%<SVG/onload=alert(1)>\n" }), "html"],
  ])("%s: is a PDF by its bytes, and refused (%#)", (_, bytes, issue) => {
    expect(sniffFileType(bytes)).toBe("pdf");
    expect(unsafeContentOf("pdf", bytes)).toBe(issue);
  });

  test("a JPEG with a web page in a comment", () => {
    expect(sniffFileType(jpegWithHtml())).toBe("jpeg");
    expect(unsafeContentOf("jpeg", jpegWithHtml())).toBe("html");
  });

  test.each([
    ["external relationship", docxWithExternalRelationship(), "docx_external"],
    ["attachedTemplate", docxWithAttachedTemplate(), "docx_template"],
    ["DDEAUTO split over runs", docxWithDdeField(), "docx_field"],
    ["DDE in fldSimple with an entity", docxWithDdeSimpleField(), "docx_field"],
    ["macro content type", docxWithMacroContentType(), "docx_macro"],
    ["OLE object", docxWithOleObject(), "docx_ole"],
    ["zip bomb", docxZipBomb(), "docx_unreadable"],
  ])("Word file with %s is refused", (_, bytes, issue) => {
    expect(sniffFileType(bytes)).toBe("docx");
    expect(unsafeContentOf("docx", bytes)).toBe(issue);
  });

  test("attachedTemplate without an external target is still refused; macros (vbaProject.bin) too", () => {
    const local = docxWithAttachedTemplate();
    expect(unsafeContentOf("docx", local)).not.toBeNull();
    expect(unsafeContentOf("docx", docxWithMacros())).toBe("docx_macro");
  });

  test("a prefix other than w: does not hide an instruction", () => {
    const doc = zipArchive([
      { name: "[Content_Types].xml", text: "<Types/>" },
      {
        name: "word/document.xml",
        text: '<x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:body><x:p><x:r><x:instrText> ddeauto cmd</x:instrText></x:r></x:p></x:body></x:document>',
      },
    ]);
    expect(unsafeContentOf("docx", doc)).toBe("docx_field");
  });
});

describe("zip reader", () => {
  test("reads the entries and their texts; the inflated total is capped", () => {
    const entries = readZipEntries(tinyDocx());
    expect(entries.map((e) => e.name)).toEqual(["[Content_Types].xml", "_rels/.rels", "word/document.xml"]);
    const texts = readZipTexts(tinyDocx(), entries, (n) => n.endsWith(".xml"));
    expect(texts.get("word/document.xml")![0]!.toString("utf8")).toContain("قرارداد");
    expect(() => readZipTexts(docxZipBomb(), readZipEntries(docxZipBomb()), () => true)).toThrow(ZipUnreadableError);
  });

  test("more than 2000 entries is refused before anything is inflated", () => {
    const many = zipArchive(Array.from({ length: 2001 }, (_, i) => ({ name: `word/x${i}.xml`, text: "" })));
    expect(() => readZipEntries(many)).toThrow(ZipUnreadableError);
  });
});

describe("downloadFileName", () => {
  test.each([
    ["x.pdf.html", "pdf", "x.pdf"],
    ["x.html", "pdf", "x.pdf"],
    ["photo.jpeg", "jpg", "photo.jpg"],
    ["قرارداد.docx", "docx", "قرارداد.docx"],
    ["report", "pdf", "report.pdf"],
    ["a.pdf.exe.", "pdf", "a.pdf"],
    ["evil\u202Eexe.pdf", "pdf", "evilexe.pdf"],
    [".html", "jpg", "document.jpg"],
  ])("%s as %s → %s", (name, ext, expected) => {
    expect(downloadFileName(name, ext)).toBe(expected);
  });
});

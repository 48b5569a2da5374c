import { checkDocumentFile, sanitizeFileName } from "@/lib/declaration/upload-document";
import { StepInvalidError } from "@/lib/declaration/errors";
import { tooLargeMessage, wrongTypeMessage } from "@/lib/declaration/document-messages";
import { MAX_DOCUMENT_BYTES } from "@/lib/documents/kinds";
import { htmlFile, tinyDocx, tinyJpeg, tinyPdf } from "../helpers/file-fixtures";

function refusal(fn: () => unknown): StepInvalidError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StepInvalidError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("checkDocumentFile", () => {
  test("accepts JPEG and PDF for a photo kind, DOCX and PDF for the contracts list", () => {
    expect(checkDocumentFile("SIGNBOARD", tinyJpeg())).toEqual({ kind: "SIGNBOARD", type: "jpeg" });
    expect(checkDocumentFile("LICENCE", tinyPdf())).toEqual({ kind: "LICENCE", type: "pdf" });
    expect(checkDocumentFile("CONTRACTS_LIST", tinyDocx())).toEqual({ kind: "CONTRACTS_LIST", type: "docx" });
    expect(checkDocumentFile("CONTRACTS", tinyPdf())).toEqual({ kind: "CONTRACTS", type: "pdf" });
  });

  test("a Word file for a photo kind, and a JPEG for the contracts, are refused with the accepted types named", () => {
    const e1 = refusal(() => checkDocumentFile("DEGREE", tinyDocx()));
    expect(e1.fieldErrors.file).toBe("این فایل JPEG یا PDF نیست؛ نوع فایل از روی محتوای آن بررسی می‌شود، نه از روی نام آن.");
    const e2 = refusal(() => checkDocumentFile("CONTRACTS_LIST", tinyJpeg()));
    expect(e2.fieldErrors.file).toBe(wrongTypeMessage(["docx", "pdf"]));
    expect(e2.fieldErrors.file).toContain("Word (.docx) یا PDF");
  });

  test("an HTML page is refused whatever it is called", () => {
    expect(refusal(() => checkDocumentFile("SIGNBOARD", htmlFile())).fieldErrors.file).toContain("JPEG یا PDF نیست");
  });

  test("more than 2 MB is refused with a Persian message naming the size", () => {
    const big = Buffer.concat([tinyJpeg().subarray(0, -2), Buffer.alloc(MAX_DOCUMENT_BYTES), Buffer.from([0xff, 0xd9])]);
    const e = refusal(() => checkDocumentFile("SIGNBOARD", big));
    expect(e.fieldErrors.file).toBe(tooLargeMessage(big.length));
    expect(e.fieldErrors.file).toMatch(/^حجم فایل \(.+\) بیش از ۲ مگابایت است\./);
    expect(tooLargeMessage(MAX_DOCUMENT_BYTES + 1)).toContain("۲٬۰۹۷٬۱۵۳ بایت");
    expect(tooLargeMessage(3.5 * 1024 * 1024)).toContain("۳٫۵ مگابایت");
  });

  test("an unknown kind, or the objection attachment kind, is refused", () => {
    expect(refusal(() => checkDocumentFile("PASSPORT", tinyJpeg())).fieldErrors.kind).toBeDefined();
    expect(refusal(() => checkDocumentFile("OBJECTION_ATTACHMENT", tinyJpeg())).fieldErrors.kind).toBeDefined();
  });

  test("an empty file is refused", () => {
    expect(refusal(() => checkDocumentFile("SIGNBOARD", new Uint8Array())).fieldErrors.file).toContain("خالی");
  });
});

describe("sanitizeFileName", () => {
  test("keeps only the last path segment", () => {
    expect(sanitizeFileName("C:\\Users\\me\\تابلو.jpg")).toBe("تابلو.jpg");
    expect(sanitizeFileName("../../etc/passwd")).toBe("passwd");
  });

  test("drops control and bidi-override characters that could disguise an extension", () => {
    expect(sanitizeFileName("invoice\u202Egpj.exe")).toBe("invoicegpj.exe");
    expect(sanitizeFileName('a\u0000b"c.pdf')).toBe("abc.pdf");
  });

  test("cuts to 120 characters, keeping the extension", () => {
    const name = `${"ب".repeat(200)}.pdf`;
    const out = sanitizeFileName(name);
    expect(Array.from(out)).toHaveLength(120);
    expect(out.endsWith(".pdf")).toBe(true);
  });

  test("an empty or dot-only name gets a neutral one", () => {
    expect(sanitizeFileName("", "pdf")).toBe("file.pdf");
    expect(sanitizeFileName("...", "jpg")).toBe("file.jpg");
  });
});

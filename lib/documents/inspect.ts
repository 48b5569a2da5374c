// What an uploaded file carries besides its content, for the reviewer's sake: a PDF that is
// also a web page or runs a script, a Word file that fetches something from outside (an
// external template, a linked picture, a DDE field), runs macros or embeds programs. The
// type has been read from the bytes already (sniff.ts); this says whether a file of that
// type is safe to hand to a reviewer. Pure apart from node:zlib (the Word parts are inflated
// under limits, lib/documents/zip-reader.ts).
import { inflateSync } from "node:zlib";
import type { FileType } from "@/lib/documents/kinds";
import { MAX_TOTAL_INFLATED, readZipEntries, readZipTexts, ZipUnreadableError } from "@/lib/documents/zip-reader";

export type UnsafeContent =
  | "html" // HTML or script markup inside a PDF or JPEG (a polyglot)
  | "pdf_active" // /JavaScript, /JS, /Launch, embedded files … in a PDF
  | "pdf_unreadable" // an object stream we cannot decode to inspect
  | "docx_external" // a relationship with TargetMode="External"
  | "docx_template" // attachedTemplate
  | "docx_field" // DDE / DDEAUTO / INCLUDE… field instructions
  | "docx_macro" // vbaProject.bin, macro-enabled content types
  | "docx_ole" // OLE objects, word/embeddings/, ActiveX, altChunk
  | "docx_unreadable"; // encrypted, unsupported or bomb-sized

// A tag of a web page: the name followed by what a browser accepts after it.
const HTML_MARKER = /<(?:html|script|body|iframe|svg|object|embed)[\s>/]|<!doctype[\s>]/i;

/** PDF names that run code, open programs or carry files (compared after #xx decoding). */
const PDF_ACTIVE_NAMES = new Set(["JavaScript", "JS", "Launch", "EmbeddedFile", "EmbeddedFiles", "XFA", "RichMedia"]);
// A name: "/" then regular characters (PDF 32000-1 §7.3.5; delimiters and white space end it).
const PDF_NAME = /\/([^\s()<>[\]{}/%\0]*)/g;

function decodeName(raw: string): string {
  return raw.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function hasActiveName(text: string): boolean {
  for (const m of text.matchAll(PDF_NAME)) if (PDF_ACTIVE_NAMES.has(decodeName(m[1]!))) return true;
  return false;
}

function namesIn(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(PDF_NAME)) out.add(decodeName(m[1]!));
  return out;
}

/**
 * Object streams (PDF 1.5+) keep dictionaries compressed, out of sight of a byte scan: each
 * one is inflated (FlateDecode only; any other filter or a predictor cannot be inspected
 * here and is refused) and scanned like the rest.
 */
function objectStreamIssue(text: string, bytes: Buffer): UnsafeContent | null {
  let budget = MAX_TOTAL_INFLATED;
  const keyword = /stream\r?\n/g;
  for (let m = keyword.exec(text); m; m = keyword.exec(text)) {
    if (text.slice(Math.max(0, m.index - 3), m.index) === "end") continue;
    // The stream's dictionary: the text before the keyword (generous, so nothing is missed).
    const head = text.slice(Math.max(0, m.index - 2048), m.index);
    const dictStart = head.lastIndexOf(" obj");
    const names = namesIn(dictStart >= 0 ? head.slice(dictStart) : head);
    if (!names.has("ObjStm")) continue;
    const filters = [...names].filter((n) => /Decode$|^(AHx|A85|LZW|RL|Fl|CCF|DCT)$/.test(n));
    if (names.has("DecodeParms") || filters.some((f) => f !== "FlateDecode" && f !== "Fl")) return "pdf_unreadable";
    const start = m.index + m[0].length;
    const end = text.indexOf("endstream", start);
    if (end < 0) return "pdf_unreadable";
    const data = bytes.subarray(start, end);
    let inflated: Buffer;
    if (filters.length === 0) inflated = data;
    else {
      try {
        inflated = inflateSync(data, { maxOutputLength: budget + 1, finishFlush: 2 /* Z_SYNC_FLUSH: tolerate a trailing EOL */ });
      } catch {
        return "pdf_unreadable";
      }
    }
    if (inflated.length > budget) return "pdf_unreadable";
    budget -= inflated.length;
    const inner = inflated.toString("latin1");
    if (HTML_MARKER.test(inner)) return "html";
    if (hasActiveName(inner)) return "pdf_active";
    keyword.lastIndex = end;
  }
  return null;
}

function pdfIssue(bytes: Buffer): UnsafeContent | null {
  const text = bytes.toString("latin1");
  if (HTML_MARKER.test(text)) return "html";
  if (hasActiveName(text)) return "pdf_active";
  return objectStreamIssue(text, bytes);
}

/** An XML part as text: UTF-8, or UTF-16 with its byte-order mark (both allowed by OPC). */
function xmlText(data: Buffer): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder("utf-16le").decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) {
    const swapped = Buffer.from(data.subarray(2));
    swapped.swap16();
    return new TextDecoder("utf-16le").decode(swapped);
  }
  return data.toString("utf8");
}

/** Numeric character references decoded, so "&#68;DE" is read as Word reads it. */
function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Math.min(parseInt(h, 16), 0x10ffff)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Math.min(Number(d), 0x10ffff)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

// Field codes that fetch or run something outside the document.
const DANGEROUS_FIELD = /(?:^|[\s"{])(?:DDE|DDEAUTO|INCLUDETEXT|INCLUDEPICTURE|INCLUDE|IMPORT|LINK)(?=[\s"}]|$)/i;
// Any namespace prefix (XML lets the file choose it): "w:", "x:" or none.
const P = String.raw`(?:[A-Za-z_][\w.-]*:)?`;
const INSTR_TEXT = new RegExp(String.raw`<${P}instrText\b[^>]*>([\s\S]*?)<\/${P}instrText\s*>`, "g");
const FLD_SIMPLE = new RegExp(String.raw`<${P}fldSimple\b[^>]*?\s${P}instr\s*=\s*("([^"]*)"|'([^']*)')`, "g");
const TEMPLATE = new RegExp(String.raw`<${P}attachedTemplate\b|/relationships/attachedTemplate`, "i");
const OLE = new RegExp(
  String.raw`<${P}OLEObject\b|<${P}object\b|<${P}altChunk\b|/relationships/(?:oleObject|package|control|aFChunk)\b`,
  "i",
);

/** The field instructions of a part: every instrText (concatenated, as Word joins split runs) and fldSimple's instr. */
function fieldInstructions(xml: string): string {
  const parts: string[] = [];
  for (const m of xml.matchAll(INSTR_TEXT)) parts.push(m[1]!.replace(/<!\[CDATA\[|\]\]>/g, ""));
  const joined = decodeEntities(parts.join(""));
  const simple = [...xml.matchAll(FLD_SIMPLE)].map((m) => decodeEntities(m[2] ?? m[3] ?? ""));
  return [joined, ...simple].join(" \n ");
}

function docxIssue(bytes: Buffer): UnsafeContent | null {
  try {
    const entries = readZipEntries(bytes);
    for (const e of entries) {
      const n = e.name.toLowerCase();
      if (n.endsWith("vbaproject.bin") || n.endsWith("vbadata.xml")) return "docx_macro";
      if (n.includes("embeddings/") || n.includes("oleobject") || n.includes("activex/")) return "docx_ole";
    }
    const texts = readZipTexts(bytes, entries, (name) => /\.(xml|rels)$/i.test(name));
    for (const [name, datas] of texts) {
      const lower = name.toLowerCase();
      for (const data of datas) {
        const raw = xmlText(data);
        const xml = decodeEntities(raw);
        if (lower.endsWith(".rels") && /TargetMode\s*=\s*["']\s*External\s*["']/i.test(xml)) return "docx_external";
        if (lower === "[content_types].xml" && /macroEnabled|vbaProject/i.test(xml)) return "docx_macro";
        if (TEMPLATE.test(xml)) return "docx_template";
        if (OLE.test(xml)) return "docx_ole";
        if (/\bDDEAUTO\b/i.test(xml) || DANGEROUS_FIELD.test(fieldInstructions(raw))) return "docx_field";
      }
    }
    return null;
  } catch (e) {
    if (e instanceof ZipUnreadableError) return "docx_unreadable";
    throw e;
  }
}

/** Why a file of `type` must not reach a reviewer, or null when it is clean. */
export function unsafeContentOf(type: FileType, bytes: Uint8Array): UnsafeContent | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (type === "pdf") return pdfIssue(buf);
  if (type === "docx") return docxIssue(buf);
  // A JPEG that is also a web page (markup in a comment or after an early end marker): the
  // download is safe anyway (image/jpeg, nosniff, sandbox), but such a file has no business here.
  return HTML_MARKER.test(buf.toString("latin1")) ? "html" : null;
}

// What a file really is, read from its bytes — never from its name or the type the
// browser claims. Pure (no Node APIs), so it can run anywhere and is unit-tested.
import type { FileType } from "@/lib/documents/kinds";

const PDF_HEADER = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const PDF_EOF = [0x25, 0x25, 0x45, 0x4f, 0x46]; // "%%EOF"
const ZIP_LOCAL = 0x04034b50; // "PK\x03\x04"
const ZIP_CENTRAL = 0x02014b50; // "PK\x01\x02"
const ZIP_EOCD = 0x06054b50; // "PK\x05\x06"
const EOCD_SIZE = 22;
const MAX_ZIP_COMMENT = 0xffff;

/**
 * "jpeg", "pdf" or "docx" when the bytes are a complete file of that type, else null.
 * - JPEG: starts with FF D8 FF and ends with the end-of-image marker FF D9 (trailing zero
 *   or whitespace padding tolerated), so a truncated photo is refused.
 * - PDF: "%PDF-" within the first 1024 bytes and "%%EOF" within the last 1024 (the
 *   tolerance readers apply), so a truncated PDF is refused.
 * - DOCX: a ZIP (local header at offset 0) whose end-of-central-directory record and
 *   central directory are intact and list "[Content_Types].xml" and "word/document.xml",
 *   each pointing at a real local header. A macro-enabled document (word/vbaProject.bin)
 *   is refused.
 */
export function sniffFileType(bytes: Uint8Array): FileType | null {
  if (isJpeg(bytes)) return "jpeg";
  if (isPdf(bytes)) return "pdf";
  if (isDocx(bytes)) return "docx";
  return null;
}

function startsWithAt(bytes: Uint8Array, at: number, pattern: readonly number[]): boolean {
  if (at < 0 || at + pattern.length > bytes.length) return false;
  for (let i = 0; i < pattern.length; i++) if (bytes[at + i] !== pattern[i]) return false;
  return true;
}

function indexOf(bytes: Uint8Array, pattern: readonly number[], from: number, to: number): number {
  const end = Math.min(to, bytes.length) - pattern.length;
  for (let i = Math.max(0, from); i <= end; i++) if (startsWithAt(bytes, i, pattern)) return i;
  return -1;
}

function isPadding(b: number): boolean {
  return b === 0x00 || b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

function isJpeg(bytes: Uint8Array): boolean {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8 || bytes[2] !== 0xff) return false;
  let end = bytes.length;
  while (end > 3 && isPadding(bytes[end - 1]!)) end--;
  return bytes[end - 2] === 0xff && bytes[end - 1] === 0xd9;
}

function isPdf(bytes: Uint8Array): boolean {
  if (indexOf(bytes, PDF_HEADER, 0, 1024) < 0) return false;
  return indexOf(bytes, PDF_EOF, bytes.length - 1024, bytes.length) >= 0;
}

function u16(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
}

/** The names in a ZIP's central directory, or null when the archive is not intact. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  if (bytes.length < EOCD_SIZE + 30 || u32(bytes, 0) !== ZIP_LOCAL) return null;
  // The EOCD record is the last thing in the file, followed only by its comment.
  let eocd = -1;
  for (let i = bytes.length - EOCD_SIZE; i >= Math.max(0, bytes.length - EOCD_SIZE - MAX_ZIP_COMMENT); i--) {
    if (u32(bytes, i) === ZIP_EOCD && i + EOCD_SIZE + u16(bytes, i + 20) === bytes.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  // Multi-disk and ZIP64 archives are not what Word writes for a small file: refuse them.
  if (u16(bytes, eocd + 4) !== 0 || u16(bytes, eocd + 6) !== 0 || entries === 0xffff || cdOffset === 0xffffffff) return null;
  if (cdOffset + cdSize > eocd) return null;

  const decoder = new TextDecoder("utf-8", { fatal: false });
  const names: string[] = [];
  let at = cdOffset;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > cdOffset + cdSize || u32(bytes, at) !== ZIP_CENTRAL) return null;
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const localOffset = u32(bytes, at + 42);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > cdOffset + cdSize) return null;
    if (localOffset + 30 > cdOffset || u32(bytes, localOffset) !== ZIP_LOCAL) return null;
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at = next;
  }
  return names;
}

function isDocx(bytes: Uint8Array): boolean {
  const names = zipEntryNames(bytes);
  if (!names) return false;
  const set = new Set(names);
  return set.has("[Content_Types].xml") && set.has("word/document.xml") && !set.has("word/vbaProject.bin");
}

// A small, strict ZIP reader for inspecting uploaded Word files (a .docx is a ZIP): the
// central directory is read, and the entries the caller asks for are inflated with
// node:zlib under hard limits, so that a zip bomb costs at most MAX_TOTAL_INFLATED bytes.
// Only what Word writes is accepted: stored or deflated entries, no encryption, no ZIP64,
// one disk. Anything else is "unreadable" and the caller refuses the file.
import { inflateRawSync } from "node:zlib";

const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_EOCD = 0x06054b50;
const EOCD_SIZE = 22;
const MAX_ZIP_COMMENT = 0xffff;

/** At most this many entries (a Word file has a few dozen; images add one each). */
export const MAX_ZIP_ENTRIES = 2000;
/** At most this many bytes inflated over all entries read (a zip bomb stops here). */
export const MAX_TOTAL_INFLATED = 20 * 1024 * 1024;

export type ZipEntry = {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  dataStart: number;
};

export class ZipUnreadableError extends Error {
  constructor(readonly reason: "structure" | "too_many_entries" | "too_large" | "unsupported") {
    super(`zip unreadable: ${reason}`);
    this.name = "ZipUnreadableError";
  }
}

function u16(b: Uint8Array, at: number): number {
  if (at + 2 > b.length) throw new ZipUnreadableError("structure");
  return b[at]! | (b[at + 1]! << 8);
}

function u32(b: Uint8Array, at: number): number {
  if (at + 4 > b.length) throw new ZipUnreadableError("structure");
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

/** The entries of the central directory, each checked against its local header. */
export function readZipEntries(bytes: Uint8Array): ZipEntry[] {
  if (bytes.length < EOCD_SIZE + 30 || u32(bytes, 0) !== ZIP_LOCAL) throw new ZipUnreadableError("structure");
  let eocd = -1;
  for (let i = bytes.length - EOCD_SIZE; i >= Math.max(0, bytes.length - EOCD_SIZE - MAX_ZIP_COMMENT); i--) {
    if (u32(bytes, i) === ZIP_EOCD && i + EOCD_SIZE + u16(bytes, i + 20) === bytes.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipUnreadableError("structure");
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (u16(bytes, eocd + 4) !== 0 || u16(bytes, eocd + 6) !== 0 || count === 0xffff || cdOffset === 0xffffffff)
    throw new ZipUnreadableError("unsupported");
  if (count > MAX_ZIP_ENTRIES) throw new ZipUnreadableError("too_many_entries");
  if (cdOffset + cdSize > eocd) throw new ZipUnreadableError("structure");

  const decoder = new TextDecoder("utf-8", { fatal: false });
  const entries: ZipEntry[] = [];
  let at = cdOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > cdOffset + cdSize || u32(bytes, at) !== ZIP_CENTRAL) throw new ZipUnreadableError("structure");
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const compressedSize = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const localOffset = u32(bytes, at + 42);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > cdOffset + cdSize) throw new ZipUnreadableError("structure");
    if (localOffset + 30 > cdOffset || u32(bytes, localOffset) !== ZIP_LOCAL) throw new ZipUnreadableError("structure");
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const dataStart = localOffset + 30 + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
    if (dataStart + compressedSize > cdOffset) throw new ZipUnreadableError("structure");
    if (flags & 0x1) throw new ZipUnreadableError("unsupported"); // encrypted: cannot be inspected
    if (method !== 0 && method !== 8) throw new ZipUnreadableError("unsupported");
    entries.push({ name, method, flags, compressedSize, size, dataStart });
    at = next;
  }
  return entries;
}

/**
 * Reads the contents of the entries `want` selects, sharing one budget of inflated bytes:
 * a stored or deflated entry that would inflate past the budget throws "too_large" (the
 * inflater itself is capped, whatever the sizes in the directory claim).
 */
export function readZipTexts(bytes: Uint8Array, entries: readonly ZipEntry[], want: (name: string) => boolean): Map<string, Buffer[]> {
  let budget = MAX_TOTAL_INFLATED;
  const out = new Map<string, Buffer[]>();
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const e of entries) {
    if (!want(e.name)) continue;
    const raw = buf.subarray(e.dataStart, e.dataStart + e.compressedSize);
    let data: Buffer;
    if (e.method === 0) {
      data = raw;
    } else {
      try {
        data = inflateRawSync(raw, { maxOutputLength: budget + 1 });
      } catch (err) {
        if (err instanceof RangeError || (err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE")
          throw new ZipUnreadableError("too_large");
        throw new ZipUnreadableError("structure");
      }
    }
    if (data.length > budget) throw new ZipUnreadableError("too_large");
    budget -= data.length;
    const list = out.get(e.name) ?? [];
    list.push(data);
    out.set(e.name, list);
  }
  return out;
}

// A ZIP archive written front to back (APPNOTE 6.3), for the XLSX export: small parts are
// added whole; one large part at a time is streamed — its local header announces a data
// descriptor (flag bit 3), so its CRC and sizes follow the data instead of preceding it.
// Every method returns the bytes to send next, so the archive never sits in memory.
//
// A streamed part is deflated segment by segment: each segment is raw deflate ending in a
// sync flush (an empty stored block, never a final block), and the part ends with an empty
// final block. Concatenated, the segments are one valid deflate stream (a decoder does not
// care that the encoder restarted its dictionary), and node:zlib's synchronous call does
// each segment without streams or callbacks. CRC-32 is node:zlib's (native, continuable).
// No ZIP64: 4 GB is far beyond a round's results.
import zlib from "node:zlib";
import { concat } from "./bytes";

const LIMIT = 0xffff_ffff;
const UTF8_NAMES = 0x0800;
const DATA_DESCRIPTOR = 0x0008;
const DEFLATE = 8;
const encoder = new TextEncoder();

type Entry = { name: Uint8Array; flags: number; crc: number; compressed: number; size: number; offset: number };

/** MS-DOS time and date fields of a wall-clock time (years before 1980 clamp to 1980). */
function dosDateTime(wall: { year: number; month: number; day: number; hour: number; minute: number; second: number }) {
  return {
    time: (wall.hour << 11) | (wall.minute << 5) | Math.floor(wall.second / 2),
    date: (Math.max(0, wall.year - 1980) << 9) | (wall.month << 5) | wall.day,
  };
}

export class ZipWriter {
  private offset = 0;
  private readonly entries: Entry[] = [];
  private open: (Entry & { deflate: true }) | null = null;
  private readonly stamp: { time: number; date: number };

  constructor(modified: { year: number; month: number; day: number; hour: number; minute: number; second: number }) {
    this.stamp = dosDateTime(modified);
  }

  /** A whole part: deflated at once, CRC and sizes in its header. */
  file(name: string, content: string | Uint8Array): Uint8Array {
    this.assertNoOpenPart();
    const data = typeof content === "string" ? encoder.encode(content) : content;
    const packed = zlib.deflateRawSync(data);
    const entry: Entry = {
      name: encoder.encode(name),
      flags: UTF8_NAMES,
      crc: zlib.crc32(data),
      compressed: packed.length,
      size: data.length,
      offset: this.offset,
    };
    this.entries.push(entry);
    return this.emit(this.localHeader(entry), packed);
  }

  /** Starts a streamed part; write() its data, then end() it. */
  begin(name: string): Uint8Array {
    this.assertNoOpenPart();
    const entry = {
      name: encoder.encode(name),
      flags: UTF8_NAMES | DATA_DESCRIPTOR,
      crc: 0,
      compressed: 0,
      size: 0,
      offset: this.offset,
      deflate: true as const,
    };
    this.open = entry;
    this.entries.push(entry);
    return this.emit(this.localHeader(entry));
  }

  /** The next piece of the streamed part, compressed. */
  write(content: string | Uint8Array): Uint8Array {
    const entry = this.requireOpenPart();
    const data = typeof content === "string" ? encoder.encode(content) : content;
    if (data.length === 0) return new Uint8Array(0);
    const packed = zlib.deflateRawSync(data, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
    entry.crc = zlib.crc32(data, entry.crc);
    entry.size += data.length;
    entry.compressed += packed.length;
    return this.emit(packed);
  }

  /** Ends the streamed part: the final deflate block, then the data descriptor. */
  end(): Uint8Array {
    const entry = this.requireOpenPart();
    const last = zlib.deflateRawSync(new Uint8Array(0));
    entry.compressed += last.length;
    this.open = null;
    const descriptor = new DataView(new ArrayBuffer(16));
    descriptor.setUint32(0, 0x08074b50, true);
    descriptor.setUint32(4, entry.crc, true);
    descriptor.setUint32(8, this.checked(entry.compressed), true);
    descriptor.setUint32(12, this.checked(entry.size), true);
    return this.emit(last, new Uint8Array(descriptor.buffer));
  }

  /** The central directory and its end record: the archive's last bytes. */
  finish(): Uint8Array {
    this.assertNoOpenPart();
    const start = this.offset;
    const headers = this.entries.map((e) => {
      const h = new DataView(new ArrayBuffer(46));
      h.setUint32(0, 0x02014b50, true);
      h.setUint16(4, 20, true); // made by: MS-DOS attributes, spec 2.0
      h.setUint16(6, 20, true);
      h.setUint16(8, e.flags, true);
      h.setUint16(10, DEFLATE, true);
      h.setUint16(12, this.stamp.time, true);
      h.setUint16(14, this.stamp.date, true);
      h.setUint32(16, e.crc, true);
      h.setUint32(20, this.checked(e.compressed), true);
      h.setUint32(24, this.checked(e.size), true);
      h.setUint16(28, e.name.length, true);
      // extra, comment, disk number, internal and external attributes: 0
      h.setUint32(42, this.checked(e.offset), true);
      return [new Uint8Array(h.buffer), e.name];
    });
    const directory = this.emit(...headers.flat());
    const end = new DataView(new ArrayBuffer(22));
    end.setUint32(0, 0x06054b50, true);
    end.setUint16(8, this.entries.length, true);
    end.setUint16(10, this.entries.length, true);
    end.setUint32(12, this.checked(this.offset - start), true);
    end.setUint32(16, this.checked(start), true);
    return concat([directory, this.emit(new Uint8Array(end.buffer))]);
  }

  private localHeader(e: Entry): Uint8Array {
    const h = new DataView(new ArrayBuffer(30));
    h.setUint32(0, 0x04034b50, true);
    h.setUint16(4, 20, true);
    h.setUint16(6, e.flags, true);
    h.setUint16(8, DEFLATE, true);
    h.setUint16(10, this.stamp.time, true);
    h.setUint16(12, this.stamp.date, true);
    // With a data descriptor, CRC and sizes stay 0 here.
    h.setUint32(14, e.crc, true);
    h.setUint32(18, e.compressed, true);
    h.setUint32(22, e.size, true);
    h.setUint16(26, e.name.length, true);
    return concat([new Uint8Array(h.buffer), e.name]);
  }

  private emit(...parts: Uint8Array[]): Uint8Array {
    const out = concat(parts);
    this.offset += out.length;
    this.checked(this.offset);
    return out;
  }

  private checked(n: number): number {
    if (n > LIMIT) throw new RangeError("ZIP without ZIP64 is limited to 4 GB");
    return n;
  }

  private requireOpenPart() {
    if (!this.open) throw new Error("no streamed part is open");
    return this.open;
  }

  private assertNoOpenPart() {
    if (this.open) throw new Error("a streamed part is still open");
  }
}

// The text of a PDF drawn by @react-pdf/renderer (pdfkit), enough for tests: content
// streams inflated, each font's ToUnicode map applied to its glyph codes (Vazirmatn is
// embedded as a Type0 font with 2-byte codes; a standard font such as Courier has 1-byte
// codes and no map). Returns one string per text-showing operator, in drawing order.
// react-pdf draws right-to-left runs in visual order, so a Persian run comes out reversed:
// `pdfContains` looks for a phrase as written or reversed.
import { inflateSync } from "node:zlib";

type CMap = { bytes: number; map: Map<number, string> };

function hexToString(hex: string): string {
  let out = "";
  for (let i = 0; i + 4 <= hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return out;
}

function parseCMap(text: string): CMap {
  const map = new Map<number, string>();
  const range = /begincodespacerange\s*<([0-9a-fA-F]+)>/.exec(text);
  const bytes = range ? range[1]!.length / 2 : 2;
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g))
      map.set(parseInt(m[1]!, 16), hexToString(m[2]!.replace(/\s+/g, "")));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F\s]+>)/g)) {
      const lo = parseInt(m[1]!, 16);
      const hi = parseInt(m[2]!, 16);
      if (m[3]!.startsWith("[")) {
        // An entry for a ligature holds several code points, written with spaces: <0644 0627>.
        [...m[3]!.matchAll(/<([0-9a-fA-F\s]+)>/g)].forEach((d, i) => map.set(lo + i, hexToString(d[1]!.replace(/\s+/g, ""))));
      } else {
        const base = hexToString(m[3]!.slice(1, -1).replace(/\s+/g, ""));
        for (let c = lo; c <= hi; c++) map.set(c, base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + c - lo));
      }
    }
  }
  return { bytes, map };
}

export function pdfTextRuns(pdf: Buffer): string[] {
  const raw = pdf.toString("latin1");
  const objects = new Map<number, { dict: string; stream: string | null }>();
  for (const m of raw.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2]!;
    const s = body.indexOf("stream");
    let stream: string | null = null;
    let dict = body;
    if (s >= 0) {
      dict = body.slice(0, s);
      const start = body[s + 6] === "\r" ? s + 8 : s + 7;
      const end = body.lastIndexOf("endstream");
      const bytes = Buffer.from(body.slice(start, end), "latin1");
      try {
        stream = /FlateDecode/.test(dict) ? inflateSync(bytes).toString("latin1") : bytes.toString("latin1");
      } catch {
        stream = null;
      }
    }
    objects.set(Number(m[1]), { dict, stream });
  }
  // Font resource names (pdfkit numbers them document-wide) → the font's ToUnicode map.
  const fonts = new Map<string, CMap | null>();
  for (const { dict } of objects.values()) {
    for (const block of dict.matchAll(/\/Font\s*<<([\s\S]*?)>>/g)) {
      for (const f of block[1]!.matchAll(/\/([A-Za-z0-9_.-]+)\s+(\d+) 0 R/g)) {
        const font = objects.get(Number(f[2]));
        const ref = font && /\/ToUnicode\s+(\d+) 0 R/.exec(font.dict);
        const cmap = ref ? objects.get(Number(ref[1]))?.stream : null;
        fonts.set(f[1]!, cmap ? parseCMap(cmap) : null);
      }
    }
  }
  const runs: string[] = [];
  for (const { dict, stream } of objects.values()) {
    if (!stream || /\/Length1|\/Subtype\s*\/(Image|Type1C|CIDFontType0C|XML)/.test(dict) || stream.includes("begincmap")) continue;
    let font: CMap | null = null;
    for (const op of stream.matchAll(/\/([A-Za-z0-9_.-]+)\s+[\d.]+\s+Tf|(\[(?:[^\]]*)\]\s*TJ|<[0-9a-fA-F]*>\s*Tj)/g)) {
      if (op[1]) {
        font = fonts.get(op[1]) ?? null;
        continue;
      }
      let text = "";
      for (const h of op[2]!.matchAll(/<([0-9a-fA-F]*)>/g)) {
        const hex = h[1]!;
        const step = (font?.bytes ?? 1) * 2;
        for (let i = 0; i + step <= hex.length; i += step) {
          const code = parseInt(hex.slice(i, i + step), 16);
          text += font ? (font.map.get(code) ?? "") : String.fromCharCode(code);
        }
      }
      runs.push(text);
    }
  }
  return runs;
}

const reversed = (s: string) => [...s].reverse().join("");

/** All text of the PDF on one line (runs joined by a space), and the same with every run reversed. */
export function pdfText(pdf: Buffer): { text: string; reversedRuns: string } {
  const runs = pdfTextRuns(pdf);
  return { text: runs.join(" "), reversedRuns: runs.map(reversed).join(" ") };
}

/** Whether `phrase` is drawn in the PDF, in logical (left-to-right) or visual (right-to-left run) order. */
export function pdfContains(pdf: Buffer, phrase: string): boolean {
  const { text, reversedRuns } = pdfText(pdf);
  const squash = (s: string) => s.replace(/[\s\u200c]+/g, "");
  return (
    squash(text).includes(squash(phrase)) ||
    squash(reversedRuns).includes(squash(phrase)) ||
    squash(text).includes(squash(reversed(phrase)))
  );
}

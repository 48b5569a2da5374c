// Content-Disposition for downloads with Persian names.
/**
 * RFC 6266/5987 Content-Disposition: an ASCII `filename` for old clients and the real
 * (Persian) name in `filename*`, percent-encoded.
 */
export function contentDisposition(disposition: "inline" | "attachment", asciiName: string, fileName: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${asciiName}"; filename*=UTF-8''${encoded}`;
}

// Characters a saved name must not carry: controls, bidi marks and overrides (which can
// make "x.lmth.pdf" read as something else), quotes and path separators.
const UNSAFE_NAME_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069"\\/:*?<>|]/g;

/**
 * The name a document is saved under: the uploaded name with its extension replaced by the
 * one of the type read from the bytes ("x.pdf.html" of a PDF → "x.pdf", "photo.jpeg" →
 * "photo.jpg"), so the browser and the reviewer's desktop never open it as anything else.
 */
export function downloadFileName(fileName: string, extension: string): string {
  let base = fileName
    .replace(UNSAFE_NAME_CHARS, "")
    .trim()
    .replace(/[.\s]+$/, "");
  base = base.replace(/\.[A-Za-z0-9]{1,10}$/, "").replace(/[.\s]+$/, "");
  if (base.toLowerCase().endsWith(`.${extension}`)) base = base.slice(0, -(extension.length + 1)).replace(/[.\s]+$/, "");
  return `${base || "document"}.${extension}`;
}

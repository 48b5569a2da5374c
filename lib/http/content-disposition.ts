// Content-Disposition for downloads with Persian names.
/**
 * RFC 6266/5987 Content-Disposition: an ASCII `filename` for old clients and the real
 * (Persian) name in `filename*`, percent-encoded.
 */
export function contentDisposition(disposition: "inline" | "attachment", asciiName: string, fileName: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${asciiName}"; filename*=UTF-8''${encoded}`;
}

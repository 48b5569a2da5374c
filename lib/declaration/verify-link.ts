// The public verification page of a submitted file (/verify/<tracking code>), printed as a
// link and a QR code on the receipt and the result certificate. The address is absolute (a
// QR code is read off paper): the deployment's NEXTAUTH_URL when set, otherwise the origin
// the request came in on.
import QRCode from "qrcode";

/** The origin to print: NEXTAUTH_URL's, or `fallback` (the request's own origin). */
export function publicOrigin(fallback: string): string {
  const configured = process.env.NEXTAUTH_URL;
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // A malformed setting: fall back to the request's origin.
    }
  }
  return fallback.replace(/\/+$/, "");
}

/** The request's origin from its headers (a page has no URL): the proxy's forwarded protocol and host. */
export function originFromHeaders(headers: Headers): string {
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost:3000";
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? (host.startsWith("localhost") ? "http" : "https");
  return `${proto}://${host}`;
}

export function verifyPath(trackingCode: string): string {
  return `/verify/${encodeURIComponent(trackingCode)}`;
}

export function verifyUrl(trackingCode: string, origin: string): string {
  return `${publicOrigin(origin)}${verifyPath(trackingCode)}`;
}

export type VerifyLink = { url: string; qrPng: string; qrSvg: string };

/** The verification link with its QR code as a PNG data URL (for the PDF) and as SVG markup (for the page). */
export async function verifyLink(trackingCode: string, origin: string): Promise<VerifyLink> {
  const url = verifyUrl(trackingCode, origin);
  const options = { errorCorrectionLevel: "M" as const, margin: 1 };
  const [qrPng, qrSvg] = await Promise.all([
    QRCode.toDataURL(url, { ...options, width: 240 }),
    QRCode.toString(url, { ...options, type: "svg" }),
  ]);
  return { url, qrPng, qrSvg };
}

// The browser-side defences every response carries. The Content-Security-Policy of a page
// has a fresh nonce per request (proxy.ts), which Next.js puts on its own scripts; nothing
// else may run: no inline script, no eval (outside `next dev`), no plugin, no framing, no
// form posting elsewhere. Styles allow inline attributes (React's server-rendered style="…"
// cannot carry a nonce); images and the map come from this origin, or from the configured
// map style's origin when one is set.

const originOf = (url: string | undefined) => {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

/** Origins the map may load styles, tiles and fonts from (NEXT_PUBLIC_MAP_STYLE_URL, Mapbox with a token). */
function mapOrigins(): string[] {
  const origins = [originOf(process.env.NEXT_PUBLIC_MAP_STYLE_URL), originOf(process.env.NEXT_PUBLIC_MAP_RTL_TEXT_PLUGIN_URL)];
  if (process.env.NEXT_PUBLIC_MAPBOX_TOKEN) origins.push("https://api.mapbox.com", "https://events.mapbox.com");
  return [...new Set(origins.filter((o): o is string => !!o))];
}

export function pageContentSecurityPolicy(nonce: string, opts: { dev: boolean; https: boolean }): string {
  const map = mapOrigins().join(" ");
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' blob: data:${map ? ` ${map}` : ""}`,
    "font-src 'self'",
    `connect-src 'self'${map ? ` ${map}` : ""}${opts.dev ? " ws:" : ""}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Geolocation only for this origin (the map's «موقعیت من»), everything else off. */
export const PERMISSIONS_POLICY = "geolocation=(self), camera=(), microphone=(), payment=(), usb=(), interest-cohort=()";

/** Two years, subdomains included: only ever sent over https. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

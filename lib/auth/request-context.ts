// The caller's IP address and user agent, for throttling and the audit trail. Behind a
// reverse proxy the first X-Forwarded-For entry is the client (configure the proxy to
// overwrite, not append, the header).
type HeaderBag = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

function read(headers: HeaderBag, name: string): string | null {
  if (typeof (headers as { get?: unknown }).get === "function") return (headers as { get(n: string): string | null }).get(name);
  const v = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
}

export function clientIp(headers: HeaderBag): string {
  const forwarded = read(headers, "x-forwarded-for")?.split(",")[0]?.trim();
  return (forwarded || read(headers, "x-real-ip") || "local").slice(0, 64);
}

export function userAgent(headers: HeaderBag): string | null {
  return read(headers, "user-agent")?.slice(0, 300) ?? null;
}

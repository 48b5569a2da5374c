// The caller's IP address and user agent, for throttling and the audit trail
// (docs/decisions/0013-sign-in-hardening.md).
//
// Next.js gives neither route handlers, server actions nor next-auth's authorize the socket
// address. Its Node server copies the socket address into X-Forwarded-For only when the
// request has no such header (`??=`), so a header the client sent itself arrives untouched
// and cannot be told apart from one the server wrote. Hence:
//
// - TRUSTED_PROXIES unset: the app faces the clients directly and no forwarding header can be
//   believed. X-Forwarded-For and X-Real-IP are ignored and every caller is DIRECT_CLIENT
//   (one shared bucket for the per-IP limit; the audit records no forged address).
// - TRUSTED_PROXIES="10.0.0.0/8, 2001:db8::/32, 203.0.113.7": the app is reached only
//   through those proxies, which APPEND the peer they saw to X-Forwarded-For (nginx
//   `$proxy_add_x_forwarded_for`). The client is the right-most entry that is not a trusted
//   proxy; everything left of it was written by the client and is ignored.
import { BlockList, isIP } from "node:net";

type HeaderBag = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

/** The client of a deployment without TRUSTED_PROXIES (its address cannot be known inside Next.js). */
export const DIRECT_CLIENT = "direct";
/** A forwarded entry that is not an address (a misconfigured proxy): one shared bucket. */
export const UNKNOWN_CLIENT = "unknown";

function read(headers: HeaderBag, name: string): string | null {
  if (typeof (headers as { get?: unknown }).get === "function") return (headers as { get(n: string): string | null }).get(name);
  const bag = headers as Record<string, string | string[] | undefined>;
  const v = bag[name] ?? bag[Object.keys(bag).find((k) => k.toLowerCase() === name) ?? ""];
  return Array.isArray(v) ? v.join(",") : (v ?? null);
}

export type TrustedProxies = { list: BlockList; count: number };

/** Parses "10.0.0.0/8, 2001:db8::/32, 203.0.113.7"; throws on an entry that is not an address or CIDR. */
export function parseTrustedProxies(value: string | undefined | null): TrustedProxies | null {
  const entries = (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", prefixText] = entry.split("/");
    const family = isIP(address);
    if (family === 0) throw new Error(`TRUSTED_PROXIES: «${entry}» is not an IP address or CIDR`);
    const type = family === 4 ? "ipv4" : "ipv6";
    const max = family === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? max : Number(prefixText);
    if (!/^\d+$/.test(prefixText ?? String(max)) || prefix < 0 || prefix > max) {
      throw new Error(`TRUSTED_PROXIES: «${entry}» has an invalid prefix length`);
    }
    list.addSubnet(address, prefix, type);
  }
  return { list, count: entries.length };
}

let fromEnv: { raw: string | undefined; parsed: TrustedProxies | null } | undefined;
function trustedFromEnv(): TrustedProxies | null {
  const raw = process.env.TRUSTED_PROXIES;
  if (!fromEnv || fromEnv.raw !== raw) fromEnv = { raw, parsed: parseTrustedProxies(raw) };
  return fromEnv.parsed;
}

/** "1.2.3.4", "1.2.3.4:5678", "[2001:db8::1]:443", "2001:db8::1" → the bare address, or null. */
export function normalizeAddress(entry: string): string | null {
  let s = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  if (bracketed) s = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(s)) s = s.slice(0, s.lastIndexOf(":"));
  s = s.replace(/%[\w.-]+$/, ""); // an IPv6 zone id
  const family = isIP(s);
  if (family === 0) return null;
  // An IPv4 address written as IPv6 (::ffff:10.0.0.1) is the IPv4 address.
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(s);
  return mapped ? mapped[1]! : s.toLowerCase();
}

function isTrusted(trusted: TrustedProxies, address: string): boolean {
  return trusted.list.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
}

/**
 * The client address of a request, from its headers alone (see the top of this file).
 * `trusted` defaults to env TRUSTED_PROXIES.
 */
export function clientIp(headers: HeaderBag, trusted: TrustedProxies | null = trustedFromEnv()): string {
  if (!trusted) return DIRECT_CLIENT;
  const entries = (read(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) return UNKNOWN_CLIENT;
  for (let i = entries.length - 1; i >= 0; i--) {
    const address = normalizeAddress(entries[i]!);
    // Right of this entry everything was a trusted proxy: an entry that is not an address
    // was not written by one of them, and nothing left of it can be believed either.
    if (!address) return UNKNOWN_CLIENT;
    if (!isTrusted(trusted, address)) return address;
  }
  // Every hop is a trusted proxy (a request from the proxy host itself): the left-most.
  return normalizeAddress(entries[0]!) ?? UNKNOWN_CLIENT;
}

export function userAgent(headers: HeaderBag): string | null {
  return read(headers, "user-agent")?.slice(0, 300) ?? null;
}

import { clientIp, DIRECT_CLIENT, normalizeAddress, parseTrustedProxies, UNKNOWN_CLIENT } from "@/lib/auth/request-context";

const h = (xff?: string, extra: Record<string, string> = {}) =>
  new Headers({ ...(xff === undefined ? {} : { "x-forwarded-for": xff }), ...extra });

describe("clientIp without TRUSTED_PROXIES: no forwarding header is believed", () => {
  test.each(["203.0.113.9", "1.1.1.1, 2.2.2.2", "::1", "garbage"])("X-Forwarded-For %p → the shared direct marker", (xff) => {
    expect(clientIp(h(xff, { "x-real-ip": "198.51.100.1" }), null)).toBe(DIRECT_CLIENT);
  });
  test("rotating forged values all land in one bucket", () => {
    const ips = new Set(Array.from({ length: 40 }, (_, i) => clientIp(h(`198.51.100.${i}`), null)));
    expect([...ips]).toEqual([DIRECT_CLIENT]);
  });
});

describe("clientIp behind trusted proxies: the right-most untrusted entry", () => {
  const trusted = parseTrustedProxies("10.0.0.0/8, 2001:db8:ffff::/48, 192.0.2.10")!;
  test("a client-supplied prefix is ignored; the entry the proxy appended counts", () => {
    expect(clientIp(h("6.6.6.6, 203.0.113.9"), trusted)).toBe("203.0.113.9");
    expect(clientIp(h("6.6.6.6, 7.7.7.7, 203.0.113.9, 10.1.2.3"), trusted)).toBe("203.0.113.9");
  });
  test("forged entries rotated by one client do not change its address", () => {
    const ips = new Set(Array.from({ length: 40 }, (_, i) => clientIp(h(`198.51.100.${i}, 203.0.113.9, 192.0.2.10`), trusted)));
    expect([...ips]).toEqual(["203.0.113.9"]);
  });
  test("IPv6 clients and IPv6 proxies (CIDR), ports and brackets, IPv4-mapped addresses", () => {
    expect(clientIp(h("2001:DB8:1::5, 2001:db8:ffff::1"), trusted)).toBe("2001:db8:1::5");
    expect(clientIp(h("[2001:db8:1::5]:443"), trusted)).toBe("2001:db8:1::5");
    expect(clientIp(h("203.0.113.9:5555, ::ffff:10.0.0.1"), trusted)).toBe("203.0.113.9");
    expect(clientIp(h("::ffff:203.0.113.9"), trusted)).toBe("203.0.113.9");
  });
  test("garbage where the proxy should have written an address, or no header: a shared marker, never the garbage", () => {
    expect(clientIp(h("203.0.113.9, <script>, 10.0.0.1"), trusted)).toBe(UNKNOWN_CLIENT);
    expect(clientIp(h(), trusted)).toBe(UNKNOWN_CLIENT);
    expect(clientIp(h("  ,  "), trusted)).toBe(UNKNOWN_CLIENT);
  });
  test("only trusted hops (the proxy host itself): the left-most", () => {
    expect(clientIp(h("10.0.0.7, 10.0.0.1"), trusted)).toBe("10.0.0.7");
  });
  test("next-auth's plain header object (lower-case keys) works like Headers", () => {
    expect(clientIp({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" }, trusted)).toBe("203.0.113.9");
  });
});

describe("parseTrustedProxies", () => {
  test("IPv4 and IPv6 CIDRs and single addresses", () => {
    const t = parseTrustedProxies(" 10.0.0.0/8 ,2001:db8::/32, 192.0.2.1 ")!;
    expect(t.count).toBe(3);
    expect(t.list.check("10.255.0.1", "ipv4")).toBe(true);
    expect(t.list.check("11.0.0.1", "ipv4")).toBe(false);
    expect(t.list.check("2001:db8:abcd::1", "ipv6")).toBe(true);
    expect(t.list.check("2001:db9::1", "ipv6")).toBe(false);
    expect(t.list.check("192.0.2.1", "ipv4")).toBe(true);
    expect(t.list.check("192.0.2.2", "ipv4")).toBe(false);
  });
  test("unset or empty: null (direct mode)", () => {
    expect(parseTrustedProxies(undefined)).toBeNull();
    expect(parseTrustedProxies(" , ")).toBeNull();
  });
  test.each(["10.0.0.0/33", "2001:db8::/129", "example.org", "10.0.0.0/x", "10.0.0/8"])("%p is refused", (v) => {
    expect(() => parseTrustedProxies(v)).toThrow(/TRUSTED_PROXIES/);
  });
});

test("normalizeAddress", () => {
  expect(normalizeAddress("1.2.3.4:80")).toBe("1.2.3.4");
  expect(normalizeAddress("fe80::1%eth0")).toBe("fe80::1");
  expect(normalizeAddress("not-an-ip")).toBeNull();
});

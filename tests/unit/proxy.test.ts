// proxy.ts: the browser-side defences on every response, and the sign-in redirect for
// signed-out page navigations (only: it is not the access check).
import { NextRequest } from "next/server";
import { proxy } from "@/proxy";

const req = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  new NextRequest(new URL(path, "http://localhost:3000"), { method: init.method ?? "GET", headers: init.headers });

const scriptSrc = (csp: string | null) => csp?.split("; ").find((d) => d.startsWith("script-src")) ?? "";

afterEach(() => {
  process.env.NEXTAUTH_URL = "http://localhost:3000";
});

beforeAll(() => {
  process.env.NEXTAUTH_SECRET = "a-test-secret-of-at-least-thirty-two-bytes!";
});

test("a page gets a Content-Security-Policy with a fresh nonce per request, no inline script, no eval", async () => {
  const [a, b] = await Promise.all([proxy(req("/login")), proxy(req("/login"))]);
  const nonceA = /'nonce-([^']+)'/.exec(scriptSrc(a.headers.get("content-security-policy")))?.[1];
  const nonceB = /'nonce-([^']+)'/.exec(scriptSrc(b.headers.get("content-security-policy")))?.[1];
  expect(nonceA).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
  expect(nonceA).not.toBe(nonceB);
  const policy = a.headers.get("content-security-policy")!;
  expect(scriptSrc(policy)).not.toMatch(/unsafe-inline|unsafe-eval/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("form-action 'self'");
  // Next.js reads the policy from the request to nonce its own scripts.
  expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
});

test("Permissions-Policy allows geolocation to this origin only; HSTS only on https", async () => {
  const plain = await proxy(req("/login"));
  expect(plain.headers.get("permissions-policy")).toContain("geolocation=(self)");
  expect(plain.headers.get("permissions-policy")).toContain("camera=()");
  expect(plain.headers.get("strict-transport-security")).toBeNull();
  process.env.NEXTAUTH_URL = "https://rank.example.ir";
  const secure = await proxy(req("/login"));
  expect(secure.headers.get("strict-transport-security")).toMatch(/max-age=\d{8}/);
  expect(secure.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
});

test("route handlers and server actions get the same Permissions-Policy; routes set their own CSP", async () => {
  const api = await proxy(req("/api/health"));
  expect(api.headers.get("permissions-policy")).toContain("geolocation=(self)");
  expect(api.headers.get("content-security-policy")).toBeNull();
  const action = await proxy(req("/declarations/x/steps/3", { method: "POST", headers: { "next-action": "abc" } }));
  expect(action.headers.get("location")).toBeNull();
  expect(action.headers.get("content-security-policy")).toContain("script-src");
  expect(action.headers.get("permissions-policy")).toContain("geolocation=(self)");
});

test("a signed-out page navigation goes to sign-in with a same-origin callback; public pages do not", async () => {
  const queue = await proxy(req("/queue?status=RETURNED"));
  const location = new URL(queue.headers.get("location")!);
  expect(location.origin).toBe("http://localhost:3000");
  expect(location.pathname).toBe("/login");
  expect(location.searchParams.get("callbackUrl")).toBe("/queue?status=RETURNED");
  expect((await proxy(req("/login"))).headers.get("location")).toBeNull();
  expect((await proxy(req("/contacts"))).headers.get("location")).toBeNull();
  // A forged cookie is no session.
  const forged = await proxy(req("/queue", { headers: { cookie: "next-auth.session-token=forged.token.value" } }));
  expect(forged.headers.get("location")).toContain("/login");
});

// Next 16 "proxy" (formerly middleware). It does two things and decides nothing about access:
// 1. every response gets its Content-Security-Policy with a fresh nonce (which Next.js puts
//    on its own scripts), Strict-Transport-Security on https and a Permissions-Policy
//    (lib/http/security-headers.ts);
// 2. a signed-out visitor's page navigation is redirected to the sign-in page.
// It is not a security boundary: every page, server action and route checks the session
// and the record itself (lib/auth/current-user.ts, lib/authz/guards.ts).
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { tokenIsLive } from "@/lib/auth/session-policy";
import { sessionCookieName, usesSecureCookies } from "@/lib/auth/session-cookie";
import { pageContentSecurityPolicy, PERMISSIONS_POLICY, STRICT_TRANSPORT_SECURITY } from "@/lib/http/security-headers";

/** Pages a signed-out visitor may open. */
const PUBLIC_PAGE = /^\/(login|forgot-password|contacts|verify)(\/|$)/;

function nonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

async function signedOutNavigation(request: NextRequest): Promise<boolean> {
  const { pathname } = request.nextUrl;
  if (request.method !== "GET" || request.headers.has("next-action") || pathname.startsWith("/api/") || PUBLIC_PAGE.test(pathname))
    return false;
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET, cookieName: sessionCookieName() }).catch(() => null);
  return !tokenIsLive(token);
}

export async function proxy(request: NextRequest) {
  const https = usesSecureCookies();
  // Route handlers answer JSON or a file and set their own policy where they serve content
  // (a document is shown in a sandbox); pages get the nonce policy.
  const api = request.nextUrl.pathname.startsWith("/api/");
  const csp = api ? null : pageContentSecurityPolicy(nonce(), { dev: process.env.NODE_ENV === "development", https });

  let response: NextResponse;
  if (await signedOutNavigation(request)) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
    response = NextResponse.redirect(login);
  } else {
    const headers = new Headers(request.headers);
    if (csp) headers.set("Content-Security-Policy", csp); // read by Next.js to nonce its scripts
    response = NextResponse.next({ request: { headers } });
  }
  if (csp) response.headers.set("Content-Security-Policy", csp);
  response.headers.set("Permissions-Policy", PERMISSIONS_POLICY);
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  // Everything but the build's static files and the files of public/.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon|apple-icon|fonts/|geo/|maplibre/|templates/).*)"],
};

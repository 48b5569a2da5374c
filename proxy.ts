// Next 16 "proxy" (formerly middleware): it only redirects signed-out visitors to the
// sign-in page. It is not a security boundary: every page and server action checks the
// session and the record itself (lib/auth/current-user.ts, lib/authz/guards.ts).
import { withAuth } from "next-auth/middleware";
import { tokenIsLive } from "@/lib/auth/session-policy";

export const proxy = withAuth({
  pages: { signIn: "/login" },
  callbacks: { authorized: ({ token }) => tokenIsLive(token) },
});

export const config = {
  // Pages only: API routes answer for themselves (JSON 401/404), and a redirect to the
  // sign-in page would be the wrong answer to a fetch or an upload.
  // Server-action calls (POST with a Next-Action header) are not navigations: skipped too.
  matcher: [
    {
      source:
        "/((?!login|forgot-password|contacts|api/|_next/static|_next/image|favicon.ico|icon|apple-icon|fonts|geo/|maplibre/|templates/).*)",
      missing: [{ type: "header", key: "next-action" }],
    },
  ],
};

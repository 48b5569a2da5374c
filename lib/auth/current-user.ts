import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { sessionStillValid, tokenIsLive, type SessionClaims } from "@/lib/auth/session-policy";
import { redirect } from "next/navigation";
import { authOptions } from "@/lib/auth/options";
import { db } from "@/lib/db";
import { mustEnrollTotp } from "@/lib/auth/totp";

const USER_INCLUDE = { region: true, office: { include: { province: { include: { region: true } } } } } as const;

// The session cookie, decoded directly (next-auth's own JWE decode checks the signature,
// the encryption and `exp`; tokenIsLive adds the 12-hour ceiling). Cheaper than
// getServerSession, which runs the whole next-auth handler on every autosave.
async function sessionClaims(): Promise<SessionClaims | null> {
  const jar = await cookies();
  const raw = jar.get(sessionCookieName())?.value;
  if (!raw || !authOptions.secret) return null;
  const token = await decode({ token: raw, secret: authOptions.secret }).catch(() => null);
  return token && tokenIsLive(token) && typeof token.gen === "number"
    ? { uid: token.uid as string, loginAt: token.loginAt as number, gen: token.gen }
    : null;
}

// The signed-in user, read from the database on every request (once per render thanks to
// React's cache), so a deactivated account loses access at once and the role never comes
// from the cookie alone. Pages get the office and region with it.
export const getCurrentUser = cache(async () => {
  const claims = await sessionClaims();
  if (!claims) return null;
  const user = await db.user.findUnique({ where: { id: claims.uid }, include: USER_INCLUDE });
  return sessionStillValid(user, claims) ? user : null;
});

/** The same check for server actions and route handlers, without the joins they do not need. */
export async function getActingUser() {
  const claims = await sessionClaims();
  if (!claims) return null;
  const user = await db.user.findUnique({ where: { id: claims.uid } });
  return sessionStillValid(user, claims) ? user : null;
}

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof getCurrentUser>>>;

/** For pages: redirects to sign-in, to the forced password change, or to the forced second-factor enrolment. */
export async function requireUser(opts: { allowMustChangePassword?: boolean; allowMustEnrollTotp?: boolean } = {}): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (user.mustChangePassword && !opts.allowMustChangePassword) redirect("/change-password");
  // Staff without a second factor enrol one before anything else (lib/auth/totp.ts).
  if (!opts.allowMustChangePassword && !opts.allowMustEnrollTotp && mustEnrollTotp(user)) redirect("/enroll-totp");
  return user;
}

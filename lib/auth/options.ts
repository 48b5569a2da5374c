import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { encodeSignInFailure } from "@/lib/auth/sign-in-messages";
import { clientIp, userAgent } from "@/lib/auth/request-context";
import { deliverToConsole, smsProvider } from "@/lib/notify/console-adapter";
import { recordAudit } from "@/lib/audit/record-audit";
import { SESSION_IDLE_SECONDS, SESSION_ABSOLUTE_MS, sessionStillValid } from "@/lib/auth/session-policy";
import { usesSecureCookies } from "@/lib/auth/session-cookie";
import type { Role } from "@/lib/generated/prisma/enums";

// JWT sessions. The token expires after SESSION_IDLE_SECONDS without a request to
// /api/auth/session (components/session-keep-alive.tsx makes one on user activity), and
// the jwt callback refuses tokens older than SESSION_ABSOLUTE_MS whatever the activity.
// Cookies are `Secure` whenever NEXTAUTH_URL is https (production must be).
export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS },
  jwt: { maxAge: SESSION_IDLE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "کد ملی",
      // `code`: the SMS code of a first sign-in with a default password; `totp`: the staff's
      // second factor (an app code or a recovery code). See lib/auth/sign-in.ts.
      credentials: { nationalId: { type: "text" }, password: { type: "password" }, code: { type: "text" }, totp: { type: "text" } },
      async authorize(credentials, req) {
        const headers = (req?.headers ?? {}) as Record<string, string>;
        const result = await attemptSignIn(db, {
          nationalId: credentials?.nationalId,
          password: credentials?.password,
          code: credentials?.code,
          totp: credentials?.totp,
          ip: clientIp(headers),
          userAgent: userAgent(headers),
          // Development (console provider): the code is printed at once, as for a password reset.
          onSmsQueued: async (id) => {
            if (smsProvider() === "console") await deliverToConsole(db, id);
          },
        });
        if (!result.ok) throw new Error(encodeSignInFailure(result));
        return { id: result.user.id, role: result.user.role };
      },
    }),
  ],
  // Only the deployment's cookie name (lib/auth/session-cookie.ts); Secure on https.
  useSecureCookies: usesSecureCookies(),
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = (user as { role?: Role }).role;
        token.loginAt = Date.now();
        token.gen = (await db.user.findUnique({ where: { id: user.id }, select: { sessionGeneration: true } }))?.sessionGeneration ?? -1;
      }
      if (typeof token.loginAt !== "number" || Date.now() - token.loginAt > SESSION_ABSOLUTE_MS) {
        return { expired: true } as typeof token;
      }
      // A renewal (/api/auth/session) renews only a session that still holds: a signed-out,
      // deactivated or reset account's old cookie is not given a new lease.
      if (!user) {
        const account =
          typeof token.uid === "string"
            ? await db.user.findUnique({
                where: { id: token.uid },
                select: { active: true, passwordChangedAt: true, sessionGeneration: true },
              })
            : null;
        if (
          typeof token.gen !== "number" ||
          !sessionStillValid(account, { uid: token.uid as string, loginAt: token.loginAt, gen: token.gen })
        ) {
          return { expired: true } as typeof token;
        }
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, uid: token.uid ?? null, role: token.role ?? null, loginAt: token.loginAt ?? null };
    },
  },
  events: {
    async signOut({ token }) {
      const uid = typeof token?.uid === "string" ? token.uid : null;
      if (!uid) return;
      // Signing out ends the account's sessions everywhere: a cookie copied before is dead too.
      await db.$transaction(async (tx) => {
        await tx.user.update({ where: { id: uid }, data: { sessionGeneration: { increment: 1 } } });
        await recordAudit(
          tx,
          { userId: uid, role: (token.role as Role) ?? null, ip: null },
          {
            action: "auth.sign_out",
            targetType: "User",
            targetId: uid,
          },
        );
      });
    },
  },
};

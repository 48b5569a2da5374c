import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { authOptions } from "@/lib/auth/options";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

const USER_INCLUDE = { region: true, office: { include: { province: { include: { region: true } } } } } as const;

async function sessionClaims(): Promise<{ uid: string; loginAt: number } | null> {
  const session = await getServerSession(authOptions);
  return session?.uid ? { uid: session.uid, loginAt: session.loginAt ?? 0 } : null;
}

/** Active, and no password change since this session was opened (a change ends older sessions). */
function stillValid(user: { active: boolean; passwordChangedAt: Date | null } | null, loginAt: number): boolean {
  return !!user && user.active && !(user.passwordChangedAt && loginAt < user.passwordChangedAt.getTime());
}

// The signed-in user, read from the database on every request (once per render thanks to
// React's cache), so a deactivated account loses access at once and the role never comes
// from the cookie alone. Pages get the office and region with it.
export const getCurrentUser = cache(async () => {
  const claims = await sessionClaims();
  if (!claims) return null;
  const user = await db.user.findUnique({ where: { id: claims.uid }, include: USER_INCLUDE });
  return stillValid(user, claims.loginAt) ? user : null;
});

/** The same check for server actions and route handlers, without the joins they do not need. */
export async function getActingUser() {
  const claims = await sessionClaims();
  if (!claims) return null;
  const user = await db.user.findUnique({ where: { id: claims.uid } });
  return stillValid(user, claims.loginAt) ? user : null;
}

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof getCurrentUser>>>;

/** For pages: redirects to sign-in, or to the forced password change. */
export async function requireUser(opts: { allowMustChangePassword?: boolean } = {}): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (user.mustChangePassword && !opts.allowMustChangePassword) redirect("/change-password");
  return user;
}

/** For pages of one role: anyone else gets "not found", as for a record they may not see. */
export async function requireRole(...roles: Role[]): Promise<CurrentUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) notFound();
  return user;
}

import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { authOptions } from "@/lib/auth/options";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

// The signed-in user, read from the database on every request (once per render thanks to
// React's cache), so a deactivated or locked account loses access at once and the role
// never comes from the cookie alone.
export const getCurrentUser = cache(async () => {
  const session = await getServerSession(authOptions);
  if (!session?.uid) return null;
  const user = await db.user.findUnique({
    where: { id: session.uid },
    include: { region: true, office: { include: { province: { include: { region: true } } } } },
  });
  if (!user || !user.active) return null;
  // A password change or reset ends every session opened before it.
  if (user.passwordChangedAt && (session.loginAt ?? 0) < user.passwordChangedAt.getTime()) return null;
  return user;
});

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

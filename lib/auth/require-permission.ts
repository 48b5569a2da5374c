import "server-only";
import { notFound } from "next/navigation";
import { requireUser, type CurrentUser } from "@/lib/auth/current-user";
import { can, type Permission } from "@/lib/authz/permissions";

/**
 * For pages: the signed-in user holding `permission` (e.g. the head office's "round:manage:any");
 * signed out → the sign-in page; anyone else gets "not found", as for a record they may not see.
 */
export async function requirePermission(permission: Permission): Promise<CurrentUser> {
  const user = await requireUser();
  if (!can(user.role, permission)) notFound();
  return user;
}

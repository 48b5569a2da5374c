// Permission strings (<resource>:<action>:<scope>) and which role holds which. Scope says
// which records: own (the holder's office), region (the expert's region), any (admin).
// Services ask for a permission and load the record through lib/authz/guards, which answers
// "not found" for records outside the scope; pages ask through requirePermission
// (lib/auth/current-user.ts). Both take the typed strings below, so a typo does not compile.
import type { Role } from "@/lib/generated/prisma/enums";
import { NotFoundError } from "@/lib/errors/app-error";

export const PERMISSIONS = {
  HOLDER: [
    "office:view:own",
    "declaration:view:own",
    "declaration:edit:own",
    "declaration:submit:own",
    "document:read:own",
    "objection:file:own",
  ],
  EXPERT: [
    "office:view:region",
    "declaration:view:region",
    "declaration:review:region",
    "document:read:region",
    "dashboard:view:region",
    "account:help:region",
  ],
  ADMIN: [
    "office:view:any",
    "declaration:view:any",
    "declaration:reassign:any",
    "document:read:any",
    "dashboard:view:any",
    "ruleset:approve:any",
    "round:manage:any",
    "registry:import:any",
    "user:manage:any",
    "account:help:any",
    "audit:view:any",
  ],
} as const satisfies Record<Role, readonly string[]>;

/** A whole permission, scope included: "declaration:edit:own". */
export type Permission = (typeof PERMISSIONS)[Role][number];
/** What is done to what, without the scope: "declaration:edit". */
export type ResourceAction = Permission extends infer P ? (P extends `${infer R}:${infer A}:${string}` ? `${R}:${A}` : never) : never;
export type Scope = "own" | "region" | "any";

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[role] as readonly string[]).includes(permission);
}

/** For services: the caller holds `permission`, else "not found" (as for a record they may not see). */
export function assertPermission(caller: { role: Role }, permission: Permission): void {
  if (!can(caller.role, permission)) throw new NotFoundError(permission);
}

/**
 * The scope in which `role` may perform `resource:action`, or null. Exact matching on
 * purpose (also at run time, for a string that slipped past the types): a prefix match would
 * let a typo such as "office" fail open.
 */
export function scopeOf(role: Role, resourceAction: ResourceAction): Scope | null {
  const [resource, action, extra] = (resourceAction as string).split(":");
  if (!resource || !action || extra !== undefined) return null;
  for (const p of PERMISSIONS[role] as readonly string[]) {
    const [r, a, scope] = p.split(":");
    if (r === resource && a === action && (scope === "own" || scope === "region" || scope === "any")) return scope;
  }
  return null;
}

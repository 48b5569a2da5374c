// Permission strings (<resource>:<action>:<scope>) and which role holds which. Scope says
// which records: own (the holder's office), region (the expert's region), any (admin).
// Pages and actions ask for a permission, then load the record through lib/authz/guards,
// which answers "not found" for records outside the scope.
import type { Role } from "@/lib/generated/prisma/enums";

export const PERMISSIONS = {
  HOLDER: ["office:view:own", "declaration:view:own", "declaration:edit:own", "declaration:submit:own", "document:read:own", "objection:file:own"],
  EXPERT: [
    "office:view:region",
    "declaration:view:region",
    "declaration:review:region",
    "document:read:region",
    "dashboard:view:region",
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
  ],
} as const satisfies Record<Role, readonly string[]>;

export type Permission = (typeof PERMISSIONS)[Role][number];

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[role] as readonly string[]).includes(permission);
}

export type Scope = "own" | "region" | "any";

/**
 * The scope in which `role` may perform `resource:action` (exactly two parts), or null.
 * Exact matching on purpose: a prefix match would let a typo such as "office" fail open.
 */
export function scopeOf(role: Role, resourceAction: string): Scope | null {
  const [resource, action, extra] = resourceAction.split(":");
  if (!resource || !action || extra !== undefined) return null;
  for (const p of PERMISSIONS[role] as readonly string[]) {
    const [r, a, scope] = p.split(":");
    if (r === resource && a === action && (scope === "own" || scope === "region" || scope === "any")) return scope;
  }
  return null;
}

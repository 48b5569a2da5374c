// Permission strings (<resource>:<action>:<scope>) and which role holds which. Scope says
// which records: own (the holder's office), region (the expert's region), any (admin).
// Pages and actions ask for a permission, then load the record through lib/authz/guards,
// which answers "not found" for records outside the scope.
import type { Role } from "@/lib/generated/prisma/enums";

export const PERMISSIONS = {
  HOLDER: ["office:view:own", "declaration:view:own", "declaration:edit:own", "document:read:own", "objection:file:own"],
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

/** The scope in which `role` may perform `resource:action`, or null when it may not at all. */
export function scopeOf(role: Role, resourceAction: string): "own" | "region" | "any" | null {
  for (const p of PERMISSIONS[role] as readonly string[]) {
    if (p.startsWith(`${resourceAction}:`)) return p.slice(resourceAction.length + 1) as "own" | "region" | "any";
  }
  return null;
}

import "server-only";
import type { Db, Tx } from "@/lib/db-client";
import type { Role } from "@/lib/generated/prisma/enums";
import { scopeOf, type Scope } from "@/lib/authz/permissions";
import { NotFoundError } from "@/lib/authz/errors";

// Record guards: load a record only if the caller may see it under the scope its role
// holds for the requested permission; otherwise "not found" (never "forbidden", which
// would confirm the record exists).
export type Caller = { id: string; role: Role; regionId: number | null };

/** Whether a declaration (its office's holder, its region) lies in the caller's scope. */
export function declarationVisible(scope: Scope | null, caller: Caller, record: { holderId: string; regionId: number }): boolean {
  return (
    scope === "any" ||
    (scope === "own" && record.holderId === caller.id) ||
    (scope === "region" && caller.regionId !== null && record.regionId === caller.regionId)
  );
}

export async function loadOfficeFor(db: Db | Tx, caller: Caller, officeId: string, resourceAction = "office:view") {
  const scope = scopeOf(caller.role, resourceAction);
  if (!scope) throw new NotFoundError("office");
  const office = await db.office.findUnique({
    where: { id: officeId },
    include: { province: { include: { region: true } }, licences: { orderBy: { expiresAt: "desc" } }, holder: true },
  });
  if (!office) throw new NotFoundError("office");
  const visible =
    scope === "any" ||
    (scope === "own" && office.holderId === caller.id) ||
    (scope === "region" && caller.regionId !== null && office.province.regionId === caller.regionId);
  if (!visible) throw new NotFoundError("office");
  return office;
}

export async function loadDeclarationFor(
  db: Db | Tx,
  caller: Caller,
  declarationId: string,
  resourceAction: "declaration:view" | "declaration:edit" | "declaration:review" = "declaration:view",
) {
  const scope = scopeOf(caller.role, resourceAction);
  if (!scope) throw new NotFoundError("declaration");
  const declaration = await db.declaration.findUnique({
    where: { id: declarationId },
    include: { office: { include: { province: { include: { region: true } } } }, round: true },
  });
  if (!declaration) throw new NotFoundError("declaration");
  if (!declarationVisible(scope, caller, { holderId: declaration.office.holderId, regionId: declaration.regionId })) {
    throw new NotFoundError("declaration");
  }
  return declaration;
}

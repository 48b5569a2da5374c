import "server-only";
import type { Db, Tx } from "@/lib/db-client";
import type { Role } from "@/lib/generated/prisma/enums";
import { scopeOf } from "@/lib/authz/permissions";
import { NotFoundError } from "@/lib/authz/errors";

// Record guards: load a record only if the caller may see it under the scope its role
// holds for the requested permission; otherwise "not found" (never "forbidden", which
// would confirm the record exists).
export type Caller = { id: string; role: Role; regionId: number | null };

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
  const visible =
    scope === "any" ||
    (scope === "own" && declaration.office.holderId === caller.id) ||
    (scope === "region" && caller.regionId !== null && declaration.regionId === caller.regionId);
  if (!visible) throw new NotFoundError("declaration");
  return declaration;
}

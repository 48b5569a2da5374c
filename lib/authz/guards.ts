import "server-only";
import type { Db, Tx } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { scopeOf, type ResourceAction } from "@/lib/authz/permissions";
import { NotFoundError } from "@/lib/errors/app-error";

// Record guards: load a record only if the caller may see it under the scope its role
// holds for the requested permission; otherwise "not found" (never "forbidden", which
// would confirm the record exists). The scope is part of the query's WHERE, so a record
// outside it is never read.
export type Caller = { id: string; role: Role; regionId: number | null };

/** The declarations `caller` may reach with `action`, as a WHERE; null: none at all. */
export function declarationScopeWhere(caller: Caller, action: ResourceAction): Prisma.DeclarationWhereInput | null {
  const scope = scopeOf(caller.role, action);
  if (scope === "any") return {};
  if (scope === "own") return { office: { holderId: caller.id } };
  if (scope === "region" && caller.regionId !== null) return { regionId: caller.regionId };
  return null;
}

/** By default: the declaration with its office (province, region) and round, as the holder's and the region's pages show it. */
const DECLARATION_PAGE_QUERY = { include: { office: { include: { province: { include: { region: true } } } }, round: true } } as const;

type DeclarationQuery = { select: Prisma.DeclarationSelect } | { include: Prisma.DeclarationInclude };

/**
 * The one guard of a declaration: the record `declarationId` with what `query` selects or
 * includes, if `caller` may perform `action` on it (the holder their own office's file, an
 * expert their region's, the head office any); else NotFoundError, the same as for an id that
 * does not exist.
 */
export async function loadDeclarationFor<Q extends DeclarationQuery = typeof DECLARATION_PAGE_QUERY>(
  db: Db | Tx,
  caller: Caller,
  declarationId: string,
  action: ResourceAction = "declaration:view",
  query: Q = DECLARATION_PAGE_QUERY as Q,
): Promise<Prisma.DeclarationGetPayload<Q>> {
  const scope = declarationScopeWhere(caller, action);
  if (!scope || declarationId.length === 0 || declarationId.length > 64) throw new NotFoundError("declaration");
  const declaration = await (db.declaration.findFirst as (args: unknown) => Promise<unknown>)({
    ...query,
    where: { ...scope, id: declarationId },
  });
  if (!declaration) throw new NotFoundError("declaration");
  return declaration as Prisma.DeclarationGetPayload<Q>;
}

export async function loadOfficeFor(db: Db | Tx, caller: Caller, officeId: string, action: ResourceAction = "office:view") {
  const scope = scopeOf(caller.role, action);
  const where: Prisma.OfficeWhereInput | null =
    scope === "any"
      ? {}
      : scope === "own"
        ? { holderId: caller.id }
        : scope === "region" && caller.regionId !== null
          ? { province: { regionId: caller.regionId } }
          : null;
  if (!where) throw new NotFoundError("office");
  const office = await db.office.findFirst({
    where: { ...where, id: officeId },
    include: { province: { include: { region: true } }, licences: { orderBy: { expiresAt: "desc" } }, holder: true },
  });
  if (!office) throw new NotFoundError("office");
  return office;
}

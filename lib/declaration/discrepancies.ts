import type { Db } from "@/lib/db-client";

export type StaffDiscrepancy = { nationalId: string; name: string; otherOffices: { code: string; declarationId: string }[] };

/**
 * Staff of this declaration who are also declared by other offices in the same round.
 * Not an error for the holder (people change jobs; one may work part-time in two offices),
 * but something the region checks: computed from the indexed StaffMember.nationalId, so it
 * is always current rather than a stored flag that could go stale.
 */
export async function staffDiscrepancies(db: Db, declarationId: string): Promise<StaffDiscrepancy[]> {
  const declaration = await db.declaration.findUniqueOrThrow({ where: { id: declarationId }, select: { roundId: true } });
  const staff = await db.staffMember.findMany({ where: { declarationId }, select: { nationalId: true, firstName: true, lastName: true } });
  if (staff.length === 0) return [];
  const elsewhere = await db.staffMember.findMany({
    where: {
      nationalId: { in: staff.map((s) => s.nationalId) },
      declarationId: { not: declarationId },
      declaration: { roundId: declaration.roundId },
    },
    select: { nationalId: true, declarationId: true, declaration: { select: { office: { select: { code: true } } } } },
  });
  return staff
    .map((s) => ({
      nationalId: s.nationalId,
      name: `${s.firstName} ${s.lastName}`,
      otherOffices: elsewhere
        .filter((e) => e.nationalId === s.nationalId)
        .map((e) => ({ code: e.declaration.office.code, declarationId: e.declarationId })),
    }))
    .filter((d) => d.otherOffices.length > 0);
}

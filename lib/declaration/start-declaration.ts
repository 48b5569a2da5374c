import type { Db } from "@/lib/db-client";
import { toJson } from "@/lib/declaration/declaration-json";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { initialStepStatus } from "@/lib/declaration/steps";
import { findOpenRound } from "@/lib/rounds/find-open-round";
import { NotFoundError, RefusedError } from "@/lib/errors/app-error";

/** No round takes self-declarations now. */
export class RoundClosedError extends RefusedError {
  constructor() {
    super("مهلت ثبت خوداظهاری این دوره به پایان رسیده یا دوره‌ای باز نیست.");
  }
}

/**
 * Opens (or returns) the holder's declaration for the round open now. One declaration per
 * office per round: a double click or a second tab gets the same file.
 */
export async function startDeclaration(db: Db, actor: AuditActor & { userId: string }, now = new Date()) {
  const office = await db.office.findUnique({ where: { holderId: actor.userId }, include: { province: true } });
  if (!office) throw new NotFoundError("office");
  const round = await findOpenRound(db, now);
  if (!round) throw new RoundClosedError();
  const existing = await db.declaration.findUnique({ where: { roundId_officeId: { roundId: round.id, officeId: office.id } } });
  if (existing) return existing;
  try {
    return await db.$transaction(async (tx) => {
      const declaration = await tx.declaration.create({
        data: {
          roundId: round.id,
          officeId: office.id,
          regionId: office.province.regionId,
          provinceId: office.provinceId,
          officeType: office.type,
          stepStatus: toJson(initialStepStatus(office.personType)),
        },
      });
      await recordAudit(tx, actor, { action: "declaration.created", targetType: "Declaration", targetId: declaration.id });
      return declaration;
    });
  } catch (e) {
    // Lost a race with a concurrent start (unique roundId+officeId): return the winner's.
    if ((e as { code?: string }).code === "P2002") {
      return db.declaration.findUniqueOrThrow({ where: { roundId_officeId: { roundId: round.id, officeId: office.id } } });
    }
    throw e;
  }
}

import type { Tx } from "@/lib/db-client";
import { toJson } from "@/lib/declaration/declaration-json";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DeclarationStatus } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors/app-error";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { transitionTarget, type TransitionName, type WorkflowActor } from "@/lib/workflow/transitions";

/** Another decision changed the file's status between the read and the write. */
export class ConcurrentChangeError extends AppError {
  constructor() {
    super("STALE", "وضعیت این پرونده همین حالا تغییر کرد (شاید همکار دیگری روی آن کار کرد). صفحه را دوباره بارگذاری کنید.");
  }
}

/**
 * Moves a declaration along the state machine inside the caller's transaction: refuses a
 * transition the table does not allow for this actor, writes only if the status is still
 * the one read (compare-and-set, so two concurrent decisions cannot both apply), bumps the
 * version and records the audit entry.
 */
export async function applyTransition(
  tx: Tx,
  declaration: { id: string; status: DeclarationStatus; version?: number },
  name: TransitionName,
  who: { actor: WorkflowActor; audit: AuditActor },
  change: { data?: Prisma.DeclarationUncheckedUpdateManyInput; audit?: Record<string, Prisma.InputJsonValue | null> } = {},
): Promise<DeclarationStatus> {
  const to = transitionTarget(name, declaration.status, who.actor);
  const updated = await tx.declaration.updateMany({
    // With a version, also refuse if anything changed since it was read (the holder's resubmit).
    where: {
      id: declaration.id,
      status: declaration.status,
      ...(declaration.version !== undefined ? { version: declaration.version } : {}),
    },
    data: { ...change.data, status: to, version: { increment: 1 } },
  });
  if (updated.count !== 1) throw new ConcurrentChangeError();
  await recordAudit(tx, who.audit, {
    action: `declaration.${name}`,
    targetType: "Declaration",
    targetId: declaration.id,
    before: { status: declaration.status },
    after: toJson({ status: to, ...change.audit }),
  });
  return to;
}

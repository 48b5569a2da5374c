import type { Tx } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { loadDeclarationFor, type Caller } from "@/lib/authz/guards";
import { stepStates, type StepStatusMap } from "@/lib/declaration/steps";
import { reevaluateStatuses, type DeclarationData } from "@/lib/declaration/step-status";
import { NotEditableError, StaleVersionError, StepLockedError, StepNotNeededError, WindowClosedError } from "@/lib/declaration/errors";

// The single gate every change of a holder's declaration passes, inside its transaction:
// the caller's own file (else "not found"), still a draft, the round's window open, the
// step opened (every earlier step complete), and the version the browser started from.
export async function loadForEdit(tx: Tx, caller: Caller, input: { declarationId: string; step: number; version: number; now?: Date }) {
  const now = input.now ?? new Date();
  const declaration = await loadDeclarationFor(tx, caller, input.declarationId, "declaration:edit");
  if (declaration.status !== "DRAFT") throw new NotEditableError();
  if (now >= declaration.round.windowClosesAt || now < declaration.round.windowOpensAt) throw new WindowClosedError();
  const state = stepStates(declaration.stepStatus as StepStatusMap)[input.step - 1]?.state;
  if (state === "NOT_NEEDED") throw new StepNotNeededError();
  if (!state || state === "LOCKED") throw new StepLockedError(input.step);
  if (declaration.version !== input.version) throw new StaleVersionError();
  return declaration;
}

export type EditableDeclaration = Awaited<ReturnType<typeof loadForEdit>>;

/**
 * Writes the new data, recomputes the dependent step statuses and bumps the version —
 * only if nobody else saved since `declaration.version` was read (compare-and-set).
 */
export async function commitDeclaration(
  tx: Tx,
  declaration: EditableDeclaration,
  change: { data?: DeclarationData; stepStatus?: StepStatusMap },
): Promise<{ version: number; stepStatus: StepStatusMap }> {
  const data = change.data ?? (declaration.data as DeclarationData);
  const [documents, staff, boardMemberCount] = await Promise.all([
    tx.document.findMany({ where: { declarationId: declaration.id, objectionId: null }, select: { kind: true } }),
    tx.staffMember.findMany({ where: { declarationId: declaration.id }, select: { disabled: true } }),
    tx.boardMember.count({ where: { declarationId: declaration.id } }),
  ]);
  const stepStatus = reevaluateStatuses({
    stored: change.stepStatus ?? (declaration.stepStatus as StepStatusMap),
    data,
    officePersonType: declaration.office.personType,
    documentKinds: documents.map((d) => d.kind),
    staff,
    boardMemberCount,
  });
  const updated = await tx.declaration.updateMany({
    where: { id: declaration.id, version: declaration.version, status: "DRAFT" },
    data: {
      data: data as Prisma.InputJsonValue,
      stepStatus: stepStatus as Prisma.InputJsonValue,
      version: { increment: 1 },
    },
  });
  if (updated.count !== 1) throw new StaleVersionError();
  return { version: declaration.version + 1, stepStatus };
}

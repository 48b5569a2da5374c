import type { Db, Tx } from "@/lib/db-client";
import type { DocumentKind } from "@/lib/generated/prisma/enums";
import { loadDeclarationFor, type Caller } from "@/lib/authz/guards";
import { correctionAccess } from "@/lib/declaration/correction-access";
import { stepStates, type StepStatusMap } from "@/lib/declaration/steps";
import { isWindowOpen } from "@/lib/rounds/window";
import { reevaluateStatuses } from "@/lib/declaration/step-status";
import { readDeclarationData, readStepStatus, toJson, type DeclarationData } from "@/lib/declaration/declaration-json";
import {
  CorrectionClosedError,
  NotEditableError,
  NotFlaggedError,
  StaleVersionError,
  StepLockedError,
  StepNotNeededError,
  WindowClosedError,
} from "@/lib/declaration/errors";

// The single gate every change of a holder's declaration passes, inside its transaction:
// the caller's own file (else "not found"), still a draft, the round's window open, the
// step opened (every earlier step complete), and the version the browser started from.
// A file the region returned for correction is open again, but only in what was flagged
// and until the correction deadline.
export async function loadForEdit(tx: Tx, caller: Caller, input: { declarationId: string; step: number; version: number; now?: Date }) {
  const now = input.now ?? new Date();
  // A lean read (this runs on every autosave): only what the checks and the write need.
  const row = await loadDeclarationFor(tx, caller, input.declarationId, "declaration:edit", {
    select: {
      id: true,
      status: true,
      stepStatus: true,
      data: true,
      version: true,
      regionId: true,
      roundId: true,
      office: { select: { personType: true } },
      round: { select: { windowOpensAt: true, windowClosesAt: true } },
    },
  });
  const declaration = { ...row, data: readDeclarationData(row.data), stepStatus: readStepStatus(row.stepStatus) };
  if (declaration.status === "RETURNED") {
    const openFields = await correctionOpening(tx, declaration, input.step, now);
    if (declaration.version !== input.version) throw new StaleVersionError();
    return { ...declaration, openFields };
  }
  if (declaration.status !== "DRAFT") throw new NotEditableError();
  if (!isWindowOpen(declaration.round, now)) throw new WindowClosedError();
  const state = stepStates(declaration.stepStatus)[input.step - 1]?.state;
  if (state === "NOT_NEEDED") throw new StepNotNeededError();
  if (!state || state === "LOCKED") throw new StepLockedError(input.step);
  if (declaration.version !== input.version) throw new StaleVersionError();
  return { ...declaration, openFields: null as string[] | null };
}

/** A returned file: the fields of `step` open for correction (null: the whole step), else the refusal. */
async function correctionOpening(
  tx: Tx,
  declaration: { id: string; stepStatus: StepStatusMap },
  step: number,
  now: Date,
): Promise<string[] | null> {
  const open = await tx.correctionRequest.findMany({
    where: { declarationId: declaration.id, resolvedAt: null },
    select: { section: true, field: true, dueAt: true },
  });
  const access = correctionAccess(open, step, declaration.stepStatus, now);
  if (!access.open) throw access.reason === "deadline_passed" ? new CorrectionClosedError() : new NotFlaggedError();
  return access.fields;
}

export type RelatedCounts = { kinds: DocumentKind[]; staff: number; disabled: number; insured: number; board: number };

/** What the dependent step statuses need from the declaration's rows, in one round trip. */
export async function relatedCounts(tx: Db | Tx, declarationId: string): Promise<RelatedCounts> {
  const [row] = await tx.$queryRaw<{ kinds: DocumentKind[] | null; staff: number; disabled: number; insured: number; board: number }[]>`
    SELECT
      (SELECT array_agg(DISTINCT "kind"::text) FROM "Document" WHERE "declarationId" = ${declarationId} AND "objectionId" IS NULL) AS "kinds",
      s."staff", s."disabled", s."insured",
      (SELECT count(*)::int FROM "BoardMember" WHERE "declarationId" = ${declarationId}) AS "board"
    FROM (SELECT count(*)::int AS "staff", (count(*) FILTER (WHERE "disabled"))::int AS "disabled", (count(*) FILTER (WHERE "insured"))::int AS "insured"
          FROM "StaffMember" WHERE "declarationId" = ${declarationId}) s`;
  return {
    kinds: row?.kinds ?? [],
    staff: row?.staff ?? 0,
    disabled: row?.disabled ?? 0,
    insured: row?.insured ?? 0,
    board: row?.board ?? 0,
  };
}

export type EditableDeclaration = Awaited<ReturnType<typeof loadForEdit>>;

/**
 * Writes the new data, recomputes the dependent step statuses and bumps the version —
 * only if nobody else saved since `declaration.version` was read (compare-and-set).
 */
export async function commitDeclaration(
  tx: Tx,
  declaration: EditableDeclaration,
  change: { data?: DeclarationData; stepStatus?: StepStatusMap; related?: RelatedCounts },
): Promise<{ version: number; stepStatus: StepStatusMap }> {
  const data = change.data ?? declaration.data;
  const related = change.related ?? (await relatedCounts(tx, declaration.id));
  const stepStatus = reevaluateStatuses({
    stored: change.stepStatus ?? declaration.stepStatus,
    data,
    officePersonType: declaration.office.personType,
    documentKinds: related.kinds,
    staff: { total: related.staff, disabled: related.disabled, insured: related.insured },
    boardMemberCount: related.board,
  });
  const updated = await tx.declaration.updateMany({
    where: { id: declaration.id, version: declaration.version, status: declaration.status },
    data: {
      data: toJson(data),
      stepStatus: toJson(stepStatus),
      version: { increment: 1 },
    },
  });
  if (updated.count !== 1) throw new StaleVersionError();
  return { version: declaration.version + 1, stepStatus };
}

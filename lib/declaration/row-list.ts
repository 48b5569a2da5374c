import type { Db, Tx } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit, type AuditAction, type AuditActor } from "@/lib/audit/record-audit";
import type { Caller } from "@/lib/authz/guards";
import { commitDeclaration, loadForEdit } from "@/lib/declaration/editable";
import { StepInvalidError } from "@/lib/declaration/errors";
import type { StepStatusMap } from "@/lib/declaration/steps";

// The two lists of people a holder keeps in the wizard — the staff (step 7) and, for legal
// persons, the board of directors (step 4) — follow one set of rules: each change goes
// through the wizard's gate (loadForEdit), a national ID appears once per list, a row is
// changed only in the caller's own file, and any change takes back the step's completion
// (the holder confirms the list again). One implementation, configured per list.

type Who = { actor: AuditActor & { userId: string }; caller: Caller };
type Target = { declarationId: string; version: number };
type Row = { id: string; nationalId: string };

/** The part of Prisma's delegate both tables share (StaffMember, BoardMember). */
type RowTable = {
  findFirst(args: {
    where: { id?: string | { not: string }; declarationId: string; nationalId?: string };
  }): Promise<(Row & Prisma.InputJsonObject) | null>;
  create(args: { data: Record<string, unknown> }): Promise<Row>;
  update(args: { where: { id: string }; data: Record<string, unknown> }): Promise<unknown>;
  delete(args: { where: { id: string } }): Promise<unknown>;
};

export type RowListSpec<Member extends { nationalId: string }> = {
  step: 4 | 7;
  table: (tx: Tx) => unknown;
  targetType: "StaffMember" | "BoardMember";
  audit: { added: AuditAction; updated: AuditAction; removed: AuditAction };
  duplicateMessage: string;
  notHereMessage: string;
  /** The row's columns from what the form sent (already parsed by the action's schema). */
  columns: (member: Member) => Record<string, unknown>;
};

export function rowList<Member extends { nationalId: string }>(spec: RowListSpec<Member>) {
  const table = (tx: Tx) => spec.table(tx) as RowTable;
  // Any change to the list takes back a completed step: the holder confirms it again.
  const reopen = (s: StepStatusMap): StepStatusMap => ({ ...s, [String(spec.step)]: "IN_PROGRESS" });
  const open = (tx: Tx, who: Who, target: Target, now: Date) => loadForEdit(tx, who.caller, { ...target, step: spec.step, now });
  const existingRow = async (tx: Tx, declarationId: string, rowId: string) => {
    const row = await table(tx).findFirst({ where: { id: rowId, declarationId } });
    if (!row) throw new StepInvalidError({}, spec.notHereMessage);
    return row;
  };
  const refuseDuplicate = async (tx: Tx, declarationId: string, nationalId: string, exceptId?: string) => {
    const dup = await table(tx).findFirst({ where: { declarationId, nationalId, ...(exceptId ? { id: { not: exceptId } } : {}) } });
    if (dup) throw new StepInvalidError({ nationalId: spec.duplicateMessage });
  };

  return {
    async add(db: Db, who: Who, target: Target, member: Member, now = new Date()) {
      return db.$transaction(async (tx) => {
        const declaration = await open(tx, who, target, now);
        await refuseDuplicate(tx, declaration.id, member.nationalId);
        const columns = spec.columns(member);
        const row = await table(tx).create({ data: { declarationId: declaration.id, ...columns } });
        const result = await commitDeclaration(tx, declaration, { stepStatus: reopen(declaration.stepStatus) });
        await recordAudit(tx, who.actor, {
          action: spec.audit.added,
          targetType: spec.targetType,
          targetId: row.id,
          after: { declarationId: declaration.id, ...member },
        });
        return { ...result, id: row.id };
      });
    },

    async update(db: Db, who: Who, target: Target & { rowId: string }, member: Member, now = new Date()) {
      return db.$transaction(async (tx) => {
        const declaration = await open(tx, who, target, now);
        const existing = await existingRow(tx, declaration.id, target.rowId);
        await refuseDuplicate(tx, declaration.id, member.nationalId, existing.id);
        await table(tx).update({ where: { id: existing.id }, data: spec.columns(member) });
        const result = await commitDeclaration(tx, declaration, { stepStatus: reopen(declaration.stepStatus) });
        await recordAudit(tx, who.actor, {
          action: spec.audit.updated,
          targetType: spec.targetType,
          targetId: existing.id,
          before: existing,
          after: { ...member },
        });
        return result;
      });
    },

    async remove(db: Db, who: Who, target: Target & { rowId: string }, now = new Date()) {
      return db.$transaction(async (tx) => {
        const declaration = await open(tx, who, target, now);
        const existing = await existingRow(tx, declaration.id, target.rowId);
        await table(tx).delete({ where: { id: existing.id } });
        const result = await commitDeclaration(tx, declaration, { stepStatus: reopen(declaration.stepStatus) });
        await recordAudit(tx, who.actor, {
          action: spec.audit.removed,
          targetType: spec.targetType,
          targetId: existing.id,
          before: existing,
        });
        return result;
      });
    },
  };
}

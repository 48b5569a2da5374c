import type { Db } from "@/lib/db-client";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Caller } from "@/lib/authz/guards";
import type { z } from "zod";
import type { boardMember } from "@/lib/declaration/forms/step-4-legal";
import { commitDeclaration, loadForEdit } from "@/lib/declaration/editable";
import { StepInvalidError } from "@/lib/declaration/errors";
import type { StepStatusMap } from "@/lib/declaration/steps";

type Who = { actor: AuditActor & { userId: string }; caller: Caller };
type Target = { declarationId: string; version: number };
const DUPLICATE = "این کد ملی قبلاً در فهرست اعضای هیئت مدیره ثبت شده است.";
const NOT_HERE = "این عضو در فهرست هیئت مدیره پرونده شما نیست.";

type BoardMemberData = z.output<typeof boardMember>;
const rowData = (m: BoardMemberData) => ({ ...m, mobile: m.mobile ?? null });

// A change to the list takes back a completed step 4: the holder confirms it again.
const reopen = (s: StepStatusMap): StepStatusMap => ({ ...s, "4": "IN_PROGRESS" });

export async function addBoardMember(db: Db, who: Who, target: Target, values: BoardMemberData, now = new Date()) {
  const member = rowData(values);
  return db.$transaction(async (tx) => {
    const declaration = await loadForEdit(tx, who.caller, { ...target, step: 4, now });
    const dup = await tx.boardMember.findUnique({ where: { declarationId_nationalId: { declarationId: declaration.id, nationalId: member.nationalId } } });
    if (dup) throw new StepInvalidError({ nationalId: DUPLICATE });
    const row = await tx.boardMember.create({ data: { declarationId: declaration.id, ...member } });
    const result = await commitDeclaration(tx, declaration, { stepStatus: reopen(declaration.stepStatus) });
    await recordAudit(tx, who.actor, { action: "declaration.board_member_added", targetType: "BoardMember", targetId: row.id, after: { declarationId: declaration.id, ...member } });
    return { ...result, id: row.id };
  });
}

export async function updateBoardMember(db: Db, who: Who, target: Target & { memberId: string }, values: BoardMemberData, now = new Date()) {
  const member = rowData(values);
  return db.$transaction(async (tx) => {
    const declaration = await loadForEdit(tx, who.caller, { ...target, step: 4, now });
    const existing = await tx.boardMember.findFirst({ where: { id: target.memberId, declarationId: declaration.id } });
    if (!existing) throw new StepInvalidError({}, NOT_HERE);
    const dup = await tx.boardMember.findFirst({ where: { declarationId: declaration.id, nationalId: member.nationalId, id: { not: existing.id } } });
    if (dup) throw new StepInvalidError({ nationalId: DUPLICATE });
    await tx.boardMember.update({ where: { id: existing.id }, data: member });
    const result = await commitDeclaration(tx, declaration, { stepStatus: reopen(declaration.stepStatus) });
    await recordAudit(tx, who.actor, { action: "declaration.board_member_updated", targetType: "BoardMember", targetId: existing.id, before: existing, after: member });
    return result;
  });
}

export async function removeBoardMember(db: Db, who: Who, target: Target & { memberId: string }, now = new Date()) {
  return db.$transaction(async (tx) => {
    const declaration = await loadForEdit(tx, who.caller, { ...target, step: 4, now });
    const existing = await tx.boardMember.findFirst({ where: { id: target.memberId, declarationId: declaration.id } });
    if (!existing) throw new StepInvalidError({}, NOT_HERE);
    await tx.boardMember.delete({ where: { id: existing.id } });
    const result = await commitDeclaration(tx, declaration, { stepStatus: reopen(declaration.stepStatus) });
    await recordAudit(tx, who.actor, { action: "declaration.board_member_removed", targetType: "BoardMember", targetId: existing.id, before: existing });
    return result;
  });
}

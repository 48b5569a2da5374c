import type { Db } from "@/lib/db-client";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Caller } from "@/lib/authz/guards";
import { parseJalaliDate } from "@/lib/format/jalali";
import type { StaffMemberData } from "@/lib/declaration/forms/step-7-staff";
import { commitDeclaration, loadForEdit } from "@/lib/declaration/editable";
import { StepInvalidError } from "@/lib/declaration/errors";
import type { StepStatusMap } from "@/lib/declaration/steps";

const DUPLICATE = "این کد ملی قبلاً در فهرست کارکنان همین دفتر ثبت شده است.";

type Who = { actor: AuditActor & { userId: string }; caller: Caller };
type Target = { declarationId: string; version: number };

function rowData(m: StaffMemberData) {
  return { ...m, gender: m.gender as "MALE" | "FEMALE", birthDate: parseJalaliDate(m.birthDate)! };
}

function reopenStaffStep(stepStatus: StepStatusMap): StepStatusMap {
  // Any change to the list takes back a completed step 7: the holder confirms it again.
  return { ...stepStatus, "7": "IN_PROGRESS" };
}

/**
 * Adds a staff member. A national ID twice in one office is refused; the same national ID
 * in another office is allowed (people do move) and shows up for the region as a
 * discrepancy (lib/declaration/discrepancies.ts).
 */
export async function addStaffMember(db: Db, who: Who, target: Target, member: StaffMemberData, now = new Date()) {
  return db.$transaction(async (tx) => {
    const declaration = await loadForEdit(tx, who.caller, { ...target, step: 7, now });
    const dup = await tx.staffMember.findUnique({ where: { declarationId_nationalId: { declarationId: declaration.id, nationalId: member.nationalId } } });
    if (dup) throw new StepInvalidError({ nationalId: DUPLICATE });
    const row = await tx.staffMember.create({ data: { declarationId: declaration.id, ...rowData(member) } });
    const result = await commitDeclaration(tx, declaration, { stepStatus: reopenStaffStep(declaration.stepStatus) });
    await recordAudit(tx, who.actor, { action: "declaration.staff_added", targetType: "StaffMember", targetId: row.id, after: { declarationId: declaration.id, ...member } });
    return { ...result, id: row.id };
  });
}

export async function updateStaffMember(db: Db, who: Who, target: Target & { staffId: string }, member: StaffMemberData, now = new Date()) {
  return db.$transaction(async (tx) => {
    const declaration = await loadForEdit(tx, who.caller, { ...target, step: 7, now });
    const existing = await tx.staffMember.findFirst({ where: { id: target.staffId, declarationId: declaration.id } });
    if (!existing) throw new StepInvalidError({}, "این نفر در فهرست کارکنان پرونده شما نیست.");
    const dup = await tx.staffMember.findFirst({ where: { declarationId: declaration.id, nationalId: member.nationalId, id: { not: existing.id } } });
    if (dup) throw new StepInvalidError({ nationalId: DUPLICATE });
    await tx.staffMember.update({ where: { id: existing.id }, data: rowData(member) });
    const result = await commitDeclaration(tx, declaration, { stepStatus: reopenStaffStep(declaration.stepStatus) });
    await recordAudit(tx, who.actor, { action: "declaration.staff_updated", targetType: "StaffMember", targetId: existing.id, before: { ...existing, birthDate: existing.birthDate.toISOString() }, after: { ...member } });
    return result;
  });
}

export async function removeStaffMember(db: Db, who: Who, target: Target & { staffId: string }, now = new Date()) {
  return db.$transaction(async (tx) => {
    const declaration = await loadForEdit(tx, who.caller, { ...target, step: 7, now });
    const existing = await tx.staffMember.findFirst({ where: { id: target.staffId, declarationId: declaration.id } });
    if (!existing) throw new StepInvalidError({}, "این نفر در فهرست کارکنان پرونده شما نیست.");
    await tx.staffMember.delete({ where: { id: existing.id } });
    const result = await commitDeclaration(tx, declaration, { stepStatus: reopenStaffStep(declaration.stepStatus) });
    await recordAudit(tx, who.actor, { action: "declaration.staff_removed", targetType: "StaffMember", targetId: existing.id, before: { ...existing, birthDate: existing.birthDate.toISOString() } });
    return result;
  });
}

import type { Db } from "@/lib/db-client";
import type { DeclarationStatus } from "@/lib/generated/prisma/enums";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { declarationScopeWhere, type Caller } from "@/lib/authz/guards";
import { scopeOf } from "@/lib/authz/permissions";
import { NotFoundError } from "@/lib/errors/app-error";
import { AlreadyAssignedError, NotAssigneeError, ReviewError } from "@/lib/review/errors";
import { loadForReview } from "@/lib/review/load-for-review";
import { applyTransition } from "@/lib/workflow/apply-transition";

// Who works on a file: an expert claims it (only the assignee may decide), releases it, or
// hands it to a colleague of the same region; the head office may reassign any file.

/** Statuses in which a file waits for, or is under, the region's work. */
export const REGION_STATUSES: readonly DeclarationStatus[] = ["SUBMITTED", "IN_REVIEW", "RESUBMITTED", "RETURNED", "OBJECTED"];

export async function claimDeclaration(db: Db, actor: AuditActor, caller: Caller, declarationId: string) {
  return db.$transaction(async (tx) => {
    const d = await loadForReview(tx, caller, declarationId, { assigneeOnly: false });
    if (!REGION_STATUSES.includes(d.status)) throw new ReviewError("این پرونده در وضعیتی نیست که نیاز به بررسی داشته باشد.");
    if (d.assigneeId !== caller.id) {
      if (d.assigneeId) throw new AlreadyAssignedError();
      if (d.status === "OBJECTED" && (await approverOf(tx, d.id)) === caller.id) {
        throw new ReviewError("رسیدگی به اعتراض باید با کارشناسی جز تأییدکننده پرونده باشد.");
      }
      const taken = await tx.declaration.updateMany({ where: { id: d.id, assigneeId: null }, data: { assigneeId: caller.id } });
      if (taken.count !== 1) throw new AlreadyAssignedError();
      await recordAudit(tx, actor, {
        action: "declaration.claimed",
        targetType: "Declaration",
        targetId: d.id,
        after: { assigneeId: caller.id },
      });
    }
    if (d.status === "SUBMITTED" || d.status === "RESUBMITTED") {
      await applyTransition(tx, d, "start_review", { actor: "EXPERT", audit: actor });
    }
  });
}

export async function releaseDeclaration(db: Db, actor: AuditActor, caller: Caller, declarationId: string) {
  return db.$transaction(async (tx) => {
    const d = await loadForReview(tx, caller, declarationId, { assigneeOnly: true });
    // Compare-and-set: an admin's reassignment in between is not undone.
    const released = await tx.declaration.updateMany({ where: { id: d.id, assigneeId: caller.id }, data: { assigneeId: null } });
    if (released.count !== 1) throw new NotAssigneeError();
    await recordAudit(tx, actor, {
      action: "declaration.released",
      targetType: "Declaration",
      targetId: d.id,
      before: { assigneeId: caller.id },
    });
  });
}

/**
 * Assigns files to an expert of their region. An expert may hand over files that are
 * unassigned or their own; an admin may reassign any. All or nothing.
 */
export async function assignDeclarations(
  db: Db,
  actor: AuditActor,
  caller: Caller,
  input: { declarationIds: readonly string[]; assigneeId: string },
) {
  const admin = scopeOf(caller.role, "declaration:reassign") === "any";
  const scope = declarationScopeWhere(caller, admin ? "declaration:reassign" : "declaration:review");
  if (!scope) throw new NotFoundError("declaration");
  return db.$transaction(async (tx) => {
    const assignee = await tx.user.findUnique({
      where: { id: input.assigneeId },
      select: { id: true, role: true, regionId: true, active: true },
    });
    if (!assignee || assignee.role !== "EXPERT" || !assignee.active) throw new ReviewError("کارشناس انتخاب‌شده معتبر نیست.");
    const files = await tx.declaration.findMany({
      where: { ...scope, id: { in: [...new Set(input.declarationIds)] } },
      select: { id: true, status: true, regionId: true, assigneeId: true },
    });
    if (files.length !== new Set(input.declarationIds).size) throw new NotFoundError("declaration");
    for (const f of files) {
      if (f.regionId !== assignee.regionId) throw new ReviewError("کارشناس انتخاب‌شده از منطقه این پرونده نیست.");
      if (!REGION_STATUSES.includes(f.status))
        throw new ReviewError("برخی از پرونده‌های انتخاب‌شده در وضعیتی نیستند که نیاز به بررسی داشته باشند.");
      if (!admin && f.assigneeId !== null && f.assigneeId !== caller.id) throw new NotAssigneeError();
    }
    for (const f of files) {
      const moved = await tx.declaration.updateMany({ where: { id: f.id, assigneeId: f.assigneeId }, data: { assigneeId: assignee.id } });
      if (moved.count !== 1) throw new AlreadyAssignedError();
      await recordAudit(tx, actor, {
        action: "declaration.assigned",
        targetType: "Declaration",
        targetId: f.id,
        before: { assigneeId: f.assigneeId },
        after: { assigneeId: assignee.id },
      });
    }
    return files.length;
  });
}

/** The expert who approved the file (the author of its APPROVED snapshot). */
export async function approverOf(tx: Pick<Db, "scoreSnapshot">, declarationId: string): Promise<string | null> {
  const s = await tx.scoreSnapshot.findFirst({
    where: { declarationId, reason: "APPROVED" },
    orderBy: { createdAt: "desc" },
    select: { createdById: true },
  });
  return s?.createdById ?? null;
}

import { z } from "zod";
import type { Db } from "@/lib/db-client";
import type { AuditActor } from "@/lib/audit/record-audit";
import { declarationVisible, type Caller } from "@/lib/authz/guards";
import { scopeOf } from "@/lib/authz/permissions";
import { NotFoundError } from "@/lib/authz/errors";
import { fieldErrorsOf } from "@/lib/actions/result";
import { DeclarationError, StepInvalidError } from "@/lib/declaration/errors";
import { approverOf } from "@/lib/review/assignment";
import { applyTransition } from "@/lib/workflow/apply-transition";
import { objectionDeadline } from "@/lib/workflow/objection-window";
import { roundDeadline } from "@/lib/workflow/round-deadline";

export const OBJECTION_MIN = 20;

export const objectionInput = z.object({
  declarationId: z.string().min(1).max(64),
  text: z.string().trim().min(OBJECTION_MIN, { error: "متن اعتراض را بنویسید (دست‌کم ۲۰ حرف)." }).max(4000, { error: "متن اعتراض بیش از حد طولانی است." }),
});

export class ObjectionClosedError extends DeclarationError {
  constructor() {
    super("مهلت اعتراض به نتیجه این پرونده به پایان رسیده است.");
  }
}

/**
 * The holder objects to the approved result within the window. The objection goes to an
 * expert of the region other than the one who approved (the least busy one); if there is
 * none, it waits unassigned for the head office to assign. The region's deadline to decide
 * is the round's re-review period.
 */
export async function fileObjection(db: Db, actor: AuditActor & { userId: string }, caller: Caller, raw: unknown, now = new Date()) {
  const parsed = objectionInput.safeParse(raw);
  if (!parsed.success) throw new StepInvalidError(fieldErrorsOf(parsed.error));
  const input = parsed.data;
  return db.$transaction(async (tx) => {
    const d = await tx.declaration.findUnique({
      where: { id: input.declarationId },
      select: {
        id: true, status: true, regionId: true, approvedAt: true,
        office: { select: { holderId: true } },
        round: { select: { objectionDays: true, reReviewDays: true, dayKind: true } },
      },
    });
    if (!d || !declarationVisible(scopeOf(caller.role, "objection:file"), caller, { holderId: d.office.holderId, regionId: d.regionId })) {
      throw new NotFoundError("declaration");
    }
    if (d.status !== "APPROVED") throw new DeclarationError("برای این پرونده در وضعیت کنونی نمی‌توان اعتراض ثبت کرد.");
    const closesAt = await objectionDeadline(tx, d);
    if (!closesAt || now >= closesAt) throw new ObjectionClosedError();

    const approver = await approverOf(tx, d.id);
    const [assignee] = await tx.$queryRaw<{ id: string }[]>`
      SELECT u."id" FROM "User" u
      WHERE u."role" = 'EXPERT' AND u."active" AND u."regionId" = ${d.regionId} AND u."id" IS DISTINCT FROM ${approver}
      ORDER BY (SELECT count(*) FROM "Declaration" x WHERE x."assigneeId" = u."id" AND x."status" IN ('SUBMITTED','IN_REVIEW','RESUBMITTED','RETURNED','OBJECTED')), u."createdAt"
      LIMIT 1`;
    const objection = await tx.objection.create({
      data: { declarationId: d.id, text: input.text, filedById: caller.id, filedAt: now, assigneeId: assignee?.id ?? null },
    });
    await applyTransition(tx, d, "object", { actor: "HOLDER", audit: actor }, {
      data: { assigneeId: assignee?.id ?? null, dueAt: await roundDeadline(tx, d.round, now, d.round.reReviewDays) },
      audit: { objectionId: objection.id, assigneeId: assignee?.id ?? null },
    });
    return { objectionId: objection.id };
  });
}

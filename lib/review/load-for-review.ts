import type { Tx } from "@/lib/db-client";
import { declarationScopeWhere, loadDeclarationFor, type Caller } from "@/lib/authz/guards";
import { NotAssigneeError } from "@/lib/review/errors";

/**
 * A declaration of the caller's region, for a review action (else "not found"), with what
 * the decisions need. `assigneeOnly`: only the expert it is assigned to may act.
 *
 * The row is locked first (SELECT … FOR UPDATE) and then read, so every review decision on
 * one file runs one after the other: what approval reads (the region's scores) is what was
 * committed last, and a score saved "at the same moment" either lands before the approval
 * (which then uses it) or after it (and is refused, the file being approved).
 */
export async function loadForReview(tx: Tx, caller: Caller, declarationId: string, opts: { assigneeOnly: boolean }) {
  if (declarationScopeWhere(caller, "declaration:review") && declarationId.length > 0 && declarationId.length <= 64) {
    await tx.$queryRaw`SELECT 1 FROM "Declaration" WHERE "id" = ${declarationId} FOR UPDATE`;
  }
  const declaration = await loadDeclarationFor(tx, caller, declarationId, "declaration:review", {
    select: {
      id: true,
      status: true,
      version: true,
      regionId: true,
      roundId: true,
      data: true,
      assigneeId: true,
      trackingCode: true,
      submittedAt: true,
      dueAt: true,
      approvedAt: true,
      satisfactionScore: true,
      associationScore: true,
      office: { select: { holderId: true, code: true, holder: { select: { id: true, mobile: true } } } },
      round: { select: { reviewDays: true, correctionDays: true, reReviewDays: true, objectionDays: true, dayKind: true } },
    },
  });
  if (opts.assigneeOnly && declaration.assigneeId !== caller.id) throw new NotAssigneeError();
  return declaration;
}

export type ReviewedDeclaration = Awaited<ReturnType<typeof loadForReview>>;

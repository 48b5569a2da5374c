import type { Db } from "@/lib/db-client";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Caller } from "@/lib/authz/guards";
import { commitDeclaration, loadForEdit, relatedCounts } from "@/lib/declaration/editable";
import { StepInvalidError } from "@/lib/declaration/errors";
import { staffCountIssue } from "@/lib/declaration/staff-rules";

/** Marks step 7 complete when the staff list matches the numbers declared in step 3. */
export async function completeStaffStep(
  db: Db,
  actor: AuditActor & { userId: string },
  caller: Caller,
  input: { declarationId: string; version: number },
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const declaration = await loadForEdit(tx, caller, { ...input, step: 7, now });
    const related = await relatedCounts(tx, declaration.id);
    const issue = staffCountIssue(declaration.data["3"], { total: related.staff, disabled: related.disabled });
    if (issue) throw new StepInvalidError({}, issue);
    const result = await commitDeclaration(tx, declaration, { stepStatus: { ...declaration.stepStatus, "7": "COMPLETE" }, related });
    await recordAudit(tx, actor, {
      action: "declaration.step_saved",
      targetType: "Declaration",
      targetId: declaration.id,
      after: { step: 7, mode: "complete", staff: related.staff },
    });
    return result;
  });
}

import type { Db } from "@/lib/db-client";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Caller } from "@/lib/authz/guards";
import { fieldErrorsOf } from "@/lib/actions/result";
import { formStep } from "@/lib/declaration/forms";
import type { StepValues } from "@/lib/declaration/forms/field-spec";
import { commitDeclaration, loadForEdit, relatedCounts } from "@/lib/declaration/editable";
import { StepInvalidError } from "@/lib/declaration/errors";
import { staffCountIssue } from "@/lib/declaration/staff-rules";
import type { DeclarationData } from "@/lib/declaration/step-status";
import type { StepStatusMap } from "@/lib/declaration/steps";
import { hasAnyValue } from "@/lib/declaration/forms/field-spec";

export type SaveStepInput = {
  declarationId: string;
  step: number;
  version: number;
  values: unknown;
  /** "draft": autosave or explicit save, incomplete data allowed; "complete": every required field valid. */
  mode: "draft" | "complete";
};

export type SaveStepResult = { version: number; stepStatus: StepStatusMap; values: StepValues };

/**
 * Saves one form step (2–6). A draft is checked for types only; "complete" requires the
 * step's full schema and then marks it complete. What is stored is what the holder typed
 * (normalised on completion), so the form comes back exactly as it was left.
 */
export async function saveStep(db: Db, actor: AuditActor & { userId: string }, caller: Caller, input: SaveStepInput, now = new Date()): Promise<SaveStepResult> {
  const form = formStep(input.step);
  if (!form) throw new StepInvalidError({}, "این مرحله فرم ندارد.");
  const draft = form.draft.safeParse(input.values);
  if (!draft.success) throw new StepInvalidError(fieldErrorsOf(draft.error));
  const typed = draft.data as StepValues;
  // Completion is checked before the transaction when every field is the holder's to change
  // (the usual case), and again inside it on the merged values of a returned file.
  const complete = (values: StepValues): StepValues => {
    const full = form.full.safeParse(values);
    if (!full.success) throw new StepInvalidError(fieldErrorsOf(full.error));
    // Keep the normalised form of what was typed (ASCII digits, 09… mobiles, yyyy/mm/dd).
    return { ...values, ...(full.data as StepValues) };
  };
  const completed = input.mode === "complete" ? complete(typed) : null;

  return db.$transaction(async (tx) => {
    const declaration = await loadForEdit(tx, caller, { ...input, now });
    const before = (declaration.data as DeclarationData)[String(input.step)] ?? null;
    // A returned file: only the flagged fields take what was sent; the rest stays as stored.
    let values = completed ?? typed;
    if (declaration.openFields) {
      const merged = { ...before, ...Object.fromEntries(declaration.openFields.map((f) => [f, typed[f]])) };
      values = input.mode === "complete" ? complete(merged) : merged;
    }
    const data: DeclarationData = { ...(declaration.data as DeclarationData), [String(input.step)]: values };
    const stored = { ...(declaration.stepStatus as StepStatusMap) };
    const related = await relatedCounts(tx, declaration.id);
    if (input.mode === "complete") {
      if (input.step === 4 && related.board === 0) {
        throw new StepInvalidError({}, "دست‌کم یک عضو هیئت مدیره را به فهرست اضافه کنید.");
      }
      stored[String(input.step)] = "COMPLETE";
    } else {
      stored[String(input.step)] = hasAnyValue(values) ? "IN_PROGRESS" : "NOT_STARTED";
    }
    const result = await commitDeclaration(tx, declaration, { data, stepStatus: stored, related });
    await recordAudit(tx, actor, {
      action: "declaration.step_saved",
      targetType: "Declaration",
      targetId: declaration.id,
      before: { step: input.step, values: before },
      after: { step: input.step, mode: input.mode, values },
    });
    return { ...result, values };
  });
}

/** Marks step 7 complete when the staff list matches the numbers declared in step 3. */
export async function completeStaffStep(db: Db, actor: AuditActor & { userId: string }, caller: Caller, input: { declarationId: string; version: number }, now = new Date()) {
  return db.$transaction(async (tx) => {
    const declaration = await loadForEdit(tx, caller, { ...input, step: 7, now });
    const related = await relatedCounts(tx, declaration.id);
    const issue = staffCountIssue((declaration.data as DeclarationData)["3"], { total: related.staff, disabled: related.disabled });
    if (issue) throw new StepInvalidError({}, issue);
    const result = await commitDeclaration(tx, declaration, { stepStatus: { ...(declaration.stepStatus as StepStatusMap), "7": "COMPLETE" }, related });
    await recordAudit(tx, actor, { action: "declaration.step_saved", targetType: "Declaration", targetId: declaration.id, after: { step: 7, mode: "complete", staff: related.staff } });
    return result;
  });
}

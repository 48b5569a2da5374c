import { z } from "zod";
import { fieldErrorsOf } from "@/lib/errors/app-error";
import type { Db } from "@/lib/db-client";
import { declarationTarget } from "@/lib/validation/record-id";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Caller } from "@/lib/authz/guards";
import { formStep } from "@/lib/declaration/forms";
import type { StepValues } from "@/lib/declaration/forms/field-spec";
import { commitDeclaration, loadForEdit, relatedCounts } from "@/lib/declaration/editable";
import { StepInvalidError } from "@/lib/declaration/errors";
import { type DeclarationData } from "@/lib/declaration/declaration-json";
import type { StepStatusMap } from "@/lib/declaration/steps";
import { hasAnyValue } from "@/lib/declaration/forms/field-spec";

/**
 * A save of form step 2–6. "draft": autosave or explicit save, incomplete data allowed (the
 * values are checked for types only, here); "complete": every required field valid, checked
 * by saveStep on what will be stored (a returned file merges the flagged fields first).
 */
export const saveStepInput = declarationTarget
  .extend({ step: z.number().int().min(2).max(6), values: z.unknown(), mode: z.enum(["draft", "complete"]) })
  .transform((input, ctx) => {
    const draft = formStep(input.step)!.draft.safeParse(input.values);
    if (draft.success) return { ...input, values: draft.data as StepValues };
    for (const issue of draft.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: ["values", ...issue.path] });
    return z.NEVER;
  });
export type SaveStepInput = z.output<typeof saveStepInput>;

export type SaveStepResult = { version: number; stepStatus: StepStatusMap; values: StepValues };

/**
 * Saves one form step (2–6). A draft is checked for types only; "complete" requires the
 * step's full schema and then marks it complete. What is stored is what the holder typed
 * (normalised on completion), so the form comes back exactly as it was left.
 */
export async function saveStep(
  db: Db,
  actor: AuditActor & { userId: string },
  caller: Caller,
  input: SaveStepInput,
  now = new Date(),
): Promise<SaveStepResult> {
  const form = formStep(input.step)!;
  const typed = input.values;
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
    const before = declaration.data[String(input.step)] ?? null;
    // A returned file: only the flagged fields take what was sent; the rest stays as stored.
    let values = completed ?? typed;
    if (declaration.openFields) {
      const merged = { ...before, ...Object.fromEntries(declaration.openFields.map((f) => [f, typed[f]])) };
      values = input.mode === "complete" ? complete(merged) : merged;
    }
    const data: DeclarationData = { ...declaration.data, [String(input.step)]: values };
    const stored = { ...declaration.stepStatus };
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

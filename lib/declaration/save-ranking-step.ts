import { z } from "zod";
import { fieldErrorsOf } from "@/lib/errors/app-error";
import type { Db } from "@/lib/db-client";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Caller } from "@/lib/authz/guards";
import { commitDeclaration, loadForEdit, relatedCounts } from "@/lib/declaration/editable";
import { StepInvalidError } from "@/lib/declaration/errors";
import { declarationFacts, positiveBasisOf } from "@/lib/declaration/facts";
import { hasAnyValue, type StepValues } from "@/lib/declaration/forms/field-spec";
import { rankingDraftSchema, rankingFullSchema } from "@/lib/declaration/forms/step-8-ranking";
import type { StepStatusMap } from "@/lib/declaration/steps";
import type { SaveStepResult } from "@/lib/declaration/save-step";
import { declarationTarget } from "@/lib/validation/record-id";

/**
 * Step 8's save. Its form is built from the round's rule set, so the answers are checked by
 * saveRankingStep against the rule set it reads, not here.
 */
export const saveRankingInput = declarationTarget.extend({
  values: z.record(z.string(), z.unknown()),
  mode: z.enum(["draft", "complete"]),
});
export type SaveRankingInput = z.output<typeof saveRankingInput>;
import { ruleSetOfRound } from "@/lib/rounds/rule-set-of-round";

/**
 * Saves step 8 (the positive table's confirmation and the violation answers). Its form is
 * built from the round's rule set, so it is validated inside the transaction that reads the
 * declaration. Besides what the holder answered, it stores the facts the positive table was
 * computed from (`positiveBasis`): if steps 1–7 later change them, step 8 falls back to "in
 * progress" and must be confirmed again.
 */
export async function saveRankingStep(
  db: Db,
  actor: AuditActor & { userId: string },
  caller: Caller,
  input: SaveRankingInput,
  now = new Date(),
): Promise<SaveStepResult> {
  return db.$transaction(async (tx) => {
    const declaration = await loadForEdit(tx, caller, { ...input, step: 8, now });
    const { ruleSet } = await ruleSetOfRound(tx, declaration.roundId);
    const draft = rankingDraftSchema(ruleSet.violations).safeParse(input.values);
    if (!draft.success) throw new StepInvalidError(fieldErrorsOf(draft.error));
    let values = draft.data as StepValues;
    if (input.mode === "complete") {
      const full = rankingFullSchema(ruleSet.violations, () => now).safeParse(values);
      if (!full.success) throw new StepInvalidError(fieldErrorsOf(full.error));
      values = full.data;
    }

    const data = declaration.data;
    const related = await relatedCounts(tx, declaration.id);
    const facts = declarationFacts({ data, staff: { total: related.staff, disabled: related.disabled, insured: related.insured } });
    const stored: StepValues = { ...values, positiveBasis: positiveBasisOf(facts) };
    const stepStatus: StepStatusMap = {
      ...declaration.stepStatus,
      "8": input.mode === "complete" ? "COMPLETE" : hasAnyValue(values) ? "IN_PROGRESS" : "NOT_STARTED",
    };
    const result = await commitDeclaration(tx, declaration, { data: { ...data, "8": stored }, stepStatus, related });
    await recordAudit(tx, actor, {
      action: "declaration.step_saved",
      targetType: "Declaration",
      targetId: declaration.id,
      before: { step: 8, values: data["8"] ?? null },
      after: { step: 8, mode: input.mode, values: stored },
    });
    return { ...result, values };
  });
}

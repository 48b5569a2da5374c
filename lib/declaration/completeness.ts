import type { Tx } from "@/lib/db-client";
import type { PersonType } from "@/lib/generated/prisma/enums";
import { relatedCounts } from "@/lib/declaration/editable";
import { SubmitIncompleteError } from "@/lib/declaration/errors";
import { formStep } from "@/lib/declaration/forms";
import { rankingFullSchema, splitStoredRanking } from "@/lib/declaration/forms/step-8-ranking";
import { reevaluateStatuses } from "@/lib/declaration/step-status";
import { readDeclarationData, readStepStatus } from "@/lib/declaration/declaration-json";
import { STEPS, stepStates, type StepStatusMap } from "@/lib/declaration/steps";
import { ruleSetOfRound } from "@/lib/rounds/rule-set-of-round";

/**
 * The server's own view of whether a declaration can be sent (submission and resubmission):
 * statuses recomputed from the rows, each completed form and step 8 re-validated (they were
 * validated when completed; this guards the data). Returns the recomputed statuses, or
 * throws SubmitIncompleteError naming the steps to finish.
 */
export async function assertComplete(
  tx: Tx,
  declaration: { id: string; roundId: string; data: unknown; stepStatus: unknown; officePersonType: PersonType },
  now: Date,
): Promise<StepStatusMap> {
  const data = readDeclarationData(declaration.data);
  const related = await relatedCounts(tx, declaration.id);
  const stepStatus = reevaluateStatuses({
    stored: readStepStatus(declaration.stepStatus),
    data,
    officePersonType: declaration.officePersonType,
    documentKinds: related.kinds,
    staff: { total: related.staff, disabled: related.disabled, insured: related.insured },
    boardMemberCount: related.board,
  });
  const { ruleSet } = await ruleSetOfRound(tx, declaration.roundId);
  const ranking = rankingFullSchema(ruleSet.violations, () => now).safeParse(splitStoredRanking(data["8"]).values);
  const incomplete = stepStates(stepStatus).filter((s) => {
    if (s.number === 9 || s.state === "NOT_NEEDED") return false;
    if (s.state !== "COMPLETE") return true;
    const form = formStep(s.number);
    if (form) return !form.full.safeParse(data[String(s.number)]).success;
    return s.number === 8 && !ranking.success;
  });
  if (incomplete.length > 0 || !ranking.success) throw new SubmitIncompleteError(incomplete.length > 0 ? incomplete : [STEPS[7]]);
  return stepStatus;
}

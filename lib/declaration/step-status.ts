// Recomputes the stored status of the steps that depend on other data, after any change
// to a declaration: documents (step 1), step 4's existence, step 7's match with step 3.
// Step 8 falls back to "in progress" when the facts behind the positive points it confirmed
// have changed since (facts.ts, positiveBasisOf).
// A form step's own status is set by its own save (save-step.ts), the only way its data
// changes, so it is not re-validated here on every autosave. Pure: the caller passes all.
import type { DocumentKind, PersonType } from "@/lib/generated/prisma/enums";
import { REQUIRED_DOCUMENT_KINDS } from "@/lib/documents/kinds";
import { hasAnyValue } from "@/lib/declaration/forms/field-spec";
import type { StepStatusMap } from "@/lib/declaration/steps";
import { staffCountIssue, type StaffCounts } from "@/lib/declaration/staff-rules";
import { declarationFacts, positiveBasisOf } from "@/lib/declaration/facts";

import type { DeclarationData } from "@/lib/declaration/declaration-json";

export type StatusInput = {
  stored: StepStatusMap;
  data: DeclarationData;
  officePersonType: PersonType;
  documentKinds: readonly DocumentKind[];
  staff: StaffCounts & { insured: number };
  boardMemberCount: number;
};

function effectivePersonType(data: DeclarationData, officePersonType: PersonType): PersonType {
  const chosen = data["3"]?.personType;
  return chosen === "REAL" || chosen === "LEGAL" ? chosen : officePersonType;
}

export function reevaluateStatuses(input: StatusInput): StepStatusMap {
  const next: StepStatusMap = { ...input.stored };

  const present = new Set(input.documentKinds);
  const have = REQUIRED_DOCUMENT_KINDS.filter((k) => present.has(k)).length;
  next["1"] = have === REQUIRED_DOCUMENT_KINDS.length ? "COMPLETE" : have > 0 ? "IN_PROGRESS" : "NOT_STARTED";

  if (effectivePersonType(input.data, input.officePersonType) === "REAL") next["4"] = "NOT_NEEDED";
  else if (next["4"] === "NOT_NEEDED" || next["4"] === undefined) next["4"] = hasAnyValue(input.data["4"]) ? "IN_PROGRESS" : "NOT_STARTED";
  else if (next["4"] === "COMPLETE" && input.boardMemberCount === 0) next["4"] = "IN_PROGRESS";

  if (next["7"] === "COMPLETE" && staffCountIssue(input.data["3"], input.staff) !== null) next["7"] = "IN_PROGRESS";
  if (next["7"] === "NOT_STARTED" && input.staff.total > 0) next["7"] = "IN_PROGRESS";

  if (
    next["8"] === "COMPLETE" &&
    input.data["8"]?.positiveBasis !== positiveBasisOf(declarationFacts({ data: input.data, staff: input.staff }))
  ) {
    next["8"] = "IN_PROGRESS";
  }

  return next;
}

// Recomputes the stored status of the steps that depend on other data, after any change
// to a declaration. A holder marks form steps complete; these rules only take that back
// when the data no longer supports it, and set the automatic ones (documents, step 4's
// existence). Pure: the caller passes everything it needs.
import type { DocumentKind, PersonType } from "@/lib/generated/prisma/enums";
import { REQUIRED_DOCUMENT_KINDS } from "@/lib/documents/kinds";
import { hasAnyValue, type StepValues } from "@/lib/declaration/forms/field-spec";
import { FORM_STEPS } from "@/lib/declaration/forms";
import type { StepStatusMap } from "@/lib/declaration/steps";
import { staffCountIssue, type StaffCounts } from "@/lib/declaration/staff-rules";

export type DeclarationData = Partial<Record<string, StepValues>>;

export type StatusInput = {
  stored: StepStatusMap;
  data: DeclarationData;
  officePersonType: PersonType;
  documentKinds: readonly DocumentKind[];
  staff: StaffCounts;
  boardMemberCount: number;
};

export function effectivePersonType(data: DeclarationData, officePersonType: PersonType): PersonType {
  const chosen = data["3"]?.personType;
  return chosen === "REAL" || chosen === "LEGAL" ? chosen : officePersonType;
}

export function reevaluateStatuses(input: StatusInput): StepStatusMap {
  const next: StepStatusMap = { ...input.stored };

  const present = new Set(input.documentKinds);
  const have = REQUIRED_DOCUMENT_KINDS.filter((k) => present.has(k)).length;
  next["1"] = have === REQUIRED_DOCUMENT_KINDS.length ? "COMPLETE" : have > 0 ? "IN_PROGRESS" : "NOT_STARTED";

  for (const [step, form] of Object.entries(FORM_STEPS)) {
    if (next[step] === "COMPLETE" && !form.full.safeParse(input.data[step] ?? {}).success) next[step] = "IN_PROGRESS";
  }

  if (effectivePersonType(input.data, input.officePersonType) === "REAL") next["4"] = "NOT_NEEDED";
  else if (next["4"] === "NOT_NEEDED" || next["4"] === undefined) next["4"] = hasAnyValue(input.data["4"]) ? "IN_PROGRESS" : "NOT_STARTED";
  else if (next["4"] === "COMPLETE" && input.boardMemberCount === 0) next["4"] = "IN_PROGRESS";

  if (next["7"] === "COMPLETE" && staffCountIssue(input.data["3"], input.staff) !== null) next["7"] = "IN_PROGRESS";
  if (next["7"] === "NOT_STARTED" && input.staff.total > 0) next["7"] = "IN_PROGRESS";

  return next;
}

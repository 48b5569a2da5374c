// Persian labels of the dashboard and the export: the file statuses plus "no file", and the
// coarser stages the region chart stacks. Shared by server pages and the chart components.
import type { DeclarationStatus } from "@/lib/generated/prisma/enums";
import { DECLARATION_STATUS_LABEL } from "@/lib/format/labels";

export type StatusKey = DeclarationStatus | "NO_FILE";

/** In the order a file moves through the round. */
export const STATUS_ORDER: readonly StatusKey[] = [
  "NO_FILE",
  "DRAFT",
  "SUBMITTED",
  "IN_REVIEW",
  "RETURNED",
  "RESUBMITTED",
  "APPROVED",
  "OBJECTED",
  "OBJECTION_DECIDED",
  "FINAL",
  "NOT_SUBMITTED",
];

export const STATUS_LABEL: Record<StatusKey, string> = { NO_FILE: "بدون پرونده", ...DECLARATION_STATUS_LABEL };

export type Stage = "notYet" | "region" | "holder" | "decided" | "notSubmitted";

export const STAGE_ORDER: readonly Stage[] = ["notYet", "region", "holder", "decided", "notSubmitted"];

export const STAGE_LABEL: Record<Stage, string> = {
  notYet: "هنوز ارسال نشده",
  region: "نزد منطقه",
  holder: "نزد دارنده برای اصلاح",
  decided: "تأییدشده",
  notSubmitted: "ارسال‌نشده در مهلت",
};

export const STAGE_OF: Record<StatusKey, Stage> = {
  NO_FILE: "notYet",
  DRAFT: "notYet",
  SUBMITTED: "region",
  IN_REVIEW: "region",
  RESUBMITTED: "region",
  OBJECTED: "region",
  RETURNED: "holder",
  APPROVED: "decided",
  OBJECTION_DECIDED: "decided",
  FINAL: "decided",
  NOT_SUBMITTED: "notSubmitted",
};

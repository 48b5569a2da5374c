// The nine steps of the self-declaration wizard (DOMAIN.md), in order, and the rule that
// a step opens only when every earlier step is complete (or not needed).
import type { PersonType } from "@/lib/generated/prisma/enums";

export const STEPS = [
  { number: 1, key: "documents", title: "مستندات" },
  { number: 2, key: "responsible", title: "مسئول دفتر" },
  { number: 3, key: "office", title: "مشخصات دفتر" },
  { number: 4, key: "legal", title: "اطلاعات حقوقی" },
  { number: 5, key: "contact", title: "اطلاعات تماس" },
  { number: 6, key: "location", title: "موقعیت مکانی" },
  { number: 7, key: "staff", title: "کارکنان" },
  { number: 8, key: "ranking", title: "رتبه‌بندی" },
  { number: 9, key: "confirm", title: "تایید نهایی" },
] as const;

export type StepNumber = (typeof STEPS)[number]["number"];
export type StoredStepStatus = "NOT_STARTED" | "IN_PROGRESS" | "COMPLETE" | "NOT_NEEDED";
export type StepState = StoredStepStatus | "LOCKED";
export type StepStatusMap = Partial<Record<string, StoredStepStatus>>;

export const STEP_STATE_LABEL: Record<StepState, string> = {
  LOCKED: "هنوز قابل شروع نیست",
  NOT_STARTED: "شروع نشده",
  IN_PROGRESS: "در حال تکمیل",
  COMPLETE: "تکمیل شده",
  NOT_NEEDED: "لازم نیست",
};

/** Step 4 exists only for legal persons. */
export function initialStepStatus(personType: PersonType): StepStatusMap {
  return Object.fromEntries(STEPS.map((s) => [String(s.number), s.number === 4 && personType === "REAL" ? "NOT_NEEDED" : "NOT_STARTED"]));
}

/** Each step's state as shown on the task list: LOCKED until every earlier step is done. */
export function stepStates(stored: StepStatusMap): { number: StepNumber; key: string; title: string; state: StepState }[] {
  let earlierDone = true;
  return STEPS.map((s) => {
    const own = stored[String(s.number)] ?? "NOT_STARTED";
    const state: StepState = own === "NOT_NEEDED" ? "NOT_NEEDED" : earlierDone ? own : "LOCKED";
    earlierDone = earlierDone && (own === "COMPLETE" || own === "NOT_NEEDED");
    return { number: s.number, key: s.key, title: s.title, state };
  });
}

export function progressPercent(stored: StepStatusMap): number {
  const needed = STEPS.filter((s) => stored[String(s.number)] !== "NOT_NEEDED");
  const done = needed.filter((s) => stored[String(s.number)] === "COMPLETE").length;
  return Math.round((done / needed.length) * 100);
}

/** Where to go after completing a step: the first step still to do, else the task list. */
export function nextStepHref(declarationId: string, stored: StepStatusMap): string {
  const next = stepStates(stored).find((s) => s.state === "NOT_STARTED" || s.state === "IN_PROGRESS");
  return next ? `/declarations/${declarationId}/steps/${next.number}` : `/declarations/${declarationId}`;
}

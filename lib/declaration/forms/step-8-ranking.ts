// Step 8, رتبه‌بندی: the holder confirms the positive points computed from steps 1–7,
// answers every violation of the round's rule set yes or no, and confirms the negative
// total. The violations come from the rule set pinned to the round, so the form is built
// from them; the browser and the server build it from the same list.
//
// Values are flat (like every other step's form): violation i of the rule set (1-based, in
// rule-set order, which an approved rule set never changes) has the fields `v{i}`
// ("yes" | "no" | ""), `v{i}Description`, `v{i}Verdict` (a national committee verdict) and
// `v{i}NoticeDate` (the verdict's notice date, Jalali). Field names do not carry the codes
// because a rule set's codes may hold characters a form field name cannot.
import { z } from "zod";
import { jalaliDateIssue, normalizeJalaliDate, parseJalaliDate } from "@/lib/format/jalali";
import type { StepValues } from "./field-spec";

export type RankingViolation = { code: string; title: string; points: number };

const DESCRIPTION_MIN = 10;
const DESCRIPTION_MAX = 1000;

export const MESSAGES = {
  positiveConfirmed: "جدول امتیازهای مثبت را بررسی کنید و تایید آن را علامت بزنید.",
  answer: "به این مورد پاسخ «بله» یا «خیر» بدهید.",
  description: "شرح تخلف را بنویسید (دست‌کم ۱۰ حرف).",
  descriptionLong: "شرح وارد شده بیش از حد طولانی است.",
  noticeDate: "تاریخ ابلاغ رای کمیسیون را وارد کنید.",
  noticeDateFuture: "تاریخ ابلاغ رای نمی‌تواند بعد از امروز باشد.",
  negativeConfirmed: "امتیاز منفی و امتیاز کل را بررسی کنید و تایید آن را علامت بزنید.",
} as const;

export const answerField = (i: number) => `v${i}`;
export const descriptionField = (i: number) => `v${i}Description`;
export const verdictField = (i: number) => `v${i}Verdict`;
export const noticeDateField = (i: number) => `v${i}NoticeDate`;

/** Empty values for a rule set's violations (what an untouched step 8 holds). */
export function emptyRankingValues(violations: readonly RankingViolation[]): StepValues {
  const values: StepValues = { positiveConfirmed: false, negativeConfirmed: false };
  violations.forEach((_, k) => {
    const i = k + 1;
    values[answerField(i)] = "";
    values[descriptionField(i)] = "";
    values[verdictField(i)] = false;
    values[noticeDateField(i)] = "";
  });
  return values;
}

/** The draft schema: types only (an answer is yes, no or not yet given; text bounded). */
export function rankingDraftSchema(violations: readonly RankingViolation[]) {
  const shape: Record<string, z.ZodType> = {
    positiveConfirmed: z.boolean().optional(),
    negativeConfirmed: z.boolean().optional(),
  };
  violations.forEach((_, k) => {
    const i = k + 1;
    shape[answerField(i)] = z.enum(["", "yes", "no"], { error: "گزینه نامعتبر است." }).optional();
    shape[descriptionField(i)] = z.string().max(DESCRIPTION_MAX, { error: MESSAGES.descriptionLong }).optional();
    shape[verdictField(i)] = z.boolean().optional();
    shape[noticeDateField(i)] = z.string().max(40, { error: "تاریخ نامعتبر است." }).optional();
  });
  return z.strictObject(shape);
}

/**
 * What "complete" requires: both confirmations, every violation answered, a "yes" with its
 * description and, when a committee verdict is ticked, a real notice date not after `now`.
 * The output is normalised: a "no" keeps no description or date, dates are yyyy/mm/dd.
 */
export function rankingFullSchema(violations: readonly RankingViolation[], now: () => Date = () => new Date()) {
  return rankingDraftSchema(violations).transform((values, ctx) => {
    const out: StepValues = { ...(values as StepValues) };
    if (values.positiveConfirmed !== true)
      ctx.addIssue({ code: "custom", path: ["positiveConfirmed"], message: MESSAGES.positiveConfirmed });
    violations.forEach((_, k) => {
      const i = k + 1;
      const answer = values[answerField(i)];
      if (answer !== "yes" && answer !== "no") {
        ctx.addIssue({ code: "custom", path: [answerField(i)], message: MESSAGES.answer });
        return;
      }
      if (answer === "no") {
        out[descriptionField(i)] = "";
        out[verdictField(i)] = false;
        out[noticeDateField(i)] = "";
        return;
      }
      const description = String(values[descriptionField(i)] ?? "").trim();
      if (description.length < DESCRIPTION_MIN)
        ctx.addIssue({ code: "custom", path: [descriptionField(i)], message: MESSAGES.description });
      out[descriptionField(i)] = description;
      if (values[verdictField(i)] === true) {
        const raw = String(values[noticeDateField(i)] ?? "").trim();
        const issue = raw === "" ? MESSAGES.noticeDate : jalaliDateIssue(raw);
        if (issue) ctx.addIssue({ code: "custom", path: [noticeDateField(i)], message: issue });
        else if (parseJalaliDate(raw)! > now())
          ctx.addIssue({ code: "custom", path: [noticeDateField(i)], message: MESSAGES.noticeDateFuture });
        else out[noticeDateField(i)] = normalizeJalaliDate(raw)!;
      } else {
        out[verdictField(i)] = false;
        out[noticeDateField(i)] = "";
      }
    });
    if (values.negativeConfirmed !== true)
      ctx.addIssue({ code: "custom", path: ["negativeConfirmed"], message: MESSAGES.negativeConfirmed });
    return out;
  });
}

export type ViolationAnswerValue = { code: string; answer: boolean; description: string | null; verdictNoticeDate: string | null };

/** The answers of (complete) step 8 values, by violation, in rule-set order. */
export function violationAnswersOf(violations: readonly RankingViolation[], values: StepValues | undefined): ViolationAnswerValue[] {
  return violations.map((v, k) => {
    const i = k + 1;
    const yes = values?.[answerField(i)] === "yes";
    const date = String(values?.[noticeDateField(i)] ?? "");
    return {
      code: v.code,
      answer: yes,
      description: yes ? String(values?.[descriptionField(i)] ?? "") : null,
      verdictNoticeDate: yes && values?.[verdictField(i)] === true && date !== "" ? date : null,
    };
  });
}

/** Stored step 8 split into the holder's answers and the server's `positiveBasis` (save-ranking-step.ts). */
export function splitStoredRanking(stored: StepValues | undefined): { values: StepValues; positiveBasis: string | undefined } {
  const values: StepValues = { ...stored };
  const basis = values.positiveBasis;
  delete values.positiveBasis;
  return { values, positiveBasis: typeof basis === "string" ? basis : undefined };
}

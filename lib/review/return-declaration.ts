import { z } from "zod";
import type { Db } from "@/lib/db-client";
import type { AuditActor } from "@/lib/audit/record-audit";
import type { Caller } from "@/lib/authz/guards";
import { FORM_STEPS } from "@/lib/declaration/forms";
import { readDeclarationData, toJson, toJsonOrDbNull } from "@/lib/declaration/declaration-json";
import { enqueueHolderSms } from "@/lib/notify/enqueue-sms";
import { loadForReview } from "@/lib/review/load-for-review";
import { applyTransition } from "@/lib/workflow/apply-transition";
import { roundDeadline } from "@/lib/workflow/round-deadline";

/** The sections a flag may name: steps 1–8 (step 9 is the summary). */
export type ReturnFlagSection = "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8";

/** One thing the holder must correct: a whole step ("1"–"8") or one field of a form step. */
const correctionFlag = z
  .object({
    section: z.enum(["1", "2", "3", "4", "5", "6", "7", "8"], { error: "بخش نامعتبر است." }),
    field: z.string().max(64).nullable(),
    comment: z
      .string()
      .trim()
      .min(5, { error: "توضیح دهید چه چیزی باید اصلاح شود (دست‌کم ۵ حرف)." })
      .max(500, { error: "توضیح بیش از حد طولانی است." }),
  })
  .refine((f) => f.field === null || (FORM_STEPS[f.section as "2"]?.fields.some((s) => s.name === f.field) ?? false), {
    error: "این فیلد در این بخش وجود ندارد.",
    path: ["field"],
  });

export const returnInput = z.object({
  declarationId: z.string().min(1).max(64),
  flags: z.array(correctionFlag).min(1, { error: "دست‌کم یک مورد برای اصلاح مشخص کنید." }).max(30),
});

/**
 * The assignee returns the file for correction: each flagged section or field with a
 * comment; the holder's correction period starts now, the holder gets an SMS, and only the
 * flagged parts open (editable.ts). What the flagged parts held is kept to show the change.
 */
export async function returnForCorrection(
  db: Db,
  actor: AuditActor,
  caller: Caller,
  input: z.output<typeof returnInput>,
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const d = await loadForReview(tx, caller, input.declarationId, { assigneeOnly: true });
    const dueAt = await roundDeadline(tx, d.round, now, d.round.correctionDays);
    const data = readDeclarationData(d.data);
    await applyTransition(
      tx,
      d,
      "return_for_correction",
      { actor: "EXPERT", audit: actor },
      {
        data: { dueAt, overdue: false },
        audit: { flags: toJson(input.flags), dueAt: dueAt.toISOString() },
      },
    );
    await tx.correctionRequest.createMany({
      data: input.flags.map((f) => ({
        declarationId: d.id,
        section: f.section,
        field: f.field,
        comment: f.comment,
        dueAt,
        before: toJsonOrDbNull(f.field === null ? data[f.section] : data[f.section]?.[f.field]),
        createdById: caller.id,
      })),
    });
    await enqueueHolderSms(tx, { declarationId: d.id, holder: d.office.holder }, "declaration-returned", {
      officeCode: d.office.code,
      dueAt: dueAt.toISOString(),
      declarationId: d.id,
    });
    return { dueAt };
  });
}

import { z } from "zod";
import type { Db, Tx } from "@/lib/db-client";
import { PASSWORD_MAX_LENGTH } from "@/lib/auth/password-policy";
import { declarationTarget } from "@/lib/validation/record-id";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { confirmPassword } from "@/lib/auth/confirm-password";
import { loadDeclarationFor, type Caller } from "@/lib/authz/guards";
import { assertComplete } from "@/lib/declaration/completeness";
import { NotEditableError, StaleVersionError, StepInvalidError, SubmitWindowClosedError } from "@/lib/declaration/errors";
import { scoreDeclaration, storeViolationAnswers, writeScoreSnapshot } from "@/lib/declaration/score-declaration";
import { isWindowOpen } from "@/lib/rounds/window";
import { enqueueHolderSms } from "@/lib/notify/enqueue-sms";
import { roundDeadline } from "@/lib/workflow/round-deadline";
import { transitionTarget } from "@/lib/workflow/transitions";
import { readDeclarationData, toJson } from "@/lib/declaration/declaration-json";
import { generateTrackingCode } from "@/lib/declaration/tracking-code";
import { formatJalaliDateTime } from "@/lib/format/jalali";

export const submitDeclarationInput = declarationTarget.extend({
  confirmed: z.boolean(),
  password: z.string().max(PASSWORD_MAX_LENGTH * 4),
});
export type SubmitDeclarationInput = z.output<typeof submitDeclarationInput>;
export type SubmitDeclarationResult = { trackingCode: string; submittedAt: Date; repeated: boolean };

const SUBMIT_MESSAGES = {
  confirmed: "برای ارسال، درستی اطلاعات را با علامت زدن این گزینه تایید کنید.",
  password: "رمز عبور درست نیست.",
  locked: (until: Date) =>
    `به دلیل چند بار ورود رمز نادرست، حساب شما تا ${formatJalaliDateTime(until)} قفل است. پس از آن دوباره تلاش کنید.`,
} as const;

/**
 * The final submission (step 9). The password is asked again, then in one transaction: the
 * caller's own draft, the window open, the version the holder reviewed, every step complete
 * by the server's own reckoning (statuses recomputed, forms re-validated), the score
 * computed from the stored data with the round's rule set; the declaration moves to
 * SUBMITTED with a tracking code, the violation answers and a score snapshot (with its
 * SHA-256) are stored, and an audit entry is written. From then on every change is refused
 * (editable.ts accepts only drafts).
 *
 * Submitting again (double click, second tab, replayed request) returns the first
 * submission's tracking code and writes nothing: the status change is a compare-and-set.
 */
export async function submitDeclaration(
  db: Db,
  actor: AuditActor & { userId: string },
  caller: Caller,
  input: SubmitDeclarationInput,
  now = new Date(),
): Promise<SubmitDeclarationResult> {
  if (input.confirmed !== true) throw new StepInvalidError({ confirmed: SUBMIT_MESSAGES.confirmed });
  const password = await confirmPassword(db, actor, input.password, now);
  if (!password.ok) {
    throw new StepInvalidError({
      password: password.code === "LOCKED" ? SUBMIT_MESSAGES.locked(password.until) : SUBMIT_MESSAGES.password,
    });
  }
  // A fresh random tracking code may, very rarely, already exist: try again with another.
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction((tx) => submitOnce(tx, actor, caller, input, now));
    } catch (e) {
      if (attempt < 3 && isTrackingCodeClash(e)) continue;
      throw e;
    }
  }
}

function isTrackingCodeClash(e: unknown): boolean {
  const err = e as { code?: string; meta?: { target?: unknown } };
  return err?.code === "P2002" && JSON.stringify(err.meta?.target ?? "").includes("trackingCode");
}

async function submitOnce(
  tx: Tx,
  actor: AuditActor & { userId: string },
  caller: Caller,
  input: SubmitDeclarationInput,
  now: Date,
): Promise<SubmitDeclarationResult> {
  const declaration = await loadDeclarationFor(tx, caller, input.declarationId, "declaration:submit", {
    select: {
      id: true,
      status: true,
      stepStatus: true,
      data: true,
      version: true,
      regionId: true,
      roundId: true,
      trackingCode: true,
      submittedAt: true,
      office: { select: { personType: true, code: true, holder: { select: { id: true, mobile: true } } } },
      round: { select: { windowOpensAt: true, windowClosesAt: true, reviewDays: true, dayKind: true } },
    },
  });
  if (declaration.status !== "DRAFT") {
    if (declaration.trackingCode && declaration.submittedAt) {
      return { trackingCode: declaration.trackingCode, submittedAt: declaration.submittedAt, repeated: true };
    }
    throw new NotEditableError();
  }
  if (!isWindowOpen(declaration.round, now)) throw new SubmitWindowClosedError();
  if (declaration.version !== input.version) throw new StaleVersionError();

  const data = readDeclarationData(declaration.data);
  const stepStatus = await assertComplete(tx, { ...declaration, officePersonType: declaration.office.personType }, now);
  const scored = await scoreDeclaration(tx, { id: declaration.id, roundId: declaration.roundId, data });
  const trackingCode = generateTrackingCode();

  const claimed = await tx.declaration.updateMany({
    where: { id: declaration.id, version: declaration.version, status: "DRAFT" },
    data: {
      status: transitionTarget("submit", declaration.status, "HOLDER"),
      submittedAt: now,
      trackingCode,
      stepStatus: toJson({ ...stepStatus, "9": "COMPLETE" }),
      version: { increment: 1 },
      // The region's review period starts now.
      dueAt: await roundDeadline(tx, declaration.round, now, declaration.round.reviewDays),
    },
  });
  if (claimed.count !== 1) {
    // Another request submitted (or changed) the file since it was read above.
    const current = await tx.declaration.findUniqueOrThrow({
      where: { id: declaration.id },
      select: { trackingCode: true, submittedAt: true },
    });
    if (current.trackingCode && current.submittedAt)
      return { trackingCode: current.trackingCode, submittedAt: current.submittedAt, repeated: true };
    throw new StaleVersionError();
  }

  await storeViolationAnswers(tx, declaration.id, scored.answers);
  const sha256 = await writeScoreSnapshot(tx, {
    declaration: { id: declaration.id, trackingCode, submittedAt: now },
    reason: "SUBMITTED",
    scored,
    createdById: actor.userId,
    at: now,
  });
  const { score, pinned } = scored;
  await recordAudit(tx, actor, {
    action: "declaration.submitted",
    targetType: "Declaration",
    targetId: declaration.id,
    after: { trackingCode, total: score.total, rank: score.rank, sha256, ruleSetId: pinned.row.id, ruleSetVersion: pinned.row.version },
  });
  // The holder keeps the tracking code even without the receipt at hand.
  await enqueueHolderSms(tx, { declarationId: declaration.id, holder: declaration.office.holder }, "declaration-submitted", {
    officeCode: declaration.office.code,
    trackingCode,
    declarationId: declaration.id,
  });
  return { trackingCode, submittedAt: now, repeated: false };
}

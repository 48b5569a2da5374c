import type { Db } from "@/lib/db-client";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { lowestRank } from "@/lib/ranking";
import { enqueueHolderSms } from "@/lib/notify/enqueue-sms";
import { readDeclarationData, toJsonOrDbNull } from "@/lib/declaration/declaration-json";
import { ruleSetOfRound } from "@/lib/rounds/rule-set-of-round";
import { applyTransition, ConcurrentChangeError } from "@/lib/workflow/apply-transition";
import { markNotSubmitted } from "@/lib/workflow/not-submitted";
import { objectionDeadline } from "@/lib/workflow/objection-window";
import { roundDeadline } from "@/lib/workflow/round-deadline";
import { UTC_NOW } from "@/lib/sql-time";

// The scheduled deadline sweep: applies every expiry whose time has come and queues the
// correction reminders. Idempotent and safe to run concurrently: each change is a
// compare-and-set transition in its own transaction, and a reminder is queued only if none
// was queued for the current correction request.

const SYSTEM: AuditActor = { userId: null, role: null, ip: null };
const REMINDER_BEFORE_MS = 2 * 24 * 60 * 60 * 1000;

export type SweepResult = {
  notSubmitted: number;
  correctionsExpired: number;
  finalized: number;
  reminders: number;
  windowReminders: number;
};

export async function runDeadlineSweep(db: Db, now = new Date()): Promise<SweepResult> {
  const result: SweepResult = { notSubmitted: 0, correctionsExpired: 0, finalized: 0, reminders: 0, windowReminders: 0 };
  const once = async (fn: () => Promise<void>) => {
    try {
      await fn();
      return true;
    } catch (e) {
      if (e instanceof ConcurrentChangeError) return false; // another sweep or a person got there first
      throw e;
    }
  };

  // 1. The holder's window closed without a submission: not submitted, lowest rank.
  const drafts = await db.declaration.findMany({
    where: { status: "DRAFT", round: { windowClosesAt: { lte: now } } },
    select: {
      id: true,
      status: true,
      roundId: true,
      round: { select: { title: true } },
      office: { select: { code: true, holder: { select: { id: true, mobile: true } } } },
    },
  });
  for (const d of drafts) {
    const { ruleSet } = await ruleSetOfRound(db, d.roundId);
    const done = await once(() =>
      db.$transaction((tx) =>
        markNotSubmitted(
          tx,
          { id: d.id, status: "DRAFT" },
          { actor: "SYSTEM", audit: SYSTEM },
          { lowestRank: lowestRank(ruleSet), roundTitle: d.round.title, officeCode: d.office.code, holder: d.office.holder },
          now,
        ),
      ),
    );
    if (done) result.notSubmitted++;
  }

  // 2. Corrections not made in time: back to the region, marked overdue, decided on the data as it stands.
  const late = await db.declaration.findMany({
    where: { status: "RETURNED", dueAt: { lte: now } },
    select: { id: true, status: true, data: true, round: { select: { reReviewDays: true, dayKind: true } } },
  });
  for (const d of late) {
    const done = await once(() =>
      db.$transaction(async (tx) => {
        await applyTransition(
          tx,
          d,
          "expire_correction",
          { actor: "SYSTEM", audit: SYSTEM },
          {
            data: { overdue: true, dueAt: await roundDeadline(tx, d.round, now, d.round.reReviewDays) },
          },
        );
        const open = await tx.correctionRequest.findMany({ where: { declarationId: d.id, resolvedAt: null } });
        const data = readDeclarationData(d.data);
        for (const c of open) {
          const after = c.field === null ? data[c.section] : data[c.section]?.[c.field];
          await tx.correctionRequest.update({ where: { id: c.id }, data: { after: toJsonOrDbNull(after), resolvedAt: now } });
        }
      }),
    );
    if (done) result.correctionsExpired++;
  }

  // 3. No objection within the window: the rank is final.
  const approved = await db.declaration.findMany({
    where: { status: "APPROVED" },
    select: { id: true, status: true, approvedAt: true, round: { select: { objectionDays: true, dayKind: true } } },
  });
  for (const d of approved) {
    const closesAt = await objectionDeadline(db, d);
    if (!closesAt || closesAt > now) continue;
    const done = await once(() =>
      db.$transaction(
        async (tx) => void (await applyTransition(tx, d, "finalize", { actor: "SYSTEM", audit: SYSTEM }, { data: { finalizedAt: now } })),
      ),
    );
    if (done) result.finalized++;
  }

  // 4. Two days before a correction deadline: one reminder per return.
  const soon = await db.declaration.findMany({
    where: { status: "RETURNED", dueAt: { gt: now, lte: new Date(now.getTime() + REMINDER_BEFORE_MS) } },
    select: { id: true, dueAt: true, office: { select: { code: true, holder: { select: { id: true, mobile: true } } } } },
  });
  for (const d of soon) {
    if (!d.office.holder.mobile) continue;
    await db.$transaction(async (tx) => {
      // Serialise reminders of one file, so two sweeps cannot both queue one.
      await tx.$queryRaw`SELECT 1 FROM "Declaration" WHERE "id" = ${d.id} FOR UPDATE`;
      const returnedAt = await tx.correctionRequest.findFirst({
        where: { declarationId: d.id, resolvedAt: null },
        orderBy: { createdAt: "desc" },
        select: { createdAt: true },
      });
      if (!returnedAt) return;
      const already = await tx.notification.count({
        where: { declarationId: d.id, template: "correction-reminder", createdAt: { gte: returnedAt.createdAt } },
      });
      if (already > 0) return;
      await enqueueHolderSms(tx, { declarationId: d.id, holder: d.office.holder }, "correction-reminder", {
        officeCode: d.office.code,
        dueAt: d.dueAt!.toISOString(),
        declarationId: d.id,
      });
      await recordAudit(tx, SYSTEM, {
        action: "declaration.reminder_queued",
        targetType: "Declaration",
        targetId: d.id,
        after: { dueAt: d.dueAt!.toISOString() },
      });
      result.reminders++;
    });
  }

  // 5. Two days before a round's window ends: one reminder to every holder who has not submitted.
  const closing = await db.round.findMany({
    where: { status: "OPEN", windowClosesAt: { gt: now, lte: new Date(now.getTime() + REMINDER_BEFORE_MS) } },
    select: { id: true },
  });
  for (const round of closing) result.windowReminders += await queueWindowReminders(db, round.id);
  return result;
}

/**
 * One "window-reminder" SMS per holder of the round without a submission (no file yet, or a
 * draft), in one statement; a second sweep (or two at once, serialised by the advisory lock)
 * queues nothing more.
 */
async function queueWindowReminders(db: Db, roundId: string): Promise<number> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`window-reminder:${roundId}`}))`;
    return tx.$executeRaw`
      INSERT INTO "Notification" ("id", "recipient", "userId", "declarationId", "template", "data", "updatedAt")
      SELECT gen_random_uuid()::text, u."mobile", u."id", d."id", 'window-reminder',
             jsonb_build_object('officeCode', o."code", 'roundTitle', r."title", 'roundId', r."id",
                                'closesAt', to_char(r."windowClosesAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
             ${UTC_NOW}
      FROM "Round" r
      JOIN "Office" o ON TRUE
      JOIN "User" u ON u."id" = o."holderId"
      LEFT JOIN "Declaration" d ON d."officeId" = o."id" AND d."roundId" = r."id"
      WHERE r."id" = ${roundId} AND u."active" AND u."mobile" IS NOT NULL AND (d."id" IS NULL OR d."status" = 'DRAFT')
        AND NOT EXISTS (
          SELECT 1 FROM "Notification" n WHERE n."userId" = u."id" AND n."template" = 'window-reminder' AND n."data"->>'roundId' = r."id"
        )`;
  });
}

import { z } from "zod";
import type { Db } from "@/lib/db-client";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Caller } from "@/lib/authz/guards";
import { scopeOf } from "@/lib/authz/permissions";
import { InvalidInputError, NotFoundError, RefusedError } from "@/lib/errors/app-error";
import { jalaliDateField } from "@/lib/validation/fields";
import { parseJalaliDate } from "@/lib/format/jalali";
import { lowestRank } from "@/lib/ranking";
import { ruleSetOfRound } from "@/lib/rounds/rule-set-of-round";
import { ConcurrentChangeError } from "@/lib/workflow/apply-transition";
import { markNotSubmitted } from "@/lib/workflow/not-submitted";
import { enqueueJob } from "@/lib/jobs/queue";
import { JobFailure, type JobHandler, type JobProgress } from "@/lib/jobs/run-jobs";

// The head office's rounds: create and edit (title, the holders' window in Jalali dates,
// every deadline in days, calendar or working days, the pinned rule set), open, close.
// A round's rule set is fixed once the round has opened; closing gives every office that
// did not submit the lowest rank and queues its SMS, once.

function requireManager(caller: Caller) {
  if (scopeOf(caller.role, "round:manage") !== "any") throw new NotFoundError("round");
}

const days = (label: string) =>
  z.preprocess(
    (v) => Number(typeof v === "string" ? v.replace(/[۰-۹]/g, (d) => String("۰۱۲۳۴۵۶۷۸۹".indexOf(d))) : v),
    z
      .number({ error: `${label} را به روز وارد کنید.` })
      .int({ error: `${label} را به روز وارد کنید.` })
      .min(1, { error: `${label} دست‌کم ۱ روز است.` })
      .max(365, { error: `${label} حداکثر ۳۶۵ روز است.` }),
  );

export const roundInput = z
  .object({
    title: z.string().trim().min(3, { error: "عنوان دوره را بنویسید." }).max(100),
    windowOpensOn: jalaliDateField,
    windowClosesOn: jalaliDateField,
    reviewDays: days("مهلت بررسی منطقه"),
    correctionDays: days("مهلت اصلاح"),
    reReviewDays: days("مهلت بررسی دوباره"),
    objectionDays: days("مهلت اعتراض"),
    dayKind: z.enum(["CALENDAR", "WORKING"], { error: "نوع شمارش روزها را انتخاب کنید." }),
    ruleSetId: z.string().min(1, { error: "جدول امتیازدهی را انتخاب کنید." }).max(64),
    /** Absent: a new round. */
    roundId: z.string().min(1).max(64).optional(),
  })
  .refine((v) => parseJalaliDate(v.windowClosesOn)! > parseJalaliDate(v.windowOpensOn)!, {
    error: "پایان مهلت باید بعد از آغاز آن باشد.",
    path: ["windowClosesOn"],
  });

/** The window: from the start of the first day to the end of the last day, Tehran time. */
function windowOf(v: z.infer<typeof roundInput>) {
  const closes = parseJalaliDate(v.windowClosesOn)!;
  return { windowOpensAt: parseJalaliDate(v.windowOpensOn)!, windowClosesAt: new Date(closes.getTime() + 24 * 60 * 60 * 1000) };
}

async function approvedRuleSet(db: Pick<Db, "ruleSet">, id: string) {
  const rs = await db.ruleSet.findUnique({ where: { id }, select: { id: true, approvedAt: true } });
  if (!rs) throw new InvalidInputError({ ruleSetId: "جدول امتیازدهی یافت نشد." });
  if (!rs.approvedAt) throw new InvalidInputError({ ruleSetId: "فقط جدول امتیازدهی تأییدشده را می‌توان به دوره بست." });
  return rs;
}

/** Creates a round (roundId absent) or edits a draft one; an opened round keeps its rule set and window start. */
const ROUND_FIELDS = [
  "title",
  "windowOpensAt",
  "windowClosesAt",
  "reviewDays",
  "correctionDays",
  "reReviewDays",
  "objectionDays",
  "dayKind",
  "ruleSetId",
] as const;
type RoundFields = { [K in (typeof ROUND_FIELDS)[number]]: string | number | Date };

/** The fields whose value differs, each side as JSON (dates as ISO instants). */
function changedFields(before: RoundFields, after: RoundFields) {
  const json = (v: string | number | Date) => (v instanceof Date ? v.toISOString() : v);
  const out = { before: {} as Record<string, string | number>, after: {} as Record<string, string | number> };
  for (const f of ROUND_FIELDS) {
    if (json(before[f]) === json(after[f])) continue;
    out.before[f] = json(before[f]);
    out.after[f] = json(after[f]);
  }
  return out;
}

export async function saveRound(db: Db, actor: AuditActor, caller: Caller, v: z.output<typeof roundInput>) {
  requireManager(caller);
  const roundId = v.roundId ?? null;
  return db.$transaction(async (tx) => {
    const data = {
      title: v.title,
      ...windowOf(v),
      reviewDays: v.reviewDays,
      correctionDays: v.correctionDays,
      reReviewDays: v.reReviewDays,
      objectionDays: v.objectionDays,
      dayKind: v.dayKind,
    };
    if (!roundId) {
      await approvedRuleSet(tx, v.ruleSetId);
      const round = await tx.round.create({ data: { ...data, ruleSetId: v.ruleSetId, status: "DRAFT" } });
      await recordAudit(tx, actor, {
        action: "round.created",
        targetType: "Round",
        targetId: round.id,
        after: {
          ...data,
          windowOpensAt: data.windowOpensAt.toISOString(),
          windowClosesAt: data.windowClosesAt.toISOString(),
          ruleSetId: v.ruleSetId,
        },
      });
      return { roundId: round.id };
    }
    const round = await tx.round.findUnique({ where: { id: roundId } });
    if (!round) throw new NotFoundError("round");
    if (round.status === "CLOSED") throw new RefusedError("دوره بسته شده است و تغییر نمی‌کند.");
    if (round.status === "OPEN" && v.ruleSetId !== round.ruleSetId) {
      throw new InvalidInputError({ ruleSetId: "جدول امتیازدهی دوره‌ای که باز شده است تغییر نمی‌کند." });
    }
    if (round.status === "DRAFT") await approvedRuleSet(tx, v.ruleSetId);
    await tx.round.update({ where: { id: round.id }, data: { ...data, ruleSetId: v.ruleSetId } });
    // Every field that changed, before and after (the window and the periods of an open round decide deadlines).
    const changed = changedFields(round, { ...data, ruleSetId: v.ruleSetId });
    await recordAudit(tx, actor, {
      action: "round.updated",
      targetType: "Round",
      targetId: round.id,
      before: { status: round.status, ...changed.before },
      after: changed.after,
    });
    return { roundId: round.id };
  });
}

export async function openRound(db: Db, actor: AuditActor, caller: Caller, roundId: string, now = new Date()) {
  requireManager(caller);
  return db.$transaction(async (tx) => {
    const round = await tx.round.findUnique({ where: { id: roundId } });
    if (!round) throw new NotFoundError("round");
    if (round.status !== "DRAFT") throw new RefusedError("فقط دوره پیش‌نویس را می‌توان باز کرد.");
    await approvedRuleSet(tx, round.ruleSetId);
    const updated = await tx.round.updateMany({ where: { id: round.id, status: "DRAFT" }, data: { status: "OPEN", openedAt: now } });
    if (updated.count !== 1) throw new ConcurrentChangeError();
    // Every holder hears that the round is open and until when (the home page promises it).
    const holders = await tx.user.findMany({
      where: { role: "HOLDER", active: true, mobile: { not: null }, office: { isNot: null } },
      select: { id: true, mobile: true },
    });
    const data = { roundTitle: round.title, closesAt: round.windowClosesAt.toISOString() };
    await tx.notification.createMany({
      data: holders.map((h) => ({ recipient: h.mobile!, userId: h.id, template: "round-opened", data })),
    });
    await recordAudit(tx, actor, { action: "round.opened", targetType: "Round", targetId: round.id, after: { smsQueued: holders.length } });
  });
}

function assertClosable(round: { status: string; windowClosesAt: Date }, now: Date) {
  if (round.status !== "OPEN") throw new RefusedError("فقط دوره باز را می‌توان بست.");
  if (now < round.windowClosesAt)
    throw new RefusedError("مهلت ثبت خوداظهاری این دوره هنوز تمام نشده است؛ دوره را پس از پایان مهلت ببندید.");
}

/** Whether an error is PostgreSQL's unique violation (Prisma P2002). */
function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";
}

/**
 * Asks for a round to be closed: checked now (open, window over), done by the job worker
 * (closing a round of 20,000 offices takes minutes, longer than a request should). Asking
 * again while a close is queued or running returns that job instead of a second one.
 */
export async function requestRoundClose(
  db: Db,
  actor: AuditActor,
  caller: Caller,
  roundId: string,
  now = new Date(),
): Promise<{ jobId: string }> {
  requireManager(caller);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`round-close:${roundId}`}))`;
    const round = await tx.round.findUnique({ where: { id: roundId } });
    if (!round) throw new NotFoundError("round");
    assertClosable(round, now);
    const pending = await tx.job.findFirst({
      where: { kind: "ROUND_CLOSE", status: { in: ["QUEUED", "RUNNING"] }, input: { path: ["roundId"], equals: roundId } },
      select: { id: true },
    });
    if (pending) return { jobId: pending.id };
    const job = await enqueueJob(tx, { kind: "ROUND_CLOSE", input: { roundId, ip: actor.ip }, createdById: caller.id });
    await recordAudit(tx, actor, { action: "round.close_requested", targetType: "Round", targetId: round.id, after: { jobId: job.id } });
    return { jobId: job.id };
  });
}

/** What a ROUND_CLOSE job's `input` column holds. */
export const roundCloseJobInput = z.object({ roundId: z.string(), ip: z.string().nullable().optional() });

/** The ROUND_CLOSE job: closes the round as the admin who asked, reporting progress. */
export const runRoundCloseJob: JobHandler = async (db, job, progress) => {
  const input = roundCloseJobInput.parse(job.input);
  const admin = await db.user.findUnique({ where: { id: job.createdById }, select: { id: true, role: true, regionId: true } });
  if (!admin) throw new JobFailure("کاربری که بستن دوره را خواسته بود یافت نشد.");
  try {
    const r = await closeRound(
      db,
      { userId: admin.id, role: admin.role, ip: input.ip ?? null },
      admin,
      input.roundId,
      new Date(),
      progress,
    );
    return r;
  } catch (e) {
    if (e instanceof RefusedError || e instanceof NotFoundError)
      throw new JobFailure(e instanceof RefusedError ? e.userMessage : "دوره یافت نشد.");
    throw e;
  }
};

/**
 * Closes an open round after its window: every office of the registry without a submitted
 * file — a draft, or no file at all — becomes NOT_SUBMITTED with the lowest rank and its
 * holder gets one SMS. Each office in its own transaction (a round has thousands); the round
 * is marked closed last, so an interrupted close can simply be run again (by the job worker:
 * requestRoundClose).
 */
export async function closeRound(db: Db, actor: AuditActor, caller: Caller, roundId: string, now = new Date(), progress?: JobProgress) {
  requireManager(caller);
  const round = await db.round.findUnique({ where: { id: roundId } });
  if (!round) throw new NotFoundError("round");
  assertClosable(round, now);
  const lowest = lowestRank((await ruleSetOfRound(db, round.id)).ruleSet);
  const who = { actor: "ADMIN" as const, audit: actor };
  let notSubmitted = 0;

  const drafts = await db.declaration.findMany({
    where: { roundId: round.id, status: "DRAFT" },
    select: { id: true, office: { select: { code: true, holder: { select: { id: true, mobile: true } } } } },
  });
  const offices = await db.office.findMany({
    where: { declarations: { none: { roundId: round.id } } },
    select: {
      id: true,
      code: true,
      type: true,
      provinceId: true,
      province: { select: { regionId: true } },
      holder: { select: { id: true, mobile: true } },
    },
  });
  const total = drafts.length + offices.length;
  let done = 0;
  const step = async () => {
    done++;
    if (progress) await progress(done, total);
  };
  if (progress) await progress(0, total);
  for (const d of drafts) {
    try {
      await db.$transaction((tx) =>
        markNotSubmitted(
          tx,
          { id: d.id, status: "DRAFT" },
          who,
          { lowestRank: lowest, roundTitle: round.title, officeCode: d.office.code, holder: d.office.holder },
          now,
        ),
      );
      notSubmitted++;
    } catch (e) {
      if (!(e instanceof ConcurrentChangeError)) throw e;
    }
    await step();
  }
  for (const o of offices) {
    try {
      await db.$transaction(async (tx) => {
        const created = await tx.declaration.create({
          data: {
            roundId: round.id,
            officeId: o.id,
            regionId: o.province.regionId,
            provinceId: o.provinceId,
            officeType: o.type,
            status: "DRAFT",
          },
          select: { id: true },
        });
        await markNotSubmitted(
          tx,
          { id: created.id, status: "DRAFT" },
          who,
          { lowestRank: lowest, roundTitle: round.title, officeCode: o.code, holder: o.holder },
          now,
        );
      });
      notSubmitted++;
    } catch (e) {
      // Another run (a worker whose lease had expired) got to this office first.
      if (!isUniqueViolation(e)) throw e;
    }
    await step();
  }
  await db.$transaction(async (tx) => {
    const closed = await tx.round.updateMany({ where: { id: round.id, status: "OPEN" }, data: { status: "CLOSED", closedAt: now } });
    if (closed.count === 1)
      await recordAudit(tx, actor, { action: "round.closed", targetType: "Round", targetId: round.id, after: { notSubmitted } });
  });
  return { notSubmitted };
}

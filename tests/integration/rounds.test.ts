// The head office's rounds: create with an approved rule set, open, the rule set fixed once
// open, and closing that ranks every office without a submission lowest and queues its SMS once.
import { seedDemoData } from "@/prisma/demo-data";
import { closeRound, openRound, requestRoundClose, roundInput, runRoundCloseJob, saveRound as saveParsedRound } from "@/lib/admin/rounds";
import { processJobs } from "@/lib/jobs/run-jobs";
import { InvalidInputError, NotFoundError, RefusedError, parseInput } from "@/lib/errors/app-error";
import { setupTestDatabase } from "../helpers/test-database";
import { createHolder, createStaffUser } from "../helpers/fixtures";

const t = setupTestDatabase();
// What the rounds form sends, parsed by the action's schema before the service runs.
const saveRound = async (
  db: typeof t.db,
  a: Parameters<typeof saveParsedRound>[1],
  c: Parameters<typeof saveParsedRound>[2],
  raw: Record<string, unknown>,
) => saveParsedRound(db, a, c, parseInput(roundInput, raw));
let admin: { id: string; role: "ADMIN"; regionId: null };
const actor = () => ({ userId: admin.id, role: "ADMIN" as const, ip: null });

beforeAll(async () => {
  await seedDemoData(t.db);
  admin = { id: (await createStaffUser(t.db, "ADMIN")).user.id, role: "ADMIN", regionId: null };
});

async function approvedRuleSetId() {
  return (await t.db.ruleSet.findFirstOrThrow({ where: { approvedAt: { not: null } } })).id;
}

const input = async (over: Record<string, unknown> = {}) => ({
  title: "نیمه اول ۱۴۰۶",
  windowOpensOn: "۱۴۰۶/۰۱/۱۵",
  windowClosesOn: "1406/02/04",
  reviewDays: "۲۰",
  correctionDays: 5,
  reReviewDays: 10,
  objectionDays: 7,
  dayKind: "CALENDAR",
  ruleSetId: await approvedRuleSetId(),
  ...over,
});

test("a round is created from Jalali dates (the window ends at the end of its last day, Tehran time); bad fields are named", async () => {
  await expect(
    saveRound(t.db, actor(), admin, await input({ windowClosesOn: "1406/01/10", reviewDays: "0", title: "" })),
  ).rejects.toMatchObject({
    fieldErrors: { windowClosesOn: expect.any(String), reviewDays: expect.stringContaining("دست‌کم"), title: expect.any(String) },
  });
  const draftSet = await t.db.ruleSet.create({
    data: { key: "draft", version: 1, title: "پیش‌نویس", isSample: true, definition: {}, sha256: "0".repeat(64) },
  });
  await expect(saveRound(t.db, actor(), admin, await input({ ruleSetId: draftSet.id }))).rejects.toMatchObject({
    fieldErrors: { ruleSetId: expect.stringContaining("تأییدشده") },
  });
  const { roundId } = await saveRound(t.db, actor(), admin, await input());
  const round = await t.db.round.findUniqueOrThrow({ where: { id: roundId } });
  expect(round).toMatchObject({ status: "DRAFT", reviewDays: 20, dayKind: "CALENDAR" });
  expect(round.windowOpensAt.toISOString()).toBe("2027-04-03T20:30:00.000Z"); // 1406/01/15 00:00 Tehran
  expect(round.windowClosesAt.toISOString()).toBe("2027-04-24T20:30:00.000Z"); // end of 1406/02/04 (24 April 2027)
});

test("only the head office manages rounds", async () => {
  const expert = (await createStaffUser(t.db, "EXPERT", { regionId: 1 })).user;
  await expect(saveRound(t.db, actor(), { id: expert.id, role: "EXPERT", regionId: 1 }, await input())).rejects.toBeInstanceOf(
    NotFoundError,
  );
});

test("once open, the rule set cannot be swapped", async () => {
  const { roundId } = await saveRound(t.db, actor(), admin, await input({ title: "دوره آزمون قفل جدول" }));
  await openRound(t.db, actor(), admin, roundId);
  const other = await t.db.ruleSet.create({
    data: { key: "other", version: 2, title: "دیگر", isSample: false, definition: {}, sha256: "1".repeat(64), approvedAt: new Date() },
  });
  await expect(
    saveRound(t.db, actor(), admin, { ...(await input({ title: "دوره آزمون قفل جدول", ruleSetId: other.id })), roundId }),
  ).rejects.toBeInstanceOf(InvalidInputError);
  expect((await t.db.round.findUniqueOrThrow({ where: { id: roundId } })).ruleSetId).not.toBe(other.id);
  await expect(openRound(t.db, actor(), admin, roundId)).rejects.toBeInstanceOf(RefusedError);
});

test("closing ranks every office without a submission lowest, queues one SMS each, and cannot run twice", async () => {
  const h = await createHolder(t.db, { password: "a-holder-password", mobile: "09121112233" });
  const { roundId } = await saveRound(t.db, actor(), admin, await input({ title: "دوره آزمون بستن" }));
  await openRound(t.db, actor(), admin, roundId);
  const round = await t.db.round.findUniqueOrThrow({ where: { id: roundId } });
  await expect(closeRound(t.db, actor(), admin, roundId, new Date(round.windowClosesAt.getTime() - 1000))).rejects.toThrow(
    "هنوز تمام نشده",
  );

  const after = new Date(round.windowClosesAt.getTime() + 1000);
  const offices = await t.db.office.count();
  const result = await closeRound(t.db, actor(), admin, roundId, after);
  expect(result.notSubmitted).toBe(offices);
  const mine = await t.db.declaration.findUniqueOrThrow({ where: { roundId_officeId: { roundId, officeId: h.office.id } } });
  expect(mine).toMatchObject({ status: "NOT_SUBMITTED", finalRank: 3 });
  expect(await t.db.notification.count({ where: { declarationId: mine.id, template: "not-submitted" } })).toBe(1);
  expect((await t.db.round.findUniqueOrThrow({ where: { id: roundId } })).status).toBe("CLOSED");
  await expect(closeRound(t.db, actor(), admin, roundId, after)).rejects.toBeInstanceOf(RefusedError);
  expect(await t.db.notification.count({ where: { template: "not-submitted", declaration: { roundId } } })).toBe(
    await t.db.declaration.count({ where: { roundId, office: { holder: { mobile: { not: null } } } } }),
  );
});

test("a large round is closed off the request: one job per round, run by the worker with progress, as the admin who asked", async () => {
  const { roundId } = await saveRound(
    t.db,
    actor(),
    admin,
    await input({ title: "دوره بستن با کار پس‌زمینه", windowOpensOn: "1400/01/01", windowClosesOn: "1400/01/20" }),
  );
  await openRound(t.db, actor(), admin, roundId);
  const expert = (await createStaffUser(t.db, "EXPERT", { regionId: 1 })).user;
  await expect(
    requestRoundClose(t.db, { userId: expert.id, role: "EXPERT", ip: null }, { id: expert.id, role: "EXPERT", regionId: 1 }, roundId),
  ).rejects.toBeInstanceOf(NotFoundError);

  const { jobId } = await requestRoundClose(t.db, actor(), admin, roundId);
  // Asking again (a double click, a second tab) does not queue a second close.
  expect(await requestRoundClose(t.db, actor(), admin, roundId)).toEqual({ jobId });
  expect(await t.db.round.findUniqueOrThrow({ where: { id: roundId } })).toMatchObject({ status: "OPEN" });

  const offices = await t.db.office.count();
  await processJobs(t.db, { ROUND_CLOSE: runRoundCloseJob });
  const job = await t.db.job.findUniqueOrThrow({ where: { id: jobId } });
  expect(job).toMatchObject({ status: "SUCCEEDED", done: offices, total: offices, result: { notSubmitted: offices } });
  expect(await t.db.round.findUniqueOrThrow({ where: { id: roundId } })).toMatchObject({ status: "CLOSED" });
  expect(await t.db.auditEvent.count({ where: { action: "round.closed", targetId: roundId, actorId: admin.id } })).toBe(1);
  await expect(requestRoundClose(t.db, actor(), admin, roundId)).rejects.toBeInstanceOf(RefusedError);
});

test("editing a round records before and after of every field that changed (window and periods included)", async () => {
  const { roundId } = await saveRound(t.db, actor(), admin, await input({ title: "دوره آزمون ممیزی" }));
  await saveRound(t.db, actor(), admin, {
    ...(await input({ title: "دوره آزمون ممیزی", windowClosesOn: "1406/02/10", objectionDays: 9 })),
    roundId,
  });
  const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: "round.updated", targetId: roundId } });
  expect(audit.before).toEqual({ status: "DRAFT", windowClosesAt: expect.any(String), objectionDays: 7 });
  expect(audit.after).toEqual({ windowClosesAt: expect.any(String), objectionDays: 9 });
  expect((audit.after as { windowClosesAt: string }).windowClosesAt > (audit.before as { windowClosesAt: string }).windowClosesAt).toBe(
    true,
  );
});

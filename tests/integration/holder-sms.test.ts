// The SMS a holder expects: the tracking code on submission, a new round's opening, and two
// days before the window ends if they have not submitted — each once.
import { seedDemoData } from "@/prisma/demo-data";
import { submitDeclaration } from "@/lib/declaration/submit-declaration";
import { openRound, roundInput, saveRound } from "@/lib/admin/rounds";
import { parseInput } from "@/lib/errors/app-error";
import { runDeadlineSweep } from "@/lib/workflow/sweep";
import { renderSms } from "@/lib/notify/templates";
import { setupTestDatabase } from "../helpers/test-database";
import { declarationAt, HOLDER_PASSWORD } from "../helpers/declarations";
import { createHolder, createStaffUser } from "../helpers/fixtures";

const t = setupTestDatabase();
const DAY = 86_400_000;

beforeAll(async () => {
  await seedDemoData(t.db);
});

test("submitting queues one SMS with the tracking code (a replayed submit queues none)", async () => {
  const f = await declarationAt(t.db, 9);
  const input = { declarationId: f.declaration.id, version: f.declaration.version, confirmed: true, password: HOLDER_PASSWORD };
  const { trackingCode } = await submitDeclaration(t.db, f.actor, f.caller, input);
  await submitDeclaration(t.db, f.actor, f.caller, input);
  const sms = await t.db.notification.findMany({ where: { declarationId: f.declaration.id, template: "declaration-submitted" } });
  expect(sms).toHaveLength(1);
  expect(sms[0]!.recipient).toBe(f.holder.user.mobile);
  expect(renderSms("declaration-submitted", sms[0]!.data as never)).toContain(
    [...trackingCode].map((d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]).join(""),
  );
});

test("opening a round tells every holder with a mobile; two days before the window ends, those without a submission hear once", async () => {
  const admin = (await createStaffUser(t.db, "ADMIN")).user;
  const actor = { userId: admin.id, role: "ADMIN" as const, ip: null };
  const caller = { id: admin.id, role: "ADMIN" as const, regionId: null };
  const ruleSetId = (await t.db.ruleSet.findFirstOrThrow({ where: { approvedAt: { not: null } } })).id;
  const { roundId } = await saveRound(
    t.db,
    actor,
    caller,
    parseInput(roundInput, {
      title: "دوره آزمون پیامک",
      windowOpensOn: "1405/09/01",
      windowClosesOn: "1405/09/20",
      reviewDays: 10,
      correctionDays: 5,
      reReviewDays: 5,
      objectionDays: 7,
      dayKind: "CALENDAR",
      ruleSetId,
    }),
  );
  const withMobile = await createHolder(t.db, { password: "a-holder-with-mobile-26", mobile: "09127776655" });
  await openRound(t.db, actor, caller, roundId);
  const holders = await t.db.user.count({ where: { role: "HOLDER", active: true, mobile: { not: null }, office: { isNot: null } } });
  expect(await t.db.notification.count({ where: { template: "round-opened" } })).toBe(holders);
  expect(await t.db.notification.count({ where: { template: "round-opened", userId: withMobile.user.id } })).toBe(1);

  const round = await t.db.round.findUniqueOrThrow({ where: { id: roundId } });
  const twoDaysBefore = new Date(round.windowClosesAt.getTime() - 1.5 * DAY);
  const first = await runDeadlineSweep(t.db, twoDaysBefore);
  expect(first.windowReminders).toBe(holders);
  const again = await Promise.all([runDeadlineSweep(t.db, twoDaysBefore), runDeadlineSweep(t.db, twoDaysBefore)]);
  expect(again.map((r) => r.windowReminders)).toEqual([0, 0]);
  const reminder = await t.db.notification.findFirstOrThrow({ where: { template: "window-reminder", userId: withMobile.user.id } });
  expect(renderSms("window-reminder", reminder.data as never)).toContain("۱۴۰۵/۰۹/۲۱ ساعت ۰۰:۰۰");
  // Earlier than two days: nothing.
  expect((await runDeadlineSweep(t.db, new Date(round.windowClosesAt.getTime() - 5 * DAY))).windowReminders).toBe(0);
});

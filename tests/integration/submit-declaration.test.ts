// Step 8 (ranking answers), step 9 (final submission) and the lock that follows, through the
// real server actions and PostgreSQL. Only the session lookup and request headers are
// replaced (there is no HTTP request in Jest).
import os from "node:os";
import path from "node:path";
import type { CurrentUser } from "@/lib/auth/current-user";
import { seedDemoData } from "@/prisma/demo-data";
import { submitDeclaration } from "@/lib/declaration/submit-declaration";
import { submissionDigest } from "@/lib/declaration/submission-digest";
import { isValidTrackingCode } from "@/lib/declaration/tracking-code";
import { uploadDocument } from "@/lib/declaration/upload-document";
import { parseRuleSet, scoreOffice, type Facts, type ScoreResult } from "@/lib/ranking";
import { LocalFileStore } from "@/lib/storage/storage";
import { setupTestDatabase } from "../helpers/test-database";
import { createHolder, createStaffUser } from "../helpers/fixtures";
import { declarationAt, HOLDER_PASSWORD, validRankingValues, VALID_STEP_VALUES } from "../helpers/declarations";
import { tinyPdf } from "../helpers/file-fixtures";

let signedInAs: CurrentUser | null = null;
jest.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => signedInAs, getActingUser: async () => signedInAs }));
jest.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "203.0.113.9" }) }));

const t = setupTestDatabase();
const ACTION_DIR = "@/lib/actions/declaration";
type Actions = typeof import("@/lib/actions/declaration/save-step") &
  typeof import("@/lib/actions/declaration/save-ranking-step") &
  typeof import("@/lib/actions/declaration/submit-declaration") &
  typeof import("@/lib/actions/declaration/add-staff-member") &
  typeof import("@/lib/actions/declaration/update-staff-member") &
  typeof import("@/lib/actions/declaration/remove-staff-member") &
  typeof import("@/lib/actions/declaration/complete-staff-step") &
  typeof import("@/lib/actions/declaration/add-board-member") &
  typeof import("@/lib/actions/declaration/update-board-member") &
  typeof import("@/lib/actions/declaration/remove-board-member") &
  typeof import("@/lib/actions/declaration/delete-document");
let a: Actions;

beforeAll(async () => {
  process.env.DATABASE_URL = t.url;
  await seedDemoData(t.db);
  const names = [
    "save-step",
    "save-ranking-step",
    "submit-declaration",
    "add-staff-member",
    "update-staff-member",
    "remove-staff-member",
    "complete-staff-step",
    "add-board-member",
    "update-board-member",
    "remove-board-member",
    "delete-document",
  ];
  a = Object.assign({}, ...(await Promise.all(names.map((n) => import(`${ACTION_DIR}/${n}`))))) as Actions;
});

afterEach(() => {
  signedInAs = null;
});

async function asUser(id: string) {
  signedInAs = (await t.db.user.findUniqueOrThrow({
    where: { id },
    include: { region: true, office: { include: { province: { include: { region: true } } } } },
  })) as CurrentUser;
}

async function state(declarationId: string) {
  const d = await t.db.declaration.findUniqueOrThrow({ where: { id: declarationId } });
  return {
    status: d.status,
    version: d.version,
    trackingCode: d.trackingCode,
    data: d.data,
    stepStatus: d.stepStatus as Record<string, string>,
    snapshots: await t.db.scoreSnapshot.count({ where: { declarationId } }),
    answers: await t.db.violationAnswer.count({ where: { declarationId } }),
    staff: await t.db.staffMember.count({ where: { declarationId } }),
    board: await t.db.boardMember.count({ where: { declarationId } }),
    documents: await t.db.document.count({ where: { declarationId } }),
    submittedAudits: await t.db.auditEvent.count({ where: { targetId: declarationId, action: "declaration.submitted" } }),
  };
}

const submitInput = (
  d: { id: string; version: number },
  extra: Partial<{ confirmed: boolean; password: string; version: number }> = {},
) => ({
  declarationId: d.id,
  version: d.version,
  confirmed: true,
  password: HOLDER_PASSWORD,
  ...extra,
});

describe("step 8: ranking answers", () => {
  test("completes when both tables are confirmed and every violation answered", async () => {
    const f = await declarationAt(t.db, 8);
    await asUser(f.holder.user.id);
    const values = await validRankingValues(t.db, f.declaration.roundId, ["V05"]);
    const result = await a.saveRankingAction({ declarationId: f.declaration.id, version: f.declaration.version, values, mode: "complete" });
    expect(result).toMatchObject({ ok: true, data: { version: f.declaration.version + 1, stepStatus: { "8": "COMPLETE" } } });
    const stored = (await state(f.declaration.id)).data as Record<string, Record<string, unknown>>;
    expect(stored["8"]).toMatchObject({ v5: "yes", v5Description: "در بازرسی مهر ۱۴۰۵ مشاهده شد.", v1: "no", positiveConfirmed: true });
    expect(typeof stored["8"]!.positiveBasis).toBe("string");
  });

  test("every unanswered item, a 'yes' without description and an unconfirmed table are named; nothing saved", async () => {
    const f = await declarationAt(t.db, 8);
    await asUser(f.holder.user.id);
    const values = await validRankingValues(t.db, f.declaration.roundId);
    Object.assign(values, {
      v2: "",
      v7: "",
      v4: "yes",
      v4Description: "کوتاه",
      v9: "yes",
      v9Description: "تعطیلی یک هفته‌ای در تیر",
      v9Verdict: true,
      v9NoticeDate: "1405/13/01",
      negativeConfirmed: false,
    });
    const before = await state(f.declaration.id);
    const result = await a.saveRankingAction({ declarationId: f.declaration.id, version: f.declaration.version, values, mode: "complete" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toMatchObject({
      v2: "به این مورد پاسخ «بله» یا «خیر» بدهید.",
      v7: "به این مورد پاسخ «بله» یا «خیر» بدهید.",
      v4Description: "شرح تخلف را بنویسید (دست‌کم ۱۰ حرف).",
      v9NoticeDate: expect.stringContaining("ماه"),
      negativeConfirmed: expect.stringContaining("تایید"),
    });
    expect(await state(f.declaration.id)).toEqual(before);
  });

  test("a committee notice date after today is refused", async () => {
    const f = await declarationAt(t.db, 8);
    await asUser(f.holder.user.id);
    const values = await validRankingValues(t.db, f.declaration.roundId);
    Object.assign(values, { v1: "yes", v1Description: "دریافت وجه اضافه از مراجع", v1Verdict: true, v1NoticeDate: "1499/01/01" });
    const result = await a.saveRankingAction({ declarationId: f.declaration.id, version: f.declaration.version, values, mode: "complete" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { v1NoticeDate: "تاریخ ابلاغ رای نمی‌تواند بعد از امروز باشد." } });
  });

  test("a field the rule set does not have is refused", async () => {
    const f = await declarationAt(t.db, 8);
    await asUser(f.holder.user.id);
    const values = { ...(await validRankingValues(t.db, f.declaration.roundId)), v99: "no" };
    const result = await a.saveRankingAction({ declarationId: f.declaration.id, version: f.declaration.version, values, mode: "draft" });
    expect(result.ok).toBe(false);
  });

  test("a draft keeps what was typed, even incomplete", async () => {
    const f = await declarationAt(t.db, 8);
    await asUser(f.holder.user.id);
    const result = await a.saveRankingAction({
      declarationId: f.declaration.id,
      version: f.declaration.version,
      values: { v3: "yes", v3Description: "نیمه", v3Verdict: true, v3NoticeDate: "1405/0" },
      mode: "draft",
    });
    expect(result).toMatchObject({ ok: true, data: { stepStatus: { "8": "IN_PROGRESS" } } });
    const stored = (await state(f.declaration.id)).data as Record<string, Record<string, unknown>>;
    expect(stored["8"]).toMatchObject({ v3: "yes", v3Description: "نیمه", v3NoticeDate: "1405/0" });
  });

  test("step 8 cannot be saved before step 7 is complete", async () => {
    const f = await declarationAt(t.db, 7);
    await asUser(f.holder.user.id);
    const result = await a.saveRankingAction({
      declarationId: f.declaration.id,
      version: f.declaration.version,
      values: {},
      mode: "draft",
    });
    expect(result).toMatchObject({ ok: false, formError: expect.stringContaining("مرحله ۸ هنوز باز نشده") });
  });

  test("changing the floor area after confirming sends step 8 back to 'in progress', and submission names step 8", async () => {
    const f = await declarationAt(t.db, 9);
    await asUser(f.holder.user.id);
    const saved = await a.saveStepAction({
      declarationId: f.declaration.id,
      step: 3,
      version: f.declaration.version,
      values: { ...VALID_STEP_VALUES["3"], floorArea: "90" },
      mode: "complete",
    });
    expect(saved).toMatchObject({ ok: true, data: { stepStatus: { "3": "COMPLETE", "8": "IN_PROGRESS" } } });
    if (!saved.ok) return;
    const result = await a.submitDeclarationAction(submitInput({ id: f.declaration.id, version: saved.data.version }));
    expect(result).toMatchObject({ ok: false, formError: expect.stringContaining("۸ (رتبه‌بندی)") });
    expect((await state(f.declaration.id)).status).toBe("DRAFT");
  });

  test("an autosave of step 3 that changes nothing keeps step 8 complete", async () => {
    const f = await declarationAt(t.db, 9);
    await asUser(f.holder.user.id);
    const saved = await a.saveStepAction({
      declarationId: f.declaration.id,
      step: 3,
      version: f.declaration.version,
      values: VALID_STEP_VALUES["3"],
      mode: "complete",
    });
    expect(saved).toMatchObject({ ok: true, data: { stepStatus: { "8": "COMPLETE" } } });
  });
});

describe("step 9: submission", () => {
  test("submits: status, tracking code, score snapshot with a verifiable SHA-256, answers, audit", async () => {
    const f = await declarationAt(t.db, 9);
    await asUser(f.holder.user.id);
    const result = await a.submitDeclarationAction(submitInput(f.declaration));
    expect(result).toMatchObject({ ok: true, data: { repeated: false } });
    if (!result.ok) return;
    expect(isValidTrackingCode(result.data.trackingCode)).toBe(true);

    const after = await state(f.declaration.id);
    expect(after).toMatchObject({
      status: "SUBMITTED",
      trackingCode: result.data.trackingCode,
      version: f.declaration.version + 1,
      snapshots: 1,
      answers: 23,
      submittedAudits: 1,
    });
    expect(after.stepStatus["9"]).toBe("COMPLETE");

    const snap = await t.db.scoreSnapshot.findFirstOrThrow({ where: { declarationId: f.declaration.id }, include: { ruleSet: true } });
    const d = await t.db.declaration.findUniqueOrThrow({ where: { id: f.declaration.id } });
    expect(snap).toMatchObject({
      reason: "SUBMITTED",
      ruleSetVersion: snap.ruleSet.version,
      rank: (snap.breakdown as unknown as ScoreResult).rank,
    });
    // The breakdown is exactly what the engine gives for the stored facts and rule set…
    const recomputed = scoreOffice(parseRuleSet(snap.ruleSet.definition), snap.facts as Facts);
    expect(snap.breakdown).toEqual(JSON.parse(JSON.stringify(recomputed)));
    expect(snap.total.toNumber()).toBe(recomputed.total);
    // …with the declared facts: 45 m², 2 staff (1 insured, 1 disabled), bachelor, 6 years, no violations.
    expect(snap.facts).toMatchObject({ floorArea: 45, staffCount: 2, insuredStaffCount: 1, disabledStaffCount: 1, violations: [] });
    // …and anyone can recompute the receipt's SHA-256 from the stored parts.
    expect(
      submissionDigest({
        declarationId: d.id,
        trackingCode: d.trackingCode!,
        submittedAt: d.submittedAt!,
        ruleSet: { id: snap.ruleSet.id, key: snap.ruleSet.key, version: snap.ruleSet.version, sha256: snap.ruleSet.sha256 },
        facts: snap.facts as Facts,
        breakdown: snap.breakdown as unknown as ScoreResult,
      }),
    ).toBe(snap.sha256);
    expect(snap.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  test("a 'yes' answer lowers the total by its points and is stored with its notice date", async () => {
    const f = await declarationAt(t.db, 8);
    await asUser(f.holder.user.id);
    const values = await validRankingValues(t.db, f.declaration.roundId, ["V02"]);
    Object.assign(values, { v2Verdict: true, v2NoticeDate: "۱۴۰۵/۰۲/۱۰" });
    const saved = await a.saveRankingAction({ declarationId: f.declaration.id, version: f.declaration.version, values, mode: "complete" });
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    const result = await a.submitDeclarationAction(submitInput({ id: f.declaration.id, version: saved.data.version }));
    expect(result.ok).toBe(true);
    const snap = await t.db.scoreSnapshot.findFirstOrThrow({ where: { declarationId: f.declaration.id } });
    expect(snap.negative.toNumber()).toBe(20);
    expect(snap.total.toNumber()).toBe(snap.positive.toNumber() - 20);
    const answer = await t.db.violationAnswer.findUniqueOrThrow({
      where: { declarationId_code: { declarationId: f.declaration.id, code: "V02" } },
    });
    expect(answer).toMatchObject({ answer: true, description: "در بازرسی مهر ۱۴۰۵ مشاهده شد." });
    expect(answer.verdictNoticeDate?.toISOString()).toBe("2026-04-29T20:30:00.000Z"); // 1405/02/10 00:00 Tehran
  });

  test("after submission every change is refused by the server, whatever the client sends", async () => {
    const f = await declarationAt(t.db, 9, { personType: "LEGAL" });
    await asUser(f.holder.user.id);
    const submitted = await a.submitDeclarationAction(submitInput(f.declaration));
    expect(submitted.ok).toBe(true);
    const before = await state(f.declaration.id);
    const version = before.version;
    const target = { declarationId: f.declaration.id, version };
    const staffRow = await t.db.staffMember.findFirstOrThrow({ where: { declarationId: f.declaration.id } });
    const boardRow = await t.db.boardMember.findFirstOrThrow({ where: { declarationId: f.declaration.id } });
    const documentRow = await t.db.document.findFirstOrThrow({ where: { declarationId: f.declaration.id } });
    const staffValues = {
      firstName: "نرگس",
      lastName: "امینی",
      birthDate: "1370/01/01",
      gender: "FEMALE",
      nationalId: "0067891233",
      mobile: "09351234569",
      disabled: false,
      insured: true,
      acceptsTerms: true,
    };
    const boardValues = { firstName: "حسن", lastName: "محمدی", nationalId: "0078912342", position: "عضو هیئت مدیره", mobile: "" };

    const attempts = [
      ...[2, 3, 4, 5, 6].map((step) => a.saveStepAction({ ...target, step, values: VALID_STEP_VALUES[String(step)], mode: "complete" })),
      ...[2, 3].map((step) => a.saveStepAction({ ...target, step, values: {}, mode: "draft" })),
      a.saveRankingAction({ ...target, values: await validRankingValues(t.db, f.declaration.roundId, ["V01"]), mode: "complete" }),
      a.addStaffMemberAction({ ...target, values: staffValues }),
      a.updateStaffMemberAction({ ...target, rowId: staffRow.id, values: { ...staffValues, nationalId: staffRow.nationalId } }),
      a.removeStaffMemberAction({ ...target, rowId: staffRow.id }),
      a.completeStaffAction(target),
      a.addBoardMemberAction({ ...target, values: boardValues }),
      a.updateBoardMemberAction({ ...target, rowId: boardRow.id, values: { ...boardValues, nationalId: boardRow.nationalId } }),
      a.removeBoardMemberAction({ ...target, rowId: boardRow.id }),
      a.deleteDocumentAction({ ...target, documentId: documentRow.id }),
    ];
    for (const result of await Promise.all(attempts)) {
      expect(result).toMatchObject({ ok: false, formError: "این پرونده ارسال شده است و دیگر قابل ویرایش نیست." });
    }
    const store = new LocalFileStore(path.join(os.tmpdir(), `pishkhan-submit-${process.pid}`));
    await expect(
      uploadDocument(
        t.db,
        { actor: { userId: f.holder.user.id, role: "HOLDER", ip: null }, caller: f.caller },
        { declarationId: f.declaration.id, version, kind: "SIGNBOARD", fileName: "x.pdf", bytes: tinyPdf() },
        { store },
      ),
    ).rejects.toThrow("این پرونده ارسال شده است");
    expect(await state(f.declaration.id)).toEqual(before);
  });

  test("a double click (two requests at once) gives one submission", async () => {
    const f = await declarationAt(t.db, 9);
    await asUser(f.holder.user.id);
    const [r1, r2] = await Promise.all([
      a.submitDeclarationAction(submitInput(f.declaration)),
      a.submitDeclarationAction(submitInput(f.declaration)),
    ]);
    expect(r1.ok && r2.ok).toBe(true);
    if (!r1.ok || !r2.ok) return;
    expect(r1.data.trackingCode).toBe(r2.data.trackingCode);
    expect([r1.data.repeated, r2.data.repeated].sort()).toEqual([false, true]);
    expect(await state(f.declaration.id)).toMatchObject({ status: "SUBMITTED", snapshots: 1, answers: 23, submittedAudits: 1 });
  });

  test("a replayed request (old version, another tab) returns the same tracking code and writes nothing", async () => {
    const f = await declarationAt(t.db, 9);
    await asUser(f.holder.user.id);
    const first = await a.submitDeclarationAction(submitInput(f.declaration));
    const before = await state(f.declaration.id);
    const replay = await a.submitDeclarationAction(submitInput(f.declaration));
    expect(first.ok && replay.ok).toBe(true);
    if (!first.ok || !replay.ok) return;
    expect(replay.data).toMatchObject({ trackingCode: first.data.trackingCode, repeated: true });
    expect(await state(f.declaration.id)).toEqual(before);
  });

  test("a stale tab (the file changed since it was opened) cannot submit", async () => {
    const f = await declarationAt(t.db, 9);
    await asUser(f.holder.user.id);
    const saved = await a.saveStepAction({
      declarationId: f.declaration.id,
      step: 5,
      version: f.declaration.version,
      values: { ...VALID_STEP_VALUES["5"], city: "شهر ری" },
      mode: "complete",
    });
    expect(saved.ok).toBe(true);
    const result = await a.submitDeclarationAction(submitInput(f.declaration));
    expect(result).toMatchObject({ ok: false, code: "STALE", formError: expect.stringContaining("در زبانه یا دستگاه دیگری تغییر کرده") });
    expect(await state(f.declaration.id)).toMatchObject({ status: "DRAFT", snapshots: 0, answers: 0 });
  });

  test("after the window closes, submitting is refused with a clear message", async () => {
    const f = await declarationAt(t.db, 9);
    const round = await t.db.round.findUniqueOrThrow({ where: { id: f.declaration.roundId } });
    const afterClose = new Date(round.windowClosesAt.getTime() + 60_000);
    await expect(
      submitDeclaration(t.db, { ...f.actor, userId: f.holder.user.id }, f.caller, submitInput(f.declaration), afterClose),
    ).rejects.toThrow("مهلت ثبت خوداظهاری این دوره به پایان رسیده است و پرونده دیگر ارسال نمی‌شود");
    expect(await state(f.declaration.id)).toMatchObject({ status: "DRAFT", trackingCode: null, snapshots: 0 });
  });

  test("a step not complete is named and nothing is submitted", async () => {
    const f = await declarationAt(t.db, 8);
    await asUser(f.holder.user.id);
    const result = await a.submitDeclarationAction(submitInput(f.declaration));
    expect(result).toMatchObject({ ok: false, formError: "پیش از ارسال، همه مرحله‌ها را کامل کنید. مرحله کامل‌نشده: ۸ (رتبه‌بندی)." });
    expect((await state(f.declaration.id)).status).toBe("DRAFT");
  });

  test("the confirmation box and the right password are required; wrong passwords lock the account", async () => {
    const f = await declarationAt(t.db, 9);
    await asUser(f.holder.user.id);
    expect(await a.submitDeclarationAction(submitInput(f.declaration, { confirmed: false }))).toMatchObject({
      ok: false,
      fieldErrors: { confirmed: expect.stringContaining("تایید") },
    });
    for (let i = 1; i <= 4; i++) {
      expect(await a.submitDeclarationAction(submitInput(f.declaration, { password: `wrong-${i}` }))).toMatchObject({
        ok: false,
        fieldErrors: { password: "رمز عبور درست نیست." },
      });
    }
    expect(await a.submitDeclarationAction(submitInput(f.declaration, { password: "wrong-5" }))).toMatchObject({
      ok: false,
      fieldErrors: { password: expect.stringContaining("قفل است") },
    });
    // Locked: even the right password is refused now.
    expect(await a.submitDeclarationAction(submitInput(f.declaration))).toMatchObject({
      ok: false,
      fieldErrors: { password: expect.stringContaining("قفل است") },
    });
    expect(await state(f.declaration.id)).toMatchObject({ status: "DRAFT", snapshots: 0 });
    expect(await t.db.auditEvent.count({ where: { targetId: f.holder.user.id, action: "auth.password_confirm_failed" } })).toBe(4);
    expect(await t.db.auditEvent.count({ where: { targetId: f.holder.user.id, action: "auth.locked_out" } })).toBe(1);
  });

  test("another office's holder and the region's expert cannot submit the file", async () => {
    const f = await declarationAt(t.db, 9);
    const other = await createHolder(t.db, { password: HOLDER_PASSWORD });
    await asUser(other.user.id);
    expect(await a.submitDeclarationAction(submitInput(f.declaration))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const expert = await createStaffUser(t.db, "EXPERT", { regionId: f.declaration.regionId, password: HOLDER_PASSWORD });
    await asUser(expert.user.id);
    expect(await a.submitDeclarationAction(submitInput(f.declaration))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await state(f.declaration.id)).toMatchObject({ status: "DRAFT", snapshots: 0 });
  });

  test("signed out: refused, nothing written", async () => {
    const f = await declarationAt(t.db, 9);
    expect(await a.submitDeclarationAction(submitInput(f.declaration))).toMatchObject({ ok: false, code: "SIGNED_OUT" });
    expect((await state(f.declaration.id)).status).toBe("DRAFT");
  });
});

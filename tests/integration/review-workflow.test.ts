// The regional review through the real server actions and PostgreSQL: the state machine
// (every allowed transition works, every other is refused), assignment, access between
// regions, corrections limited to what was flagged, approval with the SMS in the outbox,
// objections decided by another expert, and the deadline sweep.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { DeclarationStatus } from "@/lib/generated/prisma/enums";
import { seedDemoData } from "@/prisma/demo-data";
import { submitDeclaration } from "@/lib/declaration/submit-declaration";
import { runDeadlineSweep } from "@/lib/workflow/sweep";
import { loadReviewFile } from "@/lib/review/load-review-file";
import { NotFoundError } from "@/lib/errors/app-error";
import { splitStoredRanking } from "@/lib/declaration/forms/step-8-ranking";
import { TRANSITIONS } from "@/lib/workflow/transitions";
import { setupTestDatabase } from "../helpers/test-database";
import { createStaffUser } from "../helpers/fixtures";
import { declarationAt, HOLDER_PASSWORD, VALID_STEP_VALUES } from "../helpers/declarations";
import { htmlFile, tinyPdf } from "../helpers/file-fixtures";

let signedInAs: CurrentUser | null = null;
jest.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => signedInAs, getActingUser: async () => signedInAs }));
jest.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "203.0.113.7" }) }));

const t = setupTestDatabase();
type Actions = typeof import("@/lib/actions/review/claim-declaration") &
  typeof import("@/lib/actions/review/release-declaration") &
  typeof import("@/lib/actions/review/return-declaration") &
  typeof import("@/lib/actions/review/save-region-scores") &
  typeof import("@/lib/actions/review/approve-declaration") &
  typeof import("@/lib/actions/review/decide-objection") &
  typeof import("@/lib/actions/review/assign-declarations") &
  typeof import("@/lib/actions/declaration/resubmit-declaration") &
  typeof import("@/lib/actions/declaration/save-step") &
  typeof import("@/lib/actions/declaration/submit-declaration");
let a: Actions & {
  objectionAction: (
    input: { declarationId: string; text: string },
    files?: { name: string; type: string; bytes: Uint8Array }[],
  ) => Promise<{ ok: boolean; formError?: string; fieldErrors?: Record<string, string> }>;
};

beforeAll(async () => {
  process.env.DATABASE_URL = t.url;
  process.env.PISHKHAN_STORAGE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "pishkhan-review-")); // objection attachments
  await seedDemoData(t.db);
  // The seeded experts act here too (an objection goes to any of the region's experts): staff
  // have a second factor (docs/decisions/0013), so mark them enrolled.
  await t.db.user.updateMany({ where: { role: { in: ["EXPERT", "ADMIN"] } }, data: { totpEnabledAt: new Date() } });
  a = Object.assign(
    {},
    await import("@/lib/actions/review/claim-declaration"),
    await import("@/lib/actions/review/release-declaration"),
    await import("@/lib/actions/review/return-declaration"),
    await import("@/lib/actions/review/save-region-scores"),
    await import("@/lib/actions/review/approve-declaration"),
    await import("@/lib/actions/review/decide-objection"),
    await import("@/lib/actions/review/assign-declarations"),
    await import("@/lib/actions/declaration/resubmit-declaration"),
    await import("@/lib/actions/declaration/save-step"),
    await import("@/lib/actions/declaration/submit-declaration"),
    {
      // The objection is a multipart route (it takes attachments): called as the browser does.
      objectionAction: async (
        input: { declarationId: string; text: string },
        files: { name: string; type: string; bytes: Uint8Array }[] = [],
      ) => {
        const { POST } = await import("@/app/api/declarations/[declarationId]/objection/route");
        const body = new FormData();
        body.set("text", input.text);
        for (const f of files) body.append("files", new File([Buffer.from(f.bytes)], f.name, { type: f.type }));
        const response = await POST(new Request("http://localhost/api/x", { method: "POST", body }), {
          params: Promise.resolve({ declarationId: input.declarationId }),
        });
        return (await response.json()) as { ok: boolean; formError?: string; fieldErrors?: Record<string, string>; code?: string };
      },
    },
  ) as Actions & {
    objectionAction: (
      input: { declarationId: string; text: string },
      files?: { name: string; type: string; bytes: Uint8Array }[],
    ) => Promise<{ ok: boolean; formError?: string; fieldErrors?: Record<string, string> }>;
  };
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

/** A submitted file (region 1, Tehran) and two fresh experts of its region and one of another. */
async function submittedFile() {
  const f = await declarationAt(t.db, 9);
  await submitDeclaration(t.db, { ...f.actor, userId: f.holder.user.id }, f.caller, {
    declarationId: f.declaration.id,
    version: f.declaration.version,
    confirmed: true,
    password: HOLDER_PASSWORD,
  });
  const e1 = (await createStaffUser(t.db, "EXPERT", { regionId: f.declaration.regionId })).user;
  const e2 = (await createStaffUser(t.db, "EXPERT", { regionId: f.declaration.regionId })).user;
  const other = (await createStaffUser(t.db, "EXPERT", { regionId: f.declaration.regionId === 1 ? 2 : 1 })).user;
  return { ...f, id: f.declaration.id, e1, e2, other };
}

const status = async (id: string) => (await t.db.declaration.findUniqueOrThrow({ where: { id } })).status;
const version = async (id: string) => (await t.db.declaration.findUniqueOrThrow({ where: { id } })).version;

/** Claims, enters the region's scores and approves, as `expertId`. */
async function approveAs(id: string, expertId: string) {
  await asUser(expertId);
  expect(await a.claimAction({ declarationId: id })).toMatchObject({ ok: true });
  expect(await a.regionScoresAction({ declarationId: id, satisfactionScore: "8", associationScore: "۶٫۵" })).toMatchObject({ ok: true });
  expect(await a.approveAction({ declarationId: id })).toMatchObject({ ok: true });
}

describe("the whole review", () => {
  test("claim → return one field → holder corrects only it → resubmit → scores → approve (SMS queued) → objection → another expert decides → final", async () => {
    const f = await submittedFile();
    expect((await t.db.declaration.findUniqueOrThrow({ where: { id: f.id } })).dueAt).not.toBeNull();

    await asUser(f.e1.id);
    expect(await a.claimAction({ declarationId: f.id })).toMatchObject({ ok: true });
    expect(await status(f.id)).toBe("IN_REVIEW");
    const returned = await a.returnAction({
      declarationId: f.id,
      flags: [{ section: "3", field: "floorArea", comment: "متراژ با سند اجاره نمی‌خواند." }],
    });
    expect(returned).toMatchObject({ ok: true });
    expect(await status(f.id)).toBe("RETURNED");
    expect(await t.db.notification.count({ where: { declarationId: f.id, template: "declaration-returned" } })).toBe(1);

    // The holder: the flagged field changes; another field of the same step is kept as stored.
    await asUser(f.holder.user.id);
    const v = await version(f.id);
    const saved = await a.saveStepAction({
      declarationId: f.id,
      step: 3,
      version: v,
      values: { ...VALID_STEP_VALUES["3"], floorArea: "60", holderExperienceYears: "30" },
      mode: "complete",
    });
    expect(saved).toMatchObject({ ok: true });
    const data = (await t.db.declaration.findUniqueOrThrow({ where: { id: f.id } })).data as Record<string, Record<string, unknown>>;
    expect(data["3"]).toMatchObject({ floorArea: "60", holderExperienceYears: "6" });
    // A step that was not flagged stays closed.
    expect(
      await a.saveStepAction({
        declarationId: f.id,
        step: 5,
        version: await version(f.id),
        values: VALID_STEP_VALUES["5"],
        mode: "complete",
      }),
    ).toMatchObject({
      ok: false,
      formError: expect.stringContaining("برای اصلاح باز نشده"),
    });
    // Step 8's positive table changed with the floor area: it opens for a new confirmation.
    expect(await a.resubmitAction({ declarationId: f.id, version: await version(f.id), confirmed: true })).toMatchObject({
      ok: false,
      formError: expect.stringContaining("۸ (رتبه‌بندی)"),
    });
    const ranking = (await t.db.declaration.findUniqueOrThrow({ where: { id: f.id } })).data as Record<string, Record<string, unknown>>;
    const answers = splitStoredRanking(ranking["8"] as never).values;
    const saveRanking = (await import("@/lib/actions/declaration/save-ranking-step")).saveRankingAction;
    expect(await saveRanking({ declarationId: f.id, version: await version(f.id), values: answers, mode: "complete" })).toMatchObject({
      ok: true,
    });
    expect(await a.resubmitAction({ declarationId: f.id, version: await version(f.id), confirmed: true })).toMatchObject({ ok: true });
    expect(await status(f.id)).toBe("RESUBMITTED");
    const correction = await t.db.correctionRequest.findFirstOrThrow({ where: { declarationId: f.id } });
    expect(correction).toMatchObject({ before: "45", after: "60", resolvedAt: expect.any(Date) });

    // Re-review: still e1's; scores; approve.
    await asUser(f.e1.id);
    expect(await a.claimAction({ declarationId: f.id })).toMatchObject({ ok: true });
    expect(await a.approveAction({ declarationId: f.id })).toMatchObject({ ok: false, formError: expect.stringContaining("امتیاز «") });
    expect(await a.regionScoresAction({ declarationId: f.id, satisfactionScore: "11", associationScore: "x" })).toMatchObject({
      ok: false,
      fieldErrors: { satisfactionScore: expect.stringContaining("۱۰"), associationScore: expect.any(String) },
    });
    expect(await a.regionScoresAction({ declarationId: f.id, satisfactionScore: "9", associationScore: "8" })).toMatchObject({ ok: true });
    const approved = await a.approveAction({ declarationId: f.id });
    expect(approved).toMatchObject({ ok: true });
    const afterApproval = await t.db.declaration.findUniqueOrThrow({ where: { id: f.id } });
    expect(afterApproval).toMatchObject({ status: "APPROVED", finalRank: expect.any(Number) });
    expect(await t.db.notification.count({ where: { declarationId: f.id, template: "result-approved", status: "PENDING" } })).toBe(1);
    expect(await t.db.scoreSnapshot.count({ where: { declarationId: f.id, reason: "APPROVED", createdById: f.e1.id } })).toBe(1);

    // Objection: too short, then filed; it goes to another expert than the approver.
    await asUser(f.holder.user.id);
    expect(await a.objectionAction({ declarationId: f.id, text: "کوتاه" })).toMatchObject({
      ok: false,
      fieldErrors: { text: expect.stringContaining("۲۰") },
    });
    expect(await a.objectionAction({ declarationId: f.id, text: "امتیاز رضایت مراجعان با نظرسنجی ماه گذشته نمی‌خواند." })).toMatchObject({
      ok: true,
    });
    const objected = await t.db.declaration.findUniqueOrThrow({ where: { id: f.id } });
    expect(objected.status).toBe("OBJECTED");
    expect(objected.assigneeId).not.toBe(f.e1.id);
    // The approver cannot decide it, even by claiming it.
    await asUser(f.e1.id);
    expect(
      await a.decideObjectionAction({ declarationId: f.id, decision: "UPHELD", reason: "نتیجه درست است و تغییری لازم نیست." }),
    ).toMatchObject({ ok: false });
    await asUser(objected.assigneeId!);
    expect(
      await a.decideObjectionAction({
        declarationId: f.id,
        decision: "CHANGED",
        reason: "نظرسنجی تازه امتیاز بالاتری نشان داد.",
        satisfactionScore: "10",
        associationScore: "8",
      }),
    ).toMatchObject({ ok: true });
    const final = await t.db.declaration.findUniqueOrThrow({ where: { id: f.id } });
    expect(final).toMatchObject({ status: "FINAL", satisfactionScore: expect.anything(), finalizedAt: expect.any(Date) });
    expect(final.finalScore!.toNumber()).toBe(afterApproval.finalScore!.toNumber() + 1);
    expect(await t.db.notification.count({ where: { declarationId: f.id, template: "objection-decided" } })).toBe(1);
    // The SMS says the objection was accepted and gives the final score and rank.
    const decided = await t.db.notification.findFirstOrThrow({ where: { declarationId: f.id, template: "objection-decided" } });
    expect(decided.data).toMatchObject({ decision: "CHANGED", total: final.finalScore!.toNumber(), rank: final.finalRank });
    // Submitting and resubmitting each told the holder too.
    expect(
      await t.db.notification.count({
        where: { declarationId: f.id, template: { in: ["declaration-submitted", "declaration-resubmitted"] } },
      }),
    ).toBe(2);
    const trail = await t.db.auditEvent.findMany({
      where: { targetId: f.id, action: { startsWith: "declaration." } },
      orderBy: { id: "asc" },
      select: { action: true },
    });
    expect(trail.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        "declaration.submitted",
        "declaration.start_review",
        "declaration.return_for_correction",
        "declaration.resubmit",
        "declaration.approve",
        "declaration.object",
        "declaration.decide_objection",
        "declaration.finalize",
      ]),
    );
  });
});

describe("the transition table, by direct action calls", () => {
  const ALL: DeclarationStatus[] = [
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
  type Call = { name: keyof typeof TRANSITIONS; run: (f: Awaited<ReturnType<typeof submittedFile>>) => Promise<{ ok: boolean }> };
  const calls: Call[] = [
    {
      name: "return_for_correction",
      run: async (f) => (
        await asUser(f.e1.id),
        a.returnAction({ declarationId: f.id, flags: [{ section: "2", field: null, comment: "نام پدر را بررسی کنید." }] })
      ),
    },
    { name: "approve", run: async (f) => (await asUser(f.e1.id), a.approveAction({ declarationId: f.id })) },
    {
      name: "resubmit",
      run: async (f) => (
        await asUser(f.holder.user.id),
        a.resubmitAction({ declarationId: f.id, version: await version(f.id), confirmed: true })
      ),
    },
    {
      name: "object",
      run: async (f) => (
        await asUser(f.holder.user.id),
        a.objectionAction({ declarationId: f.id, text: "این نتیجه با واقعیت دفتر تفاوت دارد و درست نیست." })
      ),
    },
    {
      name: "decide_objection",
      run: async (f) => (
        await asUser(f.e1.id),
        a.decideObjectionAction({ declarationId: f.id, decision: "UPHELD", reason: "نتیجه درست است و تغییری لازم نیست." })
      ),
    },
  ];

  test.each(ALL)("from %s, only the allowed decisions apply", async (from) => {
    for (const call of calls) {
      const f = await submittedFile();
      // Put the file in `from`, assigned to e1, with the region's scores; approved by e2 where that matters.
      await t.db.declaration.update({
        where: { id: f.id },
        data: { status: from, assigneeId: f.e1.id, satisfactionScore: 8, associationScore: 6, approvedAt: new Date() },
      });
      await t.db.scoreSnapshot.create({
        data: {
          declarationId: f.id,
          reason: "APPROVED",
          ruleSetId: (await t.db.scoreSnapshot.findFirstOrThrow({ where: { declarationId: f.id } })).ruleSetId,
          ruleSetVersion: 1,
          facts: {},
          breakdown: {},
          positive: 0,
          negative: 0,
          total: 0,
          rank: 3,
          sha256: "0".repeat(64),
          createdById: f.e2.id,
        },
      });
      if (from === "RETURNED")
        await t.db.correctionRequest.create({
          data: { declarationId: f.id, section: "2", comment: "بررسی", dueAt: new Date(Date.now() + 86_400_000), createdById: f.e1.id },
        });
      if (from === "OBJECTED")
        await t.db.objection.create({
          data: { declarationId: f.id, text: "اعتراض آزمایشی به نتیجه", filedById: f.holder.user.id, assigneeId: f.e1.id },
        });

      const allowed = TRANSITIONS[call.name].from.includes(from);
      const result = await call.run(f);
      const now = await status(f.id);
      if (allowed) {
        expect({ call: call.name, from, ok: result.ok }).toEqual({ call: call.name, from, ok: true });
        // decide_objection finalizes at once.
        expect(now).toBe(call.name === "decide_objection" ? "FINAL" : TRANSITIONS[call.name].to);
      } else {
        expect({ call: call.name, from, ok: result.ok }).toEqual({ call: call.name, from, ok: false });
        expect(now).toBe(from);
      }
    }
  });
});

describe("assignment and access", () => {
  test("only the assignee decides; a second expert cannot claim a taken file; release and hand over", async () => {
    const f = await submittedFile();
    await asUser(f.e1.id);
    expect(await a.claimAction({ declarationId: f.id })).toMatchObject({ ok: true });
    await asUser(f.e2.id);
    expect(await a.claimAction({ declarationId: f.id })).toMatchObject({ ok: false, formError: "این پرونده را همکار دیگری برداشته است." });
    expect(await a.approveAction({ declarationId: f.id })).toMatchObject({
      ok: false,
      formError: expect.stringContaining("به شما واگذار نشده"),
    });
    expect(await a.returnAction({ declarationId: f.id, flags: [{ section: "2", field: null, comment: "بررسی کنید" }] })).toMatchObject({
      ok: false,
    });
    await asUser(f.e1.id);
    expect(await a.assignAction({ declarationIds: [f.id], assigneeId: f.e2.id })).toMatchObject({ ok: true });
    expect((await t.db.declaration.findUniqueOrThrow({ where: { id: f.id } })).assigneeId).toBe(f.e2.id);
    await asUser(f.e2.id);
    expect(await a.releaseAction({ declarationId: f.id })).toMatchObject({ ok: true });
    expect((await t.db.declaration.findUniqueOrThrow({ where: { id: f.id } })).assigneeId).toBeNull();
  });

  test("an expert of another region gets 'not found' for every action; a holder cannot act as an expert", async () => {
    const f = await submittedFile();
    await asUser(f.other.id);
    expect(await a.claimAction({ declarationId: f.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await a.approveAction({ declarationId: f.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await a.regionScoresAction({ declarationId: f.id, satisfactionScore: "1", associationScore: "1" })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await a.assignAction({ declarationIds: [f.id], assigneeId: f.other.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    await asUser(f.holder.user.id);
    expect(await a.claimAction({ declarationId: f.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await a.returnAction({ declarationId: f.id, flags: [{ section: "2", field: null, comment: "بررسی کنید" }] })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await status(f.id)).toBe("SUBMITTED");
  });

  test("the file view: the region's experts and the head office open it; another region's expert and any holder get 'not found'", async () => {
    const f = await submittedFile();
    const caller = (u: { id: string; role: "EXPERT" | "ADMIN" | "HOLDER"; regionId: number | null }) => ({
      id: u.id,
      role: u.role,
      regionId: u.regionId,
    });
    await expect(loadReviewFile(t.db, caller(f.e1), f.id)).resolves.toMatchObject({ declaration: { id: f.id } });
    const admin = (await createStaffUser(t.db, "ADMIN")).user;
    await expect(loadReviewFile(t.db, caller(admin), f.id)).resolves.toMatchObject({ declaration: { id: f.id } });
    await expect(loadReviewFile(t.db, caller(f.other), f.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(loadReviewFile(t.db, caller(f.holder.user), f.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  test("an admin may reassign any file, but only to an expert of its region; bulk assign is all or nothing", async () => {
    const f = await submittedFile();
    const g = await submittedFile();
    const admin = (await createStaffUser(t.db, "ADMIN")).user;
    await asUser(admin.id);
    expect(await a.assignAction({ declarationIds: [f.id, g.id], assigneeId: f.other.id })).toMatchObject({
      ok: false,
      formError: expect.stringContaining("منطقه"),
    });
    expect((await t.db.declaration.findUniqueOrThrow({ where: { id: g.id } })).assigneeId).toBeNull();
    expect(await a.assignAction({ declarationIds: [f.id, g.id], assigneeId: f.e1.id })).toMatchObject({ ok: true, data: 2 });
  });
});

describe("objection attachments", () => {
  test("a PDF is stored with the objection; a page renamed .pdf and a fourth file are refused with Persian messages", async () => {
    const f = await submittedFile();
    await approveAs(f.id, f.e1.id);
    await asUser(f.holder.user.id);
    const text = "امتیاز انجمن با گواهی پیوست‌شده نمی‌خواند و باید بازبینی شود.";
    const fake = await a.objectionAction({ declarationId: f.id, text }, [
      { name: "verdict.pdf", type: "application/pdf", bytes: htmlFile() },
    ]);
    expect(fake).toMatchObject({ ok: false, fieldErrors: { files: expect.stringContaining("verdict.pdf") } });
    const four = Array.from({ length: 4 }, (_, i) => ({ name: `p${i}.pdf`, type: "application/pdf", bytes: tinyPdf() }));
    expect(await a.objectionAction({ declarationId: f.id, text }, four)).toMatchObject({
      ok: false,
      fieldErrors: { files: "حداکثر ۳ فایل پیوست کنید." },
    });
    expect(await status(f.id)).toBe("APPROVED");
    expect(
      await a.objectionAction({ declarationId: f.id, text }, [{ name: "گواهی انجمن.pdf", type: "application/pdf", bytes: tinyPdf() }]),
    ).toMatchObject({ ok: true });
    const objection = await t.db.objection.findFirstOrThrow({ where: { declarationId: f.id }, include: { attachments: true } });
    expect(objection.attachments).toHaveLength(1);
    expect(objection.attachments[0]).toMatchObject({ kind: "OBJECTION_ATTACHMENT", contentType: "application/pdf", declarationId: f.id });
  });
});

describe("deadline sweep", () => {
  test("corrections not made in time go back to the region marked overdue; a second run changes nothing", async () => {
    const f = await submittedFile();
    await asUser(f.e1.id);
    await a.claimAction({ declarationId: f.id });
    await a.returnAction({ declarationId: f.id, flags: [{ section: "5", field: "city", comment: "نام شهر را کامل بنویسید." }] });
    const due = (await t.db.declaration.findUniqueOrThrow({ where: { id: f.id } })).dueAt!;

    // Two days before: one reminder, however many runs.
    const twoDaysBefore = new Date(due.getTime() - 36 * 3600_000);
    await runDeadlineSweep(t.db, twoDaysBefore);
    await runDeadlineSweep(t.db, twoDaysBefore);
    expect(await t.db.notification.count({ where: { declarationId: f.id, template: "correction-reminder" } })).toBe(1);

    const after = new Date(due.getTime() + 1000);
    await runDeadlineSweep(t.db, after);
    const d = await t.db.declaration.findUniqueOrThrow({ where: { id: f.id } });
    expect(d).toMatchObject({ status: "IN_REVIEW", overdue: true, assigneeId: f.e1.id });
    expect(await t.db.correctionRequest.count({ where: { declarationId: f.id, resolvedAt: null } })).toBe(0);
    const audits = await t.db.auditEvent.count({ where: { targetId: f.id } });
    await runDeadlineSweep(t.db, after);
    expect(await t.db.auditEvent.count({ where: { targetId: f.id } })).toBe(audits);
    // The holder can no longer change the file.
    await asUser(f.holder.user.id);
    expect(
      await a.saveStepAction({ declarationId: f.id, step: 5, version: d.version, values: VALID_STEP_VALUES["5"], mode: "draft" }),
    ).toMatchObject({ ok: false });
  });

  test("no objection within the window: final; a draft after the window: not submitted with the lowest rank", async () => {
    const f = await submittedFile();
    await approveAs(f.id, f.e1.id);
    const approvedAt = (await t.db.declaration.findUniqueOrThrow({ where: { id: f.id } })).approvedAt!;
    await runDeadlineSweep(t.db, new Date(approvedAt.getTime() + 3 * 86_400_000));
    expect(await status(f.id)).toBe("APPROVED");
    await runDeadlineSweep(t.db, new Date(approvedAt.getTime() + 9 * 86_400_000));
    expect(await status(f.id)).toBe("FINAL");

    const draft = await declarationAt(t.db, 3);
    const round = await t.db.round.findUniqueOrThrow({ where: { id: draft.declaration.roundId } });
    const r1 = await runDeadlineSweep(t.db, new Date(round.windowClosesAt.getTime() + 1000));
    expect(r1.notSubmitted).toBeGreaterThanOrEqual(1);
    expect(await t.db.declaration.findUniqueOrThrow({ where: { id: draft.declaration.id } })).toMatchObject({
      status: "NOT_SUBMITTED",
      finalRank: 3,
    });
    const r2 = await runDeadlineSweep(t.db, new Date(round.windowClosesAt.getTime() + 1000));
    expect(r2).toMatchObject({ notSubmitted: 0, correctionsExpired: 0, finalized: 0, reminders: 0, windowReminders: 0 });
  });

  test("after the objection window, an objection is refused", async () => {
    const f = await submittedFile();
    await approveAs(f.id, f.e1.id);
    await t.db.declaration.update({ where: { id: f.id }, data: { approvedAt: new Date(Date.now() - 10 * 86_400_000) } });
    await asUser(f.holder.user.id);
    expect(await a.objectionAction({ declarationId: f.id, text: "این نتیجه با واقعیت دفتر تفاوت دارد و درست نیست." })).toMatchObject({
      ok: false,
      formError: "مهلت اعتراض به نتیجه این پرونده به پایان رسیده است.",
    });
  });
});

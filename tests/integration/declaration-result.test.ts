// The result explained to the holder (lib/declaration/load-result.ts and the page
// /declarations/<id>/result), on files built through the real services and routes: submitted
// with a violation answered yes, scored and approved by the region, objected to with an
// attachment, and decided by another expert (accepted on one file, not accepted on another).
// Who sees it (the holder, the region's experts, the head office; anyone else "not found"),
// what the page says in Persian, and that the holder can download their own attachment.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Db } from "@/lib/db-client";
import { seedDemoData } from "@/prisma/demo-data";
import { NotFoundError } from "@/lib/errors/app-error";
import { submitDeclaration } from "@/lib/declaration/submit-declaration";
import { formatNumberFa } from "@/lib/format/digits";
import { ruleSetOfRound } from "@/lib/rounds/rule-set-of-round";
import { setupTestDatabase } from "../helpers/test-database";
import { createHolder, createStaffUser } from "../helpers/fixtures";
import { declarationAt, HOLDER_PASSWORD, validRankingValues } from "../helpers/declarations";
import { tinyPdf } from "../helpers/file-fixtures";

const mockDb: { current: Db | null } = { current: null };
let signedInAs: CurrentUser | null = null;
jest.mock("@/lib/db", () => ({
  get db() {
    return mockDb.current;
  },
}));
jest.mock("@/lib/auth/current-user", () => ({
  requireUser: async () => signedInAs,
  getCurrentUser: async () => signedInAs,
  getActingUser: async () => signedInAs,
}));
jest.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "203.0.113.8" }) }));

// Imported after the mocks are in place.
import ResultPage from "@/app/(holder)/declarations/[declarationId]/result/page";
import FilePage from "@/app/(holder)/declarations/[declarationId]/page";
import { loadDeclarationResult } from "@/lib/declaration/load-result";
import { claimAction } from "@/lib/actions/review/claim-declaration";
import { regionScoresAction } from "@/lib/actions/review/save-region-scores";
import { approveAction } from "@/lib/actions/review/approve-declaration";
import { decideObjectionAction } from "@/lib/actions/review/decide-objection";
import { saveRankingAction } from "@/lib/actions/declaration/save-ranking-step";
import { POST as objectionPost } from "@/app/api/declarations/[declarationId]/objection/route";
import { GET as documentGet } from "@/app/api/documents/[documentId]/route";

const t = setupTestDatabase();
let storageDir: string;
const savedDir = process.env.PISHKHAN_STORAGE_DIR;

const OBJECTION_TEXT = "امتیاز رضایت مراجعان با نظرسنجی ماه گذشته نمی‌خواند؛ گواهی انجمن پیوست است.";
const CHANGED_REASON = "نظرسنجی تازه امتیاز بالاتری نشان داد و گواهی انجمن معتبر است.";
const UPHELD_REASON = "نظرسنجی منطقه همان امتیاز را تأیید می‌کند و تغییری لازم نیست.";
const ATTACHMENT_NAME = "گواهی انجمن.pdf";

type Built = {
  id: string;
  holderId: string;
  approverId: string;
  deciderId: string;
  approvedTotal: number;
  finalTotal: number;
  finalRank: number;
};
let accepted: Built; // objection accepted (CHANGED), with an attachment and a violation
let rejected: Built; // objection not accepted (UPHELD), no attachment
let pendingId = ""; // submitted, no result yet
let otherHolderId = "";
let otherExpertId = "";
let adminId = "";
let sameRegionExpertId = "";

async function asUser(id: string) {
  signedInAs = (await t.db.user.findUniqueOrThrow({
    where: { id },
    include: { region: true, office: { include: { province: { include: { region: true } } } } },
  })) as CurrentUser;
  return signedInAs;
}
const callerOf = (u: { id: string; role: CurrentUser["role"]; regionId: number | null }) => ({
  id: u.id,
  role: u.role,
  regionId: u.regionId,
});

async function fileObjection(declarationId: string, text: string, files: { name: string; bytes: Uint8Array }[] = []) {
  const body = new FormData();
  body.set("text", text);
  for (const f of files) body.append("files", new File([Buffer.from(f.bytes)], f.name, { type: "application/pdf" }));
  const res = await objectionPost(new Request(`http://localhost/api/declarations/${declarationId}/objection`, { method: "POST", body }), {
    params: Promise.resolve({ declarationId }),
  });
  expect(await res.json()).toMatchObject({ ok: true });
}

/** A file submitted through step 8 and 9's services, with `yes` violations answered yes (V02 with a verdict). */
async function submitted(yes: string[]) {
  const f = await declarationAt(t.db, 8);
  await asUser(f.holder.user.id);
  const values = await validRankingValues(t.db, f.declaration.roundId, yes);
  if (yes.includes("V02")) Object.assign(values, { v2Verdict: true, v2NoticeDate: "۱۴۰۵/۰۲/۱۰" });
  const saved = await saveRankingAction({ declarationId: f.declaration.id, version: f.declaration.version, values, mode: "complete" });
  if (!saved.ok) throw new Error(`step 8 not saved: ${JSON.stringify(saved)}`);
  await submitDeclaration(t.db, { ...f.actor, userId: f.holder.user.id }, f.caller, {
    declarationId: f.declaration.id,
    version: saved.data.version,
    confirmed: true,
    password: HOLDER_PASSWORD,
  });
  return f;
}

async function build(opts: { yes: string[]; decision: "CHANGED" | "UPHELD"; reason: string; attach: boolean }): Promise<Built> {
  const f = await submitted(opts.yes);
  const id = f.declaration.id;
  const approver = (await createStaffUser(t.db, "EXPERT", { regionId: f.declaration.regionId })).user;
  await createStaffUser(t.db, "EXPERT", { regionId: f.declaration.regionId }); // someone else to decide the objection
  await asUser(approver.id);
  expect(await claimAction({ declarationId: id })).toMatchObject({ ok: true });
  expect(await regionScoresAction({ declarationId: id, satisfactionScore: "8", associationScore: "۶٫۵" })).toMatchObject({ ok: true });
  expect(await approveAction({ declarationId: id })).toMatchObject({ ok: true });
  const approvedTotal = (await t.db.declaration.findUniqueOrThrow({ where: { id } })).finalScore!.toNumber();

  await asUser(f.holder.user.id);
  await fileObjection(id, OBJECTION_TEXT, opts.attach ? [{ name: ATTACHMENT_NAME, bytes: tinyPdf() }] : []);
  const deciderId = (await t.db.declaration.findUniqueOrThrow({ where: { id } })).assigneeId!;
  await asUser(deciderId);
  const decision =
    opts.decision === "CHANGED"
      ? { decision: "CHANGED" as const, reason: opts.reason, satisfactionScore: "10", associationScore: "8" }
      : { decision: "UPHELD" as const, reason: opts.reason };
  expect(await decideObjectionAction({ declarationId: id, ...decision })).toMatchObject({ ok: true });
  const final = await t.db.declaration.findUniqueOrThrow({ where: { id } });
  expect(final.status).toBe("FINAL");
  signedInAs = null;
  return {
    id,
    holderId: f.holder.user.id,
    approverId: approver.id,
    deciderId,
    approvedTotal,
    finalTotal: final.finalScore!.toNumber(),
    finalRank: final.finalRank!,
  };
}

beforeAll(async () => {
  storageDir = fs.mkdtempSync(path.join(os.tmpdir(), "pishkhan-result-"));
  process.env.PISHKHAN_STORAGE_DIR = storageDir;
  delete process.env.BLOB_READ_WRITE_TOKEN;
  mockDb.current = t.db;
  await seedDemoData(t.db);
  // Staff have a second factor (docs/decisions/0013).
  await t.db.user.updateMany({ where: { role: { in: ["EXPERT", "ADMIN"] } }, data: { totpEnabledAt: new Date() } });
  accepted = await build({ yes: ["V02"], decision: "CHANGED", reason: CHANGED_REASON, attach: true });
  rejected = await build({ yes: [], decision: "UPHELD", reason: UPHELD_REASON, attach: false });
  pendingId = (await submitted([])).declaration.id;
  signedInAs = null;
  otherHolderId = (await createHolder(t.db, { password: "Other-holder-1" })).user.id;
  const region = (await t.db.declaration.findUniqueOrThrow({ where: { id: accepted.id } })).regionId;
  otherExpertId = (await createStaffUser(t.db, "EXPERT", { regionId: region === 1 ? 2 : 1 })).user.id;
  sameRegionExpertId = (await createStaffUser(t.db, "EXPERT", { regionId: region })).user.id;
  adminId = (await t.db.user.findFirstOrThrow({ where: { role: "ADMIN" } })).id;
});

afterEach(() => {
  signedInAs = null;
});

afterAll(() => {
  fs.rmSync(storageDir, { recursive: true, force: true });
  if (savedDir === undefined) delete process.env.PISHKHAN_STORAGE_DIR;
  else process.env.PISHKHAN_STORAGE_DIR = savedDir;
});

const resultAs = async (userId: string, declarationId: string) =>
  loadDeclarationResult(t.db, callerOf(await asUser(userId)), declarationId);
const renderAs = async (userId: string, declarationId: string) => {
  await asUser(userId);
  return renderToStaticMarkup(await ResultPage({ params: Promise.resolve({ declarationId }) }));
};

describe("the service", () => {
  test("criteria with points, the region's scores, the violations and the objection with its decision, reason and attachments", async () => {
    const r = await resultAs(accepted.holderId, accepted.id);
    const declaration = await t.db.declaration.findUniqueOrThrow({ where: { id: accepted.id }, include: { region: true } });
    const { ruleSet } = await ruleSetOfRound(t.db, declaration.roundId);
    expect(r).toMatchObject({ declarationId: accepted.id, status: "FINAL", final: true, regionName: declaration.region.name });
    const res = r.result!;
    expect(res.reason).toBe("OBJECTION_DECIDED");
    // The final score is the decided one; before the objection it was the approved one.
    expect(res.score).toMatchObject({ total: accepted.finalTotal, rank: accepted.finalRank, negative: 20 });
    expect(res.beforeObjection).toMatchObject({ total: accepted.approvedTotal });
    expect(accepted.finalTotal).toBe(accepted.approvedTotal + 3.5); // satisfaction 8 → 10, association 6.5 → 8
    // Every criterion of the rule set, in its order, each with points out of its maximum and a reason.
    expect(res.criteria.map((c) => c.title)).toEqual(ruleSet.criteria.map((c) => c.title));
    for (const c of res.criteria) {
      expect(c.points).toBeLessThanOrEqual(c.max);
      expect(c.explanation).toMatch(/امتیاز از|←/);
      expect(c.pending).toBe(false);
    }
    expect(res.criteria.find((c) => c.key === "floorArea")).toMatchObject({ points: expect.any(Number), regionEntered: false });
    expect(res.criteria.reduce((s, c) => s + c.points, 0)).toBeCloseTo(res.score.positive, 2);
    expect(res.regionScores).toEqual([
      { key: "satisfaction", title: "رضایت دریافت‌کنندگان خدمت", value: 10, points: 10, max: 10 },
      { key: "association", title: "امتیاز انجمن صنفی استان", value: 8, points: 8, max: 10 },
    ]);
    expect(declaration.satisfactionScore!.toNumber()).toBe(10);
    expect(declaration.associationScore!.toNumber()).toBe(8);
    expect(res.violations).toEqual([
      {
        code: "V02",
        title: "جعل یا مخدوش کردن پرونده و مدارک متقاضیان خدمت",
        points: 20,
        description: "در بازرسی مهر ۱۴۰۵ مشاهده شد.",
        verdictNoticeDate: new Date("2026-04-29T20:30:00.000Z"),
      },
    ]);
    expect(r.objections).toHaveLength(1);
    const o = r.objections[0]!;
    expect(o).toMatchObject({
      text: OBJECTION_TEXT,
      decision: "CHANGED",
      accepted: true,
      decisionReason: CHANGED_REASON,
      decidedAt: expect.any(Date),
      attachments: [{ id: expect.any(String), fileName: ATTACHMENT_NAME, size: tinyPdf().length }],
    });
    // The deciding expert is not part of what is shown.
    expect(JSON.stringify(r)).not.toContain(accepted.deciderId);
  });

  test("an objection not accepted: UPHELD, the approved score stands", async () => {
    const r = await resultAs(rejected.holderId, rejected.id);
    expect(r.result).toMatchObject({ reason: "OBJECTION_DECIDED", score: { total: rejected.approvedTotal, negative: 0 }, violations: [] });
    expect(r.result!.beforeObjection).toBeNull();
    expect(r.objections).toEqual([
      expect.objectContaining({ decision: "UPHELD", accepted: false, decisionReason: UPHELD_REASON, attachments: [] }),
    ]);
  });

  test("a file the region has not approved yet has no result", async () => {
    const pending = await t.db.declaration.findUniqueOrThrow({ where: { id: pendingId }, include: { office: true } });
    const r = await resultAs(pending.office.holderId, pendingId);
    expect(r).toMatchObject({ status: "SUBMITTED", result: null, objections: [] });
  });

  test("the region's experts and the head office see it; another holder and another region's expert get not found", async () => {
    await expect(resultAs(sameRegionExpertId, accepted.id)).resolves.toMatchObject({ result: { reason: "OBJECTION_DECIDED" } });
    await expect(resultAs(adminId, accepted.id)).resolves.toMatchObject({ result: { reason: "OBJECTION_DECIDED" } });
    await expect(resultAs(otherHolderId, accepted.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(resultAs(otherExpertId, accepted.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(resultAs(accepted.holderId, rejected.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(resultAs(accepted.holderId, "no-such-file")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the page", () => {
  test("the holder reads the score criterion by criterion, the region's scores, the violation and the accepted objection", async () => {
    const html = await renderAs(accepted.holderId, accepted.id);
    const declaration = await t.db.declaration.findUniqueOrThrow({ where: { id: accepted.id }, include: { region: true } });
    const { ruleSet } = await ruleSetOfRound(t.db, declaration.roundId);
    for (const c of ruleSet.criteria) expect(html).toContain(c.title);
    expect(html).toContain("امتیاز مثبت، معیار به معیار");
    expect(html).toContain(`امتیاز نهایی <strong>${formatNumberFa(accepted.finalTotal)}</strong>`);
    expect(html).toContain("(قطعی)");
    expect(html).toContain("امتیازهای منطقه");
    expect(html).toContain(`<strong>${formatNumberFa(10)}</strong> از ${formatNumberFa(10)}`);
    expect(html).toContain("جعل یا مخدوش کردن پرونده و مدارک متقاضیان خدمت");
    expect(html).toContain(`(−${formatNumberFa(20)} امتیاز)`);
    expect(html).toContain("تاریخ ابلاغ رأی: ۱۴۰۵/۰۲/۱۰");
    expect(html).toContain("پذیرفته شد");
    expect(html).not.toContain("پذیرفته نشد");
    expect(html).toContain(CHANGED_REASON);
    expect(html).toContain(OBJECTION_TEXT);
    expect(html).toContain(`کارشناس منطقه ${declaration.region.name}`);
    expect(html).toContain(`پیش از رسیدگی به اعتراض: امتیاز ${formatNumberFa(accepted.approvedTotal)}`);
    const attachment = await t.db.document.findFirstOrThrow({ where: { objectionId: { not: null }, declarationId: accepted.id } });
    expect(html).toContain(`href="/api/documents/${attachment.id}"`);
    expect(html).toContain(ATTACHMENT_NAME);
    // Persian digits only in what is read (not in links); the table sits in a scrolling box with a caption.
    expect(html.replace(/<[^>]*>/g, " ")).not.toMatch(/[0-9]/);
    expect(html).toMatch(/class="[^"]*\boverflow-x-auto\b[^"]*"/);
    expect(html).toContain("<caption");
    // No expert is named.
    const decider = await t.db.user.findUniqueOrThrow({ where: { id: accepted.deciderId } });
    expect(html).not.toContain(`${decider.firstName} ${decider.lastName}`);
  });

  test("an objection not accepted reads «پذیرفته نشد» with the reason; no violation", async () => {
    const html = await renderAs(rejected.holderId, rejected.id);
    expect(html).toContain("پذیرفته نشد");
    expect(html).not.toContain("پذیرفته شد");
    expect(html).toContain(UPHELD_REASON);
    expect(html).toContain("هیچ تخلفی اعلام نشده است");
    expect(html).toContain("پیوستی ندارد");
  });

  test("a region's expert sees the page; another holder and another region's expert get not found", async () => {
    expect(await renderAs(sameRegionExpertId, accepted.id)).toContain(CHANGED_REASON);
    for (const who of [otherHolderId, otherExpertId]) {
      await asUser(who);
      await expect(ResultPage({ params: Promise.resolve({ declarationId: accepted.id }) })).rejects.toMatchObject({
        digest: expect.stringContaining("404"),
      });
    }
  });

  test("the file's page links to it once there is a result", async () => {
    await asUser(accepted.holderId);
    const html = renderToStaticMarkup(await FilePage({ params: Promise.resolve({ declarationId: accepted.id }) }));
    expect(html).toContain(`href="/declarations/${accepted.id}/result"`);
    expect(html).toContain("جزئیات نتیجه");
  });

  test("before approval the page says the result is not announced yet", async () => {
    const pending = await t.db.declaration.findUniqueOrThrow({ where: { id: pendingId }, include: { office: true } });
    expect(await renderAs(pending.office.holderId, pendingId)).toContain("نتیجه ارزیابی این پرونده هنوز اعلام نشده است");
  });
});

describe("the objection's attachment through GET /api/documents/<id>", () => {
  const get = (documentId: string) =>
    documentGet(new Request(`http://localhost/api/documents/${documentId}`), { params: Promise.resolve({ documentId }) });

  test("the holder downloads their own attachment; the region's expert too; another holder and region get 404", async () => {
    const attachment = await t.db.document.findFirstOrThrow({ where: { objectionId: { not: null }, declarationId: accepted.id } });
    expect(attachment.kind).toBe("OBJECTION_ATTACHMENT");
    await asUser(accepted.holderId);
    const res = await get(attachment.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await res.arrayBuffer()).equals(tinyPdf())).toBe(true);

    await asUser(accepted.deciderId);
    expect((await get(attachment.id)).status).toBe(200);
    for (const who of [otherHolderId, otherExpertId, rejected.holderId]) {
      await asUser(who);
      expect((await get(attachment.id)).status).toBe(404);
    }
  });
});

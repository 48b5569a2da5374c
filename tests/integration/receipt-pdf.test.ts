// The PDF receipt route, called as Next calls it (a Request and the route params), with the
// signed-in user and the database substituted. The submitted declaration is written
// directly (status, tracking code, time, score snapshot), as submit-declaration.ts leaves it.
import type { Db } from "@/lib/db-client";
import { toJson } from "@/lib/declaration/declaration-json";
import { seedDemoData } from "@/prisma/demo-data";
import { startDeclaration } from "@/lib/declaration/start-declaration";
import { submissionDigest } from "@/lib/declaration/submission-digest";
import { parseRuleSet, scoreOffice, type Facts } from "@/lib/ranking";
import sampleRuleSet from "@/lib/ranking/sample-ruleset.json";
import { setupTestDatabase } from "../helpers/test-database";
import { createHolder, createStaffUser } from "../helpers/fixtures";
import { pdfContains, pdfText } from "../helpers/pdf-text";

const mockDb: { current: Db | null } = { current: null };
const mockUser: { current: unknown } = { current: null };
jest.mock("@/lib/db", () => ({
  get db() {
    return mockDb.current;
  },
}));
jest.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => mockUser.current, getActingUser: async () => mockUser.current }));

// Imported after the mocks are in place.
import { GET } from "@/app/api/declarations/[declarationId]/receipt/route";

const t = setupTestDatabase();

beforeAll(async () => {
  mockDb.current = t.db;
  await seedDemoData(t.db);
});

const FACTS: Facts = {
  floorArea: 45,
  staffCount: 3,
  insuredStaffCount: 2,
  disabledStaffCount: 1,
  holderEducation: "bachelor",
  holderExperienceYears: 6,
  groundFloor: true,
  facilities: ["ramp", "cctv"],
  satisfactionScore: null,
  associationScore: null,
  violations: ["V05", "V13"],
};

async function holderWithDraft() {
  const h = await createHolder(t.db, { password: "Secret-pass-1" });
  const declaration = await startDeclaration(t.db, { userId: h.user.id, role: "HOLDER", ip: null });
  const user = await t.db.user.findUniqueOrThrow({ where: { id: h.user.id } });
  return { user, declaration };
}

/** A holder whose declaration is SUBMITTED with a tracking code and its SUBMITTED snapshot. */
async function submitted() {
  const { user, declaration } = await holderWithDraft();
  const round = await t.db.round.findUniqueOrThrow({ where: { id: declaration.roundId }, include: { ruleSet: true } });
  const breakdown = scoreOffice(parseRuleSet(sampleRuleSet), FACTS);
  const trackingCode = String(100_000_000_000 + Math.floor(Math.random() * 800_000_000_000));
  const submittedAt = new Date("2026-11-23T13:00:00Z");
  const { ruleSet } = round;
  await t.db.declaration.update({ where: { id: declaration.id }, data: { status: "SUBMITTED", trackingCode, submittedAt } });
  await t.db.scoreSnapshot.create({
    data: {
      declarationId: declaration.id,
      reason: "SUBMITTED",
      ruleSetId: ruleSet.id,
      ruleSetVersion: ruleSet.version,
      facts: toJson(FACTS),
      breakdown: toJson(breakdown),
      positive: breakdown.positive,
      negative: breakdown.negative,
      total: breakdown.total,
      rank: breakdown.rank,
      sha256: submissionDigest({
        declarationId: declaration.id,
        trackingCode,
        submittedAt,
        ruleSet: { id: ruleSet.id, key: ruleSet.key, version: ruleSet.version, sha256: ruleSet.sha256 },
        facts: FACTS,
        breakdown,
      }),
      createdById: user.id,
    },
  });
  return { user, declaration, trackingCode };
}

const get = (declarationId: string) =>
  GET(new Request(`http://localhost/api/declarations/${declarationId}/receipt`), { params: Promise.resolve({ declarationId }) });

async function expectPdf(res: Response, trackingCode: string) {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/pdf");
  expect(res.headers.get("content-disposition")).toBe(`attachment; filename="receipt-${trackingCode}.pdf"`);
  expect(res.headers.get("cache-control")).toBe("private, no-store");
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  const bytes = Buffer.from(await res.arrayBuffer());
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(bytes.length).toBeGreaterThan(5 * 1024);
  expect(res.headers.get("content-length")).toBe(String(bytes.length));
  // It says it is the record of the submission, and leads to the public verification page.
  expect(pdfContains(bytes, "این رسید وضعیت پرونده را در زمان ارسال نشان می‌دهد")).toBe(true);
  expect(pdfText(bytes).text).toContain(`http://localhost/verify/${trackingCode}`);
}

describe("GET /api/declarations/[id]/receipt", () => {
  test("the holder gets the receipt as a PDF download named after the tracking code", async () => {
    const { user, declaration, trackingCode } = await submitted();
    mockUser.current = user;
    await expectPdf(await get(declaration.id), trackingCode);
  });

  test("an expert of the declaration's region gets the PDF; another region's expert and another holder get 404", async () => {
    const { declaration, trackingCode } = await submitted();
    const other = await holderWithDraft();

    mockUser.current = other.user;
    const foreign = await get(declaration.id);
    expect(foreign.status).toBe(404);
    expect(foreign.headers.get("cache-control")).toBe("no-store");
    expect(await foreign.json()).toEqual({ ok: false, code: "NOT_FOUND", formError: "این پرونده یافت نشد یا به آن دسترسی ندارید." });

    const region = declaration.regionId;
    mockUser.current = (await createStaffUser(t.db, "EXPERT", { regionId: region === 1 ? 2 : 1 })).user;
    expect((await get(declaration.id)).status).toBe(404);

    mockUser.current = (await createStaffUser(t.db, "EXPERT", { regionId: region })).user;
    await expectPdf(await get(declaration.id), trackingCode);
  });

  test("a declaration that does not exist: 404 with the same answer as one the caller may not see", async () => {
    const { user } = await holderWithDraft();
    mockUser.current = user;
    const res = await get("no-such-declaration");
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ ok: false, code: "NOT_FOUND", formError: "این پرونده یافت نشد یا به آن دسترسی ندارید." });
  });

  test("a draft (not submitted) declaration: 404 saying it has not been submitted", async () => {
    const { user, declaration } = await holderWithDraft();
    mockUser.current = user;
    const res = await get(declaration.id);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect((await res.json()).formError).toContain("هنوز ارسال نشده است");
  });

  test("signed out, or still due to change the first password: 401 with the Persian session message", async () => {
    const { user, declaration } = await submitted();
    mockUser.current = null;
    const res = await get(declaration.id);
    expect(res.status).toBe(401);
    expect((await res.json()).formError).toContain("نشست");

    mockUser.current = { ...user, mustChangePassword: true };
    expect((await get(declaration.id)).status).toBe(401);
  });
});

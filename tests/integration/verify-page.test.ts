// The public verification page (/verify/<tracking code>): what it shows for a final file and
// for a submitted one, nothing personal, one "not found" for unknown, malformed and draft
// codes, and the limit of 60 lookups per client address in ten minutes.
import { renderToStaticMarkup } from "react-dom/server";
import type { Db } from "@/lib/db-client";
import { seedDemoData } from "@/prisma/demo-data";
import { toPersianDigits } from "@/lib/format/digits";
import { generateTrackingCode } from "@/lib/declaration/tracking-code";
import { VERIFY_LIMIT } from "@/lib/declaration/verify-tracking-code";
import { setupTestDatabase } from "../helpers/test-database";
import { declarationAt } from "../helpers/declarations";
import { finalFile, submittedFile } from "../helpers/final-file";

const mockDb: { current: Db | null } = { current: null };
const mockIp = { current: "198.51.100.1" };
jest.mock("@/lib/db", () => ({
  get db() {
    return mockDb.current;
  },
}));
jest.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": mockIp.current }) }));

import VerifyPage from "@/app/verify/[trackingCode]/page";

const t = setupTestDatabase();
let ipSeq = 10;

beforeAll(async () => {
  mockDb.current = t.db;
  process.env.TRUSTED_PROXIES = "127.0.0.1";
  await seedDemoData(t.db);
});

beforeEach(() => {
  mockIp.current = `198.51.100.${ipSeq++}`; // each test its own address (own counter)
});

const render = async (trackingCode: string) => renderToStaticMarkup(await VerifyPage({ params: Promise.resolve({ trackingCode }) }));
const expectNotFound = (trackingCode: string) =>
  expect(VerifyPage({ params: Promise.resolve({ trackingCode }) })).rejects.toMatchObject({ digest: expect.stringContaining("404") });

test("a final file: office code, round, status, rank and the certificate's SHA-256 — and nothing personal", async () => {
  const f = await finalFile(t.db);
  const html = await render(f.trackingCode);
  const round = await t.db.round.findUniqueOrThrow({ where: { id: f.declaration.roundId } });
  expect(html).toContain(toPersianDigits(f.declaration.office.code));
  expect(html).toContain(round.title);
  expect(html).toContain("قطعی");
  expect(html).toContain(`رتبه ${toPersianDigits(f.decided.rank)}`);
  expect(html).toContain(f.decided.sha256);
  const holder = await t.db.user.findUniqueOrThrow({ where: { id: f.holder.user.id } });
  for (const personal of [
    holder.firstName,
    holder.lastName,
    holder.nationalId,
    toPersianDigits(holder.nationalId),
    f.declaration.office.name,
  ]) {
    expect(html).not.toContain(personal);
  }
  if (holder.mobile) {
    expect(html).not.toContain(holder.mobile);
    expect(html).not.toContain(toPersianDigits(holder.mobile));
  }
  for (const mobile of ["09121234567", toPersianDigits("09121234567"), "0012345679", "0045678911", "علی", "رضایی", "کریمی"]) {
    expect(html).not.toContain(mobile);
  }
  // A code typed in Persian digits finds the same file.
  expect(await render(toPersianDigits(f.trackingCode))).toContain(f.decided.sha256);
});

test("a submitted file: its status, no rank and no hash yet", async () => {
  const f = await submittedFile(t.db);
  const html = await render(f.trackingCode);
  expect(html).toContain("ارسال‌شده");
  expect(html).toContain("هنوز قطعی نشده");
  expect(html).not.toContain("رتبه نهایی");
  const snapshot = await t.db.scoreSnapshot.findFirstOrThrow({ where: { declarationId: f.id } });
  expect(html).not.toContain(snapshot.sha256);
});

test("unknown, malformed and draft codes: not found", async () => {
  let unknown = generateTrackingCode();
  while (await t.db.declaration.findUnique({ where: { trackingCode: unknown } })) unknown = generateTrackingCode();
  await expectNotFound(unknown);
  await expectNotFound("123");
  await expectNotFound("abc<script>");
  await expectNotFound(unknown.slice(0, -1) + String((Number(unknown.at(-1)) + 1) % 10)); // wrong check digit
  // A draft has no tracking code; even a code written on one (never done by the app) is not shown.
  const draft = await declarationAt(t.db, 3);
  const code = generateTrackingCode();
  await t.db.declaration.update({ where: { id: draft.declaration.id }, data: { trackingCode: code } });
  await expectNotFound(code);
});

test("the 61st lookup from one address in the window is refused; another address is not", async () => {
  const f = await submittedFile(t.db);
  for (let i = 1; i <= VERIFY_LIMIT; i++) {
    if (i % 2) await render(f.trackingCode);
    else await expectNotFound("000000000000");
  }
  const refused = await render(f.trackingCode);
  expect(refused).toContain("درخواست‌های بیش از حد");
  const office = await t.db.office.findUniqueOrThrow({ where: { id: f.declaration.officeId } });
  expect(refused).not.toContain(toPersianDigits(office.code));
  mockIp.current = "198.51.100.250";
  expect(await render(f.trackingCode)).toContain("ارسال‌شده");
});

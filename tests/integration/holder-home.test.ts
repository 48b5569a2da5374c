// The holder's home after submission, as the server renders it on a real PostgreSQL: every
// file of the office (this round's and earlier rounds', newest first) with its status, the
// deadline that matters now, the result, the receipt and the one right action.
import { renderToStaticMarkup } from "react-dom/server";
import type { Db } from "@/lib/db-client";
import type { CurrentUser } from "@/lib/auth/current-user";
import { seedDemoData } from "@/prisma/demo-data";
import { submitDeclaration } from "@/lib/declaration/submit-declaration";
import { setupTestDatabase } from "../helpers/test-database";
import { createHolder } from "../helpers/fixtures";
import { declarationAt, HOLDER_PASSWORD } from "../helpers/declarations";
import { createRound } from "../helpers/round-results";

const mockDb: { current: Db | null } = { current: null };
jest.mock("@/lib/db", () => ({
  get db() {
    return mockDb.current;
  },
}));
// holder-home takes the user as a prop; the start button's action module must not read a session.
jest.mock("@/lib/auth/current-user", () => ({
  requireUser: async () => null,
  getCurrentUser: async () => null,
  getActingUser: async () => null,
}));

// Imported after the mocks are in place.
import { HolderHome } from "@/app/(holder)/holder-home";

const t = setupTestDatabase();
const DAY = 86_400_000;
const TIMER = 'role="timer"';

beforeAll(async () => {
  mockDb.current = t.db;
  await seedDemoData(t.db); // the demo round is open from now for 20 days
});

async function currentUser(userId: string): Promise<CurrentUser> {
  return t.db.user.findUniqueOrThrow({
    where: { id: userId },
    include: { region: true, office: { include: { province: { include: { region: true } } } } },
  });
}

async function home(userId: string, now = new Date()) {
  return renderToStaticMarkup(await HolderHome({ user: await currentUser(userId), now }));
}

/** The cards of the page, in order. */
function cards(html: string): string[] {
  return html.match(/<article\b[\s\S]*?<\/article>/g) ?? [];
}

/** A row written directly: a file of `officeId` in an earlier, closed round. */
async function olderFinalFile(officeId: string, title: string, opensDaysAgo: number, final: { score: number; rank: number }) {
  const round = await createRound(t.db, { title, status: "CLOSED", opens: new Date(Date.now() - opensDaysAgo * DAY) });
  const office = await t.db.office.findUniqueOrThrow({ where: { id: officeId }, include: { province: true } });
  const submittedAt = new Date(round.windowOpensAt.getTime() + 3 * DAY);
  return t.db.declaration.create({
    data: {
      roundId: round.id,
      officeId,
      regionId: office.province.regionId,
      provinceId: office.provinceId,
      officeType: office.type,
      status: "FINAL",
      submittedAt,
      trackingCode: `9${String(Math.floor(Math.random() * 1e11)).padStart(11, "0")}`,
      finalScore: final.score,
      finalRank: final.rank,
      approvedAt: new Date(submittedAt.getTime() + 10 * DAY),
      finalizedAt: new Date(submittedAt.getTime() + 20 * DAY),
    },
  });
}

describe("a holder with a submitted file in the open round and a final file in an older round", () => {
  let html = "";
  let submittedId = "";
  let olderId = "";
  let openTitle = "";

  beforeAll(async () => {
    const f = await declarationAt(t.db, 9);
    await submitDeclaration(t.db, f.actor, f.caller, {
      declarationId: f.declaration.id,
      version: f.declaration.version,
      confirmed: true,
      password: HOLDER_PASSWORD,
    });
    submittedId = f.declaration.id;
    openTitle = (await t.db.round.findUniqueOrThrow({ where: { id: f.declaration.roundId } })).title;
    olderId = (await olderFinalFile(f.holder.office.id, "نیمه اول ۱۴۰۴", 400, { score: 62.5, rank: 2 })).id;
    html = await home(f.holder.user.id);
  });

  test("no «continue», no countdown, no start button: the file has been sent", () => {
    expect(html).not.toContain("ادامه ثبت خوداظهاری");
    expect(html).not.toContain("شروع ثبت خوداظهاری");
    expect(html).not.toContain(TIMER);
  });

  test("both files, newest round first", () => {
    const [first, second, ...rest] = cards(html);
    expect(rest).toHaveLength(0);
    expect(first).toContain(`دوره ارزیابی ${openTitle}`);
    expect(second).toContain("دوره ارزیابی نیمه اول ۱۴۰۴");
  });

  test("the submitted file: its status, the region is reviewing it, the receipt and the file as the one action", () => {
    const card = cards(html)[0]!;
    expect(card).toContain("ارسال‌شده");
    expect(card).toMatch(/پرونده شما در منطقه .+ در حال بررسی است/);
    expect(card).toContain(`href="/declarations/${submittedId}/receipt"`);
    expect(card).toContain(`<a class="btn" href="/declarations/${submittedId}">مشاهده پرونده</a>`);
    expect(card).toContain("کد رهگیری");
  });

  test("the older round's file: final, its score and rank in Persian digits, its receipt", () => {
    const card = cards(html)[1]!;
    expect(card).toContain("قطعی");
    expect(card).toContain("نتیجه قطعی");
    expect(card).toContain("امتیاز <strong>۶۲٫۵</strong>");
    expect(card).toContain("رتبه <strong>۲</strong>");
    expect(card).toContain(`href="/declarations/${olderId}/receipt"`);
    expect(card).toContain(`<a class="btn" href="/declarations/${olderId}">مشاهده پرونده</a>`);
    expect(card).not.toContain(TIMER);
  });
});

test("a draft in an open window: «continue» as the one action, with the window's countdown, no receipt", async () => {
  const f = await declarationAt(t.db, 3);
  const html = await home(f.holder.user.id);
  const [card, ...rest] = cards(html);
  expect(rest).toHaveLength(0);
  expect(card).toContain("پیش‌نویس");
  expect(card).toContain(`<a class="btn" href="/declarations/${f.declaration.id}">ادامه ثبت خوداظهاری</a>`);
  expect(card).toContain("مهلت ثبت خوداظهاری");
  expect(card).toContain(TIMER);
  expect(card).not.toContain("/receipt");
  expect(html).not.toContain("شروع ثبت خوداظهاری");
});

test("an approved file inside its objection window: «see the result and object», the window's end, the region's result", async () => {
  const f = await declarationAt(t.db, 9);
  await submitDeclaration(t.db, f.actor, f.caller, {
    declarationId: f.declaration.id,
    version: f.declaration.version,
    confirmed: true,
    password: HOLDER_PASSWORD,
  });
  await t.db.declaration.update({
    where: { id: f.declaration.id },
    data: { status: "APPROVED", approvedAt: new Date(Date.now() - DAY), finalScore: 71, finalRank: 1 },
  });
  const card = cards(await home(f.holder.user.id))[0]!;
  expect(card).toContain("تأیید منطقه");
  expect(card).toContain(`<a class="btn" href="/declarations/${f.declaration.id}">مشاهده نتیجه و ثبت اعتراض</a>`);
  expect(card).toContain("مهلت ثبت اعتراض");
  expect(card).toContain("نتیجه اعلام‌شده منطقه");
  expect(card).toContain("امتیاز <strong>۷۱</strong>");
  expect(card).toContain("رتبه <strong>۱</strong>");
});

test("a returned file before its correction deadline: «correct and send again» with the deadline's countdown", async () => {
  const f = await declarationAt(t.db, 9);
  await submitDeclaration(t.db, f.actor, f.caller, {
    declarationId: f.declaration.id,
    version: f.declaration.version,
    confirmed: true,
    password: HOLDER_PASSWORD,
  });
  await t.db.declaration.update({ where: { id: f.declaration.id }, data: { status: "RETURNED", dueAt: new Date(Date.now() + 3 * DAY) } });
  const card = cards(await home(f.holder.user.id))[0]!;
  expect(card).toContain(`<a class="btn" href="/declarations/${f.declaration.id}">اصلاح و ارسال دوباره</a>`);
  expect(card).toContain("مهلت اصلاح");
  expect(card).toContain(TIMER);
});

test("an open round and no file yet: the start button with the window's countdown", async () => {
  const h = await createHolder(t.db, { password: HOLDER_PASSWORD });
  const html = await home(h.user.id);
  expect(cards(html)).toHaveLength(0);
  expect(html).toContain("شروع ثبت خوداظهاری");
  expect(html).toContain(TIMER);
});

// The national dashboard on PostgreSQL (lib/dashboard): counts by status, region and rank,
// the score histogram, the rank shares of each province and each region's deadline
// compliance on a small round whose numbers are worked out by hand (tests/helpers/
// round-results.ts); who sees what (an expert their own region whatever the URL asks, a
// holder "not found"); and the page itself as the server renders it.
import { renderToStaticMarkup } from "react-dom/server";
import type { Db } from "@/lib/db-client";
import type { Caller } from "@/lib/authz/guards";
import { NotFoundError } from "@/lib/errors/app-error";
import { seedDemoData } from "@/prisma/demo-data";
import { setupTestDatabase } from "../helpers/test-database";
import { createHolder, createStaffUser } from "../helpers/fixtures";
import { createFiles, createRound, NOW, ROUND_A, ROUND_B } from "../helpers/round-results";

const mockDb: { current: Db | null } = { current: null };
const mockUser: { current: unknown } = { current: null };
jest.mock("@/lib/db", () => ({
  get db() {
    return mockDb.current;
  },
}));
jest.mock("@/lib/auth/current-user", () => ({ requireUser: async () => mockUser.current, getCurrentUser: async () => mockUser.current }));

// Imported after the mocks are in place.
import DashboardPage from "@/app/(admin)/dashboard/page";
import { loadDashboard, type Dashboard } from "@/lib/dashboard/load-dashboard";
import { bucketWidth } from "@/lib/dashboard/aggregates";
import { regionCompliance } from "@/lib/dashboard/compliance";
import { pickRound } from "@/lib/dashboard/scope";
import { deadlineAfter } from "@/lib/workflow/deadlines";

const t = setupTestDatabase();
let roundA = "";
let roundB = "";
let admin: Caller & { firstName: string };
let expert1: Caller;
let holder: Caller;

const caller = (u: { id: string; role: Caller["role"]; regionId: number | null }): Caller => ({
  id: u.id,
  role: u.role,
  regionId: u.regionId,
});

beforeAll(async () => {
  mockDb.current = t.db;
  // The demo round opens on 2026-09-01; round A a month later, so it is the latest open one.
  await seedDemoData(t.db, new Date("2026-09-01T08:00:00Z"));
  const a = await t.db.user.findFirstOrThrow({ where: { role: "ADMIN" } });
  admin = { ...caller(a), firstName: a.firstName };
  const e = (await createStaffUser(t.db, "EXPERT", { regionId: 1 })).user;
  expert1 = caller(e);
  holder = caller((await createHolder(t.db, { provinceId: 2 })).user);
  // The holder's office (Alborz, region 1) has no file in round A: it counts as "no file".
  roundA = (await createRound(t.db, { title: "دوره الف", status: "OPEN", opens: new Date("2026-10-01T20:30:00Z") })).id;
  roundB = (await createRound(t.db, { title: "دوره ب", status: "CLOSED", opens: new Date("2026-04-01T20:30:00Z") })).id;
  await createFiles(t.db, roundA, ROUND_A, e.id);
  await createFiles(t.db, roundB, ROUND_B, e.id);
});

async function dashboardAs(who: Caller, params: Record<string, string> = {}): Promise<Dashboard> {
  return loadDashboard(t.db, who, params, NOW);
}
const data = (d: Dashboard) => {
  if (!d.data) throw new Error("no round");
  return d.data;
};
const statusCounts = (d: Dashboard) =>
  Object.fromEntries(
    data(d)
      .counts.byStatus.filter((s) => s.count > 0)
      .map((s) => [s.status, s.count]),
  );

describe("counts of round A (open), all regions", () => {
  // Offices: the 13 of ROUND_A, the demo data's three and the test holder's one; those
  // without a file are "no file" (A007, the demo offices, the holder's office).
  test("by status: every office once, no file included", async () => {
    const d = await dashboardAs(admin, { round: roundA });
    expect(statusCounts(d)).toEqual({ NO_FILE: 5, DRAFT: 1, SUBMITTED: 2, IN_REVIEW: 2, RETURNED: 1, APPROVED: 2, OBJECTED: 1, FINAL: 3 });
    expect(data(d).counts.offices).toBe(17);
  });

  test("by region, in stages", async () => {
    const d = await dashboardAs(admin, { round: roundA });
    const byRegion = Object.fromEntries(data(d).counts.byRegion.map((r) => [r.regionId, { offices: r.offices, ...r.stages }]));
    expect(byRegion[1]).toEqual({ offices: 11, notYet: 4, region: 3, holder: 1, decided: 3, notSubmitted: 0 });
    expect(byRegion[2]).toEqual({ offices: 4, notYet: 0, region: 2, holder: 0, decided: 2, notSubmitted: 0 });
    expect(byRegion[4]).toMatchObject({ offices: 1, notYet: 1 });
    expect(byRegion[7]).toMatchObject({ offices: 1, notYet: 1 });
    expect(byRegion[9]).toMatchObject({ offices: 0 });
    expect(data(d).counts.byRegion).toHaveLength(9);
  });

  test("by rank: the region's rank when fixed, else the snapshot's (provisional); drafts and no file unranked", async () => {
    const d = await dashboardAs(admin, { round: roundA });
    expect(data(d).counts.byRank).toEqual([
      { rank: 1, fixed: 3, provisional: 1 },
      { rank: 2, fixed: 1, provisional: 1 },
      { rank: 3, fixed: 2, provisional: 3 },
    ]);
    expect(data(d).counts.unranked).toBe(6);
  });

  test("score histogram: buckets of 10 up to the rule set's 100 (the last closed), a negative total below 0", async () => {
    const d = await dashboardAs(admin, { round: roundA });
    const h = data(d).counts.histogram;
    expect(h.map((b) => [b.from, b.to, b.count])).toEqual([
      [-10, 0, 1],
      [0, 10, 0],
      [10, 20, 0],
      [20, 30, 1],
      [30, 40, 1],
      [40, 50, 2], // 42 and 49.99
      [50, 60, 1],
      [60, 70, 1],
      [70, 80, 2], // 70 (the rank-1 threshold) and 75
      [80, 90, 1],
      [90, 100, 1], // 100 itself
    ]);
    expect(h.at(-1)!.closed).toBe(true);
    expect(h.filter((b) => b.closed)).toHaveLength(1);
  });

  test("rank shares by province", async () => {
    const d = await dashboardAs(admin, { round: roundA });
    const p = Object.fromEntries(
      data(d)
        .counts.provinces.filter((x) => x.offices > 0)
        .map((x) => [x.name, { offices: x.offices, unranked: x.unranked, ...x.ranks }]),
    );
    expect(p).toEqual({
      تهران: { offices: 4, unranked: 1, 1: 2, 2: 1, 3: 0 },
      البرز: { offices: 3, unranked: 1, 1: 1, 2: 0, 3: 1 },
      قم: { offices: 2, unranked: 1, 1: 0, 2: 1, 3: 0 },
      مازندران: { offices: 2, unranked: 1, 1: 0, 2: 0, 3: 1 },
      قزوین: { offices: 2, unranked: 0, 1: 1, 2: 0, 3: 1 },
      زنجان: { offices: 1, unranked: 0, 1: 0, 2: 0, 3: 1 },
      گیلان: { offices: 1, unranked: 0, 1: 0, 2: 0, 3: 1 },
      فارس: { offices: 1, unranked: 1, 1: 0, 2: 0, 3: 0 },
      اصفهان: { offices: 1, unranked: 1, 1: 0, 2: 0, 3: 0 },
    });
  });
});

describe("deadline compliance", () => {
  test("each region: files reviewed in time, late (any decision after its deadline), overdue now, waiting", async () => {
    const d = await dashboardAs(admin, { round: roundA });
    const c = Object.fromEntries(
      data(d).compliance.map((x) => [x.regionId, { inTime: x.inTime, late: x.late, overdueNow: x.overdueNow, waiting: x.waiting }]),
    );
    // Region 1: A001 approved on day 5, A005 returned on day 3, A008 approved on day 4 (its objection
    // waits) are in time; A002 was returned on day 25 (after the 20 days), A009's objection was
    // decided 15 days after it was filed (10 allowed). A003 is past due now; A004 and A008 wait.
    expect(c[1]).toEqual({ inTime: 3, late: 2, overdueNow: 1, waiting: 2 });
    // Region 2: B001 approved one second before the deadline, B004 at the deadline itself (late);
    // B003's return was in time, and its holder's late correction (the overdue flag) is not the region's delay.
    expect(c[2]).toEqual({ inTime: 2, late: 1, overdueNow: 1, waiting: 1 });
    expect(c[3]).toEqual({ inTime: 0, late: 0, overdueNow: 0, waiting: 0 });
  });

  test("a round that counts working days: Fridays and holidays are skipped when judging a decision", async () => {
    const round = await createRound(t.db, {
      title: "دوره روز کاری",
      status: "OPEN",
      opens: new Date("2026-09-15T20:30:00Z"),
      dayKind: "WORKING",
      reviewDays: 2,
    });
    await t.db.holiday.create({ data: { day: new Date("2026-10-10T00:00:00Z"), title: "تعطیل آزمون" } });
    // Submitted Wednesday 7 Oct 10:00 Tehran: Thursday counts, Friday and the Saturday holiday do
    // not, Sunday does — due at the start of Monday 12 Oct (Tehran); by calendar days, 10 Oct.
    const submitted = new Date("2026-10-07T06:30:00Z");
    const due = deadlineAfter(submitted, 2, "WORKING", new Set(["2026-10-10"]));
    expect(due.toISOString()).toBe("2026-10-11T20:30:00.000Z");
    const e = await t.db.user.findFirstOrThrow({ where: { role: "EXPERT", regionId: 3 } });
    await createFiles(
      t.db,
      round.id,
      [
        {
          code: "W001",
          province: 8,
          region: 3,
          status: "FINAL",
          submittedAt: submitted,
          total: 80,
          rank: 1,
          final: { score: 80, rank: 1 },
          approvedAt: new Date("2026-10-11T12:00:00Z"),
        },
        {
          code: "W002",
          province: 8,
          region: 3,
          status: "FINAL",
          submittedAt: submitted,
          total: 80,
          rank: 1,
          final: { score: 80, rank: 1 },
          approvedAt: due,
        },
      ],
      e.id,
    );
    const [region3] = await regionCompliance(t.db, round, 3, NOW);
    expect(region3).toEqual({ regionId: 3, inTime: 1, late: 1, overdueNow: 0, waiting: 0 });
  });
});

describe("round B (closed)", () => {
  test("only the round's files count: offices without one joined after the close", async () => {
    const d = await dashboardAs(admin, { round: roundB });
    expect(statusCounts(d)).toEqual({ FINAL: 1, NOT_SUBMITTED: 2 });
    expect(data(d).counts.byRank).toEqual([
      { rank: 1, fixed: 0, provisional: 0 },
      { rank: 2, fixed: 1, provisional: 0 },
      { rank: 3, fixed: 2, provisional: 0 },
    ]);
    expect(data(d).counts.histogram.reduce((s, b) => s + b.count, 0)).toBe(1); // not submitted: a rank but no score
  });
});

describe("who sees what", () => {
  test("the head office may narrow to one region", async () => {
    const d = await dashboardAs(admin, { round: roundA, region: "2" });
    expect(d.regionId).toBe(2);
    expect(d.regionName).toBe("شمال غرب");
    expect(data(d).counts.offices).toBe(4);
    expect(data(d).compliance.map((c) => c.regionId)).toEqual([2]);
    expect(d.regionOptions).toHaveLength(9);
  });

  test("an expert sees their own region, even when the URL asks for another", async () => {
    for (const params of [{ round: roundA }, { round: roundA, region: "2" }, { round: roundA, region: "۲" }] as Record<string, string>[]) {
      const d = await dashboardAs(expert1, params);
      expect(d.regionId).toBe(1);
      expect(d.canPickRegion).toBe(false);
      expect(d.regionOptions).toEqual([]);
      expect(data(d).counts.offices).toBe(11);
      expect(data(d).counts.byRegion.map((r) => r.regionId)).toEqual([1]);
      expect(data(d).compliance.map((c) => c.regionId)).toEqual([1]);
      expect(data(d).counts.provinces.every((p) => p.regionId === 1)).toBe(true);
      expect(data(d).counts.byRank.reduce((s, r) => s + r.fixed + r.provisional, 0)).toBe(7);
    }
  });

  test("an expert without a region sees nothing rather than someone else's", async () => {
    const d = await dashboardAs({ id: "x", role: "EXPERT", regionId: null }, { round: roundA });
    expect(data(d).counts.offices).toBe(0);
  });

  test("a holder is told the dashboard does not exist", async () => {
    await expect(dashboardAs(holder)).rejects.toBeInstanceOf(NotFoundError);
    await expect(dashboardAs(holder, { round: roundA, region: "1" })).rejects.toBeInstanceOf(NotFoundError);
  });

  test("default round: the latest open one, else the latest", async () => {
    const d = await dashboardAs(admin);
    expect(data(d).round.title).toBe("دوره الف");
    const rounds = [
      { id: "1", status: "CLOSED" },
      { id: "2", status: "DRAFT" },
    ];
    expect(pickRound(rounds)?.id).toBe("1");
    expect(pickRound(rounds, "2")?.id).toBe("2");
    expect(pickRound(rounds, "missing")?.id).toBe("1");
    expect(pickRound([])).toBeNull();
  });
});

describe("the page", () => {
  const render = async (user: unknown, params: Record<string, string>) => {
    mockUser.current = user;
    return renderToStaticMarkup(await DashboardPage({ searchParams: Promise.resolve(params) }));
  };

  test("a holder gets not found", async () => {
    const user = await t.db.user.findUniqueOrThrow({ where: { id: holder.id } });
    mockUser.current = user;
    await expect(DashboardPage({ searchParams: Promise.resolve({}) })).rejects.toMatchObject({ digest: expect.stringContaining("404") });
  });

  test("an expert's page names their region, offers no region filter and lists only their region", async () => {
    const user = await t.db.user.findUniqueOrThrow({ where: { id: expert1.id }, include: { region: true } });
    const html = await render(user, { round: roundA, region: "2" });
    expect(html).toContain("داشبورد منطقه شمال");
    expect(html).not.toContain('name="region"');
    expect(html).not.toContain("شمال غرب");
    expect(html).not.toContain("قزوین");
    // The export links keep to the expert's region.
    expect(html).toContain(`/api/rounds/${roundA}/export?format=xlsx&amp;region=1`);
  });

  test("the head office's page: filters, export links and a captioned table under each chart", async () => {
    const user = await t.db.user.findUniqueOrThrow({ where: { id: admin.id } });
    const html = await render(user, { round: roundA });
    expect(html).toContain("داشبورد کشوری");
    expect(html).toMatch(/<form[^>]*action="\/dashboard"[^>]*method="get"/);
    expect(html).toContain('name="region"');
    expect(html).toContain(">دریافت XLSX</a>");
    expect(html).toContain(">دریافت CSV</a>");
    expect(html).toContain(`href="/api/rounds/${roundA}/export?format=xlsx"`);
    expect((html.match(/<caption/g) ?? []).length).toBe(6);
    expect(html).toContain('<th scope="col" class="p-2 text-start">گذشته از مهلت اکنون</th>');
    expect(html).toContain('<th scope="row" class="p-2 text-start font-medium">شمال غرب</th>');
  });
});

test("bucket widths: at most ten buckets of 1, 2 or 5 × 10ⁿ", () => {
  expect(bucketWidth(100)).toBe(10);
  expect(bucketWidth(95)).toBe(10);
  expect(bucketWidth(30)).toBe(5);
  expect(bucketWidth(250)).toBe(50);
  expect(bucketWidth(0)).toBe(1);
});

// The region's queue (lib/review/queue) on PostgreSQL: every filter, the search by office
// code and by the holder's national ID in any digit set, the region wall (an expert never
// sees another region's files, whatever the URL says), and offset paging that returns
// every file exactly once in due order. Files are written directly (createMany), not
// through the submission path.
import type { Caller } from "@/lib/authz/guards";
import { NotFoundError } from "@/lib/errors/app-error";
import type { DeclarationStatus, OfficeType } from "@/lib/generated/prisma/enums";
import { seedDemoData } from "@/prisma/demo-data";
import {
  deadlineFlags,
  listAssignableExperts,
  listQueue,
  parseQueueParams,
  QUEUE_PAGE_SIZE,
  queueDeadlineCounts,
  queueQuery,
  type QueueFilters,
} from "@/lib/review/queue";
import { createPrismaClient } from "@/lib/db-client";
import { setupTestDatabase } from "../helpers/test-database";
import { createStaffUser } from "../helpers/fixtures";
import { uniqueNationalId } from "../helpers/national-ids";

const t = setupTestDatabase();
const NOW = new Date("2026-12-01T08:00:00Z");
const DAY = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY);

type Spec = {
  region: number;
  province: number;
  status: DeclarationStatus;
  due?: number | null; // days from NOW
  overdue?: boolean;
  assigneeId?: string | null;
  officeType?: OfficeType;
  code?: string;
  nationalId?: string;
};

let seq = 0;
let roundId = "";

/** Files as specified (one holder and office each), written with three createMany calls; returns their ids. */
async function files(specs: Spec[]): Promise<string[]> {
  const rows = specs.map((s) => ({ s, n: ++seq }));
  await t.db.user.createMany({
    data: rows.map(({ s, n }) => ({
      id: `qt-h-${n}`,
      nationalId: s.nationalId ?? uniqueNationalId(),
      firstName: "دارنده",
      lastName: `${n}`,
      role: "HOLDER" as const,
      passwordHash: "x",
    })),
  });
  await t.db.office.createMany({
    data: rows.map(({ s, n }) => ({
      id: `qt-o-${n}`,
      code: s.code ?? `Z${String(n).padStart(6, "0")}`,
      name: `دفتر آزمون ${n}`,
      type: s.officeType ?? "PISHKHAN_GOVERNMENT",
      personType: "REAL" as const,
      provinceId: s.province,
      city: "شهر",
      address: "نشانی",
      holderId: `qt-h-${n}`,
    })),
  });
  await t.db.declaration.createMany({
    data: rows.map(({ s, n }) => ({
      id: `qt-d-${String(n).padStart(5, "0")}`,
      roundId,
      officeId: `qt-o-${n}`,
      regionId: s.region,
      provinceId: s.province,
      officeType: s.officeType ?? "PISHKHAN_GOVERNMENT",
      status: s.status,
      submittedAt: s.status === "DRAFT" ? null : at(-10),
      dueAt: s.due === undefined ? at(10) : s.due === null ? null : at(s.due),
      overdue: s.overdue ?? false,
      assigneeId: s.assigneeId ?? null,
    })),
  });
  return rows.map(({ n }) => `qt-d-${String(n).padStart(5, "0")}`);
}

const callerOf = (u: { id: string; role: Caller["role"]; regionId: number | null }): Caller => ({
  id: u.id,
  role: u.role,
  regionId: u.regionId,
});

/** The ids of every page of the queue, in order. */
async function allIds(caller: Caller, filters: QueueFilters = {}) {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const r = await listQueue(t.db, caller, filters, page, NOW);
    ids.push(...r.rows.map((x) => x.id));
    if (page >= r.pageCount) return ids;
  }
}
const sorted = (ids: string[]) => [...ids].sort();

let expertA: Caller, colleagueA: Caller, expertB: Caller, admin: Caller;
// Region 1 (provinces 1–4) and region 2 (provinces 5–7).
const A: Record<string, string> = {};
let regionBIds: string[] = [];

beforeAll(async () => {
  await seedDemoData(t.db);
  roundId = (await t.db.round.findFirstOrThrow()).id;
  expertA = callerOf((await createStaffUser(t.db, "EXPERT", { regionId: 1 })).user);
  colleagueA = callerOf((await createStaffUser(t.db, "EXPERT", { regionId: 1 })).user);
  expertB = callerOf((await createStaffUser(t.db, "EXPERT", { regionId: 2 })).user);
  admin = callerOf(await t.db.user.findFirstOrThrow({ where: { role: "ADMIN" } }));

  const named: [string, Spec][] = [
    ["submitted", { region: 1, province: 1, status: "SUBMITTED", due: 10 }],
    ["soonReview", { region: 1, province: 1, status: "IN_REVIEW", due: 2, assigneeId: expertA.id }],
    ["soonEdge", { region: 1, province: 2, status: "RESUBMITTED", due: 3 }],
    ["justAfterSoon", { region: 1, province: 2, status: "SUBMITTED", due: 3.01 }],
    ["soonObjection", { region: 1, province: 3, status: "OBJECTED", due: 1, assigneeId: colleagueA.id }],
    ["returnedSoon", { region: 1, province: 3, status: "RETURNED", due: 1 }], // the holder's deadline
    ["returnedLate", { region: 1, province: 3, status: "RETURNED", due: -1 }], // the holder's deadline
    ["late", { region: 1, province: 4, status: "IN_REVIEW", due: -2, assigneeId: expertA.id, officeType: "RURAL_ICT" }],
    ["dueNow", { region: 1, province: 4, status: "SUBMITTED", due: 0, officeType: "RURAL_ICT" }],
    ["flagged", { region: 1, province: 1, status: "IN_REVIEW", due: 8, overdue: true, assigneeId: colleagueA.id }],
    ["approved", { region: 1, province: 1, status: "APPROVED", due: null, overdue: true }],
    ["final", { region: 1, province: 2, status: "FINAL", due: null }],
    ["draft", { region: 1, province: 2, status: "DRAFT", due: null }],
    ["coded", { region: 1, province: 4, status: "SUBMITTED", due: 12, code: "771234", officeType: "PISHKHAN_NON_GOVERNMENT" }],
    ["coded2", { region: 1, province: 4, status: "SUBMITTED", due: 13, code: "771299", officeType: "PISHKHAN_NON_GOVERNMENT" }],
    ["byNationalId", { region: 1, province: 1, status: "SUBMITTED", due: 14, nationalId: "0499370899" }],
  ];
  const ids = await files(named.map(([, s]) => s));
  named.forEach(([name], i) => (A[name] = ids[i]!));
  regionBIds = await files([
    { region: 2, province: 5, status: "SUBMITTED", due: 1 },
    { region: 2, province: 6, status: "IN_REVIEW", due: -1, assigneeId: expertB.id },
    { region: 2, province: 7, status: "SUBMITTED", due: 5, code: "771250" },
  ]);
});

const ids = async (caller: Caller, filters: QueueFilters = {}) => sorted(await allIds(caller, filters));
const names = (...n: string[]) => sorted(n.map((k) => A[k]!));
const IN_PROGRESS = [
  "submitted",
  "soonReview",
  "soonEdge",
  "justAfterSoon",
  "soonObjection",
  "returnedSoon",
  "returnedLate",
  "late",
  "dueNow",
  "flagged",
  "coded",
  "coded2",
  "byNationalId",
];

describe("filters", () => {
  test("by default the region's files in progress; a status filter picks any one status", async () => {
    expect(await ids(expertA)).toEqual(names(...IN_PROGRESS));
    expect(await ids(expertA, { status: "APPROVED" })).toEqual(names("approved"));
    expect(await ids(expertA, { status: "FINAL" })).toEqual(names("final"));
    expect(await ids(expertA, { status: "RETURNED" })).toEqual(names("returnedSoon", "returnedLate"));
  });

  test("due within 3 days: the region's deadlines in (now, now + 3 days], not the holder's", async () => {
    expect(await ids(expertA, { due: "soon" })).toEqual(names("soonReview", "soonEdge", "soonObjection"));
    expect(await ids(expertA, { due: "soon", status: "OBJECTED" })).toEqual(names("soonObjection"));
  });

  test("overdue: a passed region deadline, or the overdue flag on a file in progress", async () => {
    expect(await ids(expertA, { due: "overdue" })).toEqual(names("late", "dueNow", "flagged"));
    expect(await ids(expertA, { due: "overdue", status: "APPROVED" })).toEqual([]);
  });

  test("assigned to me / unassigned", async () => {
    expect(await ids(expertA, { assignee: "me" })).toEqual(names("soonReview", "late"));
    expect(await ids(colleagueA, { assignee: "me" })).toEqual(names("soonObjection", "flagged"));
    expect(await ids(expertA, { assignee: "none" })).toEqual(
      names("submitted", "soonEdge", "justAfterSoon", "returnedSoon", "returnedLate", "dueNow", "coded", "coded2", "byNationalId"),
    );
    expect(await ids(expertA, { assignee: "me", due: "overdue" })).toEqual(names("late"));
  });

  test("province and office type", async () => {
    expect(await ids(expertA, { provinceId: 4 })).toEqual(names("late", "dueNow", "coded", "coded2"));
    expect(await ids(expertA, { officeType: "RURAL_ICT" })).toEqual(names("late", "dueNow"));
    expect(await ids(expertA, { provinceId: 4, officeType: "PISHKHAN_NON_GOVERNMENT" })).toEqual(names("coded", "coded2"));
    // A province of another region gives nothing, not that region's files.
    expect(await ids(expertA, { provinceId: 5 })).toEqual([]);
  });

  test("search by office code, exact or prefix, typed in Persian or Arabic digits", async () => {
    expect(await ids(expertA, { q: "۷۷۱۲۳۴" })).toEqual(names("coded"));
    expect(await ids(expertA, { q: "۷۷۱۲" })).toEqual(names("coded", "coded2"));
    expect(await ids(expertA, { q: "٧٧١٢٩" })).toEqual(names("coded2"));
    expect(await ids(expertA, { q: " 77-12 " })).toEqual(names("coded", "coded2"));
    expect(await ids(expertA, { q: "7712", status: "FINAL" })).toEqual([]);
    expect(await ids(expertA, { q: "99999" })).toEqual([]);
    // Characters that LIKE would read as wildcards never widen the search.
    expect(await ids(expertA, { q: "77%" })).toEqual([]);
    expect(await ids(expertA, { q: "_" })).toEqual([]);
  });

  test("search by the holder's national ID (exact), typed in Persian digits", async () => {
    expect(await ids(expertA, { q: "۰۴۹۹۳۷۰۸۹۹" })).toEqual(names("byNationalId"));
    expect(await ids(expertA, { q: "۰۴۹۹-۳۷۰۸۹۹" })).toEqual(names("byNationalId"));
    expect(await ids(expertA, { q: "۰۴۹۹۳۷۰۸۹" })).toEqual([]); // a national ID is not searched by prefix
  });

  test("rows carry office, province, type, status, dates, assignee and the deadline flags", async () => {
    const r = await listQueue(t.db, expertA, { q: "771234" }, 1, NOW);
    expect(r).toMatchObject({ total: 1, page: 1, pageCount: 1, pageSize: QUEUE_PAGE_SIZE });
    expect(r.rows[0]).toMatchObject({
      id: A.coded,
      officeCode: "771234",
      officeName: expect.stringContaining("دفتر آزمون"),
      provinceName: "مازندران",
      officeType: "PISHKHAN_NON_GOVERNMENT",
      status: "SUBMITTED",
      dueAt: at(12),
      submittedAt: at(-10),
      assigneeId: null,
      assigneeName: null,
      dueSoon: false,
      overdue: false,
      overdueFlag: false,
    });
    const mine = await listQueue(t.db, expertA, { assignee: "me" }, 1, NOW);
    const late = mine.rows.find((x) => x.id === A.late)!;
    expect(late).toMatchObject({ overdue: true, dueSoon: false, assigneeName: "آزمون کارشناس" });
    expect(mine.rows.find((x) => x.id === A.soonReview)).toMatchObject({ dueSoon: true, overdue: false });
    const flags = (await listQueue(t.db, expertA, {}, 1, NOW)).rows;
    expect(
      flags
        .filter((x) => x.overdue)
        .map((x) => x.id)
        .sort(),
    ).toEqual(names("late", "dueNow", "flagged"));
    expect(
      flags
        .filter((x) => x.dueSoon)
        .map((x) => x.id)
        .sort(),
    ).toEqual(names("soonReview", "soonEdge", "soonObjection"));
    expect(deadlineFlags({ status: "RETURNED", dueAt: at(-1), overdue: false }, NOW)).toEqual({ dueSoon: false, overdue: false });
  });

  test("the deadline filters do not depend on the database session's time zone", async () => {
    const name = new URL(t.url).pathname.slice(1);
    await t.db.$executeRawUnsafe(`ALTER DATABASE "${name}" SET timezone TO 'Asia/Tehran'`);
    const tehran = createPrismaClient(t.url, 1);
    try {
      expect((await tehran.$queryRaw<{ TimeZone: string }[]>`SHOW timezone`)[0]?.TimeZone).toBe("Asia/Tehran");
      expect(sorted((await listQueue(tehran, expertA, { due: "soon" }, 1, NOW)).rows.map((r) => r.id))).toEqual(
        names("soonReview", "soonEdge", "soonObjection"),
      );
      expect(sorted((await listQueue(tehran, expertA, { due: "overdue" }, 1, NOW)).rows.map((r) => r.id))).toEqual(
        names("late", "dueNow", "flagged"),
      );
      expect((await listQueue(tehran, expertA, { q: "771234" }, 1, NOW)).rows[0]?.dueAt).toEqual(at(12));
    } finally {
      await tehran.$disconnect();
      await t.db.$executeRawUnsafe(`ALTER DATABASE "${name}" RESET timezone`);
    }
  });

  test("the home page's counts are the queue's filters", async () => {
    expect(await queueDeadlineCounts(t.db, expertA, NOW)).toEqual({ dueSoon: 3, overdue: 3 });
    expect(await queueDeadlineCounts(t.db, expertB, NOW)).toEqual({ dueSoon: 1, overdue: 1 });
  });
});

describe("the region wall", () => {
  test("an expert of region A never sees region B's files, even when asking for region B", async () => {
    const everything = await ids(expertA, { regionId: 2 });
    expect(everything).toEqual(names(...IN_PROGRESS));
    expect(everything.some((id) => regionBIds.includes(id))).toBe(false);
    expect(await ids(expertA, { regionId: 2, q: "771250" })).toEqual([]);
    expect(await ids(expertA, { regionId: 2, provinceId: 5 })).toEqual([]);
    expect(await ids(expertB, { regionId: 1 })).toEqual(sorted(regionBIds));
  });

  test("an admin sees every region, or the one asked for", async () => {
    expect(await ids(admin, { regionId: 2 })).toEqual(sorted(regionBIds));
    expect(await ids(admin, { regionId: 1 })).toEqual(names(...IN_PROGRESS));
    const all = await ids(admin);
    expect(all).toEqual(expect.arrayContaining([...regionBIds, A.submitted!]));
  });

  test("a holder gets not-found; an expert without a region sees nothing", async () => {
    const holder = callerOf(await t.db.user.findUniqueOrThrow({ where: { nationalId: "0012345679" } }));
    await expect(listQueue(t.db, holder, {}, 1, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listAssignableExperts(t.db, holder)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listQueue(t.db, { ...expertA, regionId: null }, {}, 1, NOW)).total).toBe(0);
  });

  test("colleagues to assign to: the expert's region only; the admin's choice", async () => {
    const list = await listAssignableExperts(t.db, expertA, 2);
    expect(list.every((x) => x.regionId === 1)).toBe(true);
    expect(list.map((x) => x.id)).toEqual(expect.arrayContaining([expertA.id, colleagueA.id]));
    expect((await listAssignableExperts(t.db, admin, 2)).map((x) => x.id)).toContain(expertB.id);
    await t.db.user.update({ where: { id: colleagueA.id }, data: { active: false } });
    expect((await listAssignableExperts(t.db, expertA)).map((x) => x.id)).not.toContain(colleagueA.id);
    await t.db.user.update({ where: { id: colleagueA.id }, data: { active: true } });
  });
});

describe("paging", () => {
  test("every file exactly once across pages, in due order (no date last), then id", async () => {
    // Region 9: 137 files, many sharing a due date, some without one, in a shuffled insert order.
    const specs: Spec[] = Array.from({ length: 137 }, (_, i) => ({
      region: 9,
      province: 28 + (i % 4),
      status: (["SUBMITTED", "IN_REVIEW", "RESUBMITTED", "OBJECTED", "RETURNED"] as const)[i % 5]!,
      due: i % 11 === 0 ? null : ((i * 7) % 9) - 3,
    }));
    const created = await files(specs);
    const expert = callerOf((await createStaffUser(t.db, "EXPERT", { regionId: 9 })).user);

    const first = await listQueue(t.db, expert, {}, 1, NOW);
    expect(first).toMatchObject({ total: 137, pageCount: 3 });
    expect(first.rows).toHaveLength(QUEUE_PAGE_SIZE);
    const pages = [first, await listQueue(t.db, expert, {}, 2, NOW), await listQueue(t.db, expert, {}, 3, NOW)];
    expect(pages.map((p) => p.rows.length)).toEqual([50, 50, 37]);
    const rows = pages.flatMap((p) => p.rows);
    expect(new Set(rows.map((r) => r.id)).size).toBe(137);
    expect(sorted(rows.map((r) => r.id))).toEqual(sorted(created));
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1]!, rows[i]!];
      const ka = a.dueAt?.getTime() ?? Infinity;
      const kb = b.dueAt?.getTime() ?? Infinity;
      expect(ka < kb || (ka === kb && a.id < b.id)).toBe(true);
    }
    expect(rows.slice(-13).every((r) => r.dueAt === null)).toBe(true);

    // A filtered queue pages the same way; a page past the end is empty.
    const filtered = await allIds(expert, { provinceId: 29 });
    expect(sorted(filtered)).toEqual(sorted(created.filter((_, i) => i % 4 === 1)));
    expect((await listQueue(t.db, expert, {}, 4, NOW)).rows).toEqual([]);
    expect((await listQueue(t.db, expert, {}, 0, NOW)).page).toBe(1);
  });
});

describe("the URL", () => {
  test("parses leniently (unknown values ignored, any digit set) and builds links that keep the filters", () => {
    const parsed = parseQueueParams({
      status: "FINAL",
      due: "soon",
      assignee: "none",
      province: "۴",
      type: "RURAL_ICT",
      q: " ۷۷۱۲ ",
      region: "2",
      page: "۳",
    });
    expect(parsed).toEqual({
      filters: { status: "FINAL", due: "soon", assignee: "none", provinceId: 4, officeType: "RURAL_ICT", q: "۷۷۱۲", regionId: 2 },
      page: 3,
    });
    expect(parseQueueParams({ status: "DRAFT", due: "later", assignee: "x", province: "-1", type: "X", page: "0", q: "" })).toEqual({
      filters: {},
      page: 1,
    });
    expect(parseQueueParams({ status: ["IN_REVIEW", "FINAL"] }).filters).toEqual({ status: "IN_REVIEW" });
    expect(parseQueueParams(Object.fromEntries(new URLSearchParams(queueQuery(parsed.filters, 3).slice(1))))).toEqual(parsed);
    expect(queueQuery({}, 1)).toBe("");
    expect(queueQuery({ due: "overdue" }, 2)).toBe("?due=overdue&page=2");
  });
});

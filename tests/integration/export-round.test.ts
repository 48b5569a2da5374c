// The round results export (GET /api/rounds/[roundId]/export), called as Next calls it with
// the signed-in user and the database substituted: the CSV as Excel would read it (BOM,
// quoting, formulas defused), the XLSX opened part by part, page boundaries that change
// nothing, and who gets what — an expert their own region whatever the URL says, a holder
// and a stranger to the round "not found".
import type { Db } from "@/lib/db-client";
import { seedDemoData } from "@/prisma/demo-data";
import { formatJalaliDate } from "@/lib/format/jalali";
import { setupTestDatabase } from "../helpers/test-database";
import { createHolder, createStaffUser } from "../helpers/fixtures";
import { after, createFiles, createRound, ROUND_A, ROUND_B, S } from "../helpers/round-results";
import { readSheet } from "../helpers/xlsx-reader";

const mockDb: { current: Db | null } = { current: null };
const mockUser: { current: unknown } = { current: null };
jest.mock("@/lib/db", () => ({
  get db() {
    return mockDb.current;
  },
}));
jest.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => mockUser.current, getActingUser: async () => mockUser.current }));

// Imported after the mocks are in place.
import { GET } from "@/app/api/rounds/[roundId]/export/route";
import { exportStream } from "@/lib/export/export-stream";
import { planRoundExport } from "@/lib/export/round-results";

const t = setupTestDatabase();
type User = Awaited<ReturnType<Db["user"]["findUniqueOrThrow"]>>;
let admin: User, expert: User, holder: User;
let roundA = "",
  roundB = "",
  draftRound = "";

const HEADERS = [
  "کد دفتر",
  "نام دفتر",
  "منطقه",
  "استان",
  "نوع دفتر",
  "متراژ دفتر",
  "تعداد کارکنان",
  "کارکنان دارای بیمه",
  "به‌کارگیری افراد دارای معلولیت",
  "تحصیلات دارنده پروانه",
  "سابقه فعالیت دارنده پروانه (سال)",
  "استقرار در طبقه همکف و دسترسی مستقیم از معبر",
  "امکانات و تجهیزات دفتر",
  "رضایت دریافت‌کنندگان خدمت",
  "امتیاز انجمن صنفی استان",
  "امتیاز منفی",
  "امتیاز کل",
  "رتبه",
  "وضعیت",
  "تاریخ ارسال",
  "تاریخ تأیید منطقه",
  "تاریخ قطعی شدن",
];

beforeAll(async () => {
  mockDb.current = t.db;
  await seedDemoData(t.db, new Date("2026-09-01T08:00:00Z"));
  // The demo admin, with its second factor enrolled as the head office must have it.
  const demoAdmin = await t.db.user.findFirstOrThrow({ where: { role: "ADMIN" } });
  admin = await t.db.user.update({ where: { id: demoAdmin.id }, data: { totpEnabledAt: new Date() } });
  expert = (await createStaffUser(t.db, "EXPERT", { regionId: 1 })).user;
  holder = (await createHolder(t.db, { provinceId: 2, password: "Holder-password-1" })).user; // signed in, password changed
  roundA = (await createRound(t.db, { title: "دوره الف", status: "OPEN", opens: new Date("2026-10-01T20:30:00Z") })).id;
  roundB = (await createRound(t.db, { title: "دوره ب", status: "CLOSED", opens: new Date("2026-04-01T20:30:00Z") })).id;
  draftRound = (await createRound(t.db, { title: "دوره/آینده: [پیش‌نویس]", status: "DRAFT", opens: new Date("2027-04-01T20:30:00Z") })).id;
  await createFiles(t.db, roundA, ROUND_A, expert.id);
  await createFiles(t.db, roundB, ROUND_B, expert.id);
});

async function get(user: User | null, roundId: string, query: string) {
  mockUser.current = user;
  return GET(new Request(`http://localhost/api/rounds/${roundId}/export${query}`), { params: Promise.resolve({ roundId }) });
}

/** RFC 4180 fields and records (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  if (field !== "" || row.length > 0) throw new Error("the last record does not end with CRLF");
  return rows;
}

async function csvOf(res: Response) {
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder().decode(bytes.slice(3));
  return { text, rows: parseCsv(text) };
}

const byCode = (rows: (string | number | null)[][]) => new Map(rows.slice(1).map((r) => [r[0] as string, r]));

describe("CSV", () => {
  test("every office of the round in code order, as Excel needs it", async () => {
    const res = await get(admin, roundA, "?format=csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    expect(res.headers.get("Content-Disposition")).toBe(
      `attachment; filename="round-${roundA}.csv"; filename*=UTF-8''${encodeURIComponent("نتایج دوره الف.csv")}`,
    );
    expect(res.headers.get("X-Total-Rows")).toBe("17");
    const { rows } = await csvOf(res);
    expect(rows[0]).toEqual(HEADERS);
    expect(rows).toHaveLength(18);
    const codes = rows.slice(1).map((r) => r[0]);
    expect(new Set(codes).size).toBe(17);
    expect(codes.slice(0, 3)).toEqual(["21001", "31002", "71003"]);
    expect(codes).toEqual(expect.arrayContaining(["A001", "A007", "B004"]));

    const a = byCode(rows);
    // Positive points by criterion (15 + 10 + 10 + 6 + 10 + 10 + 5 + 9 = 75), no negative points.
    expect(a.get("A001")).toEqual([
      "A001",
      "دفتر A001",
      "شمال",
      "تهران",
      "دفتر پیشخوان خدمات دولت",
      "15",
      "10",
      "10",
      "6",
      "10",
      "10",
      "5",
      "9",
      "0",
      "0",
      "0",
      "75",
      "1",
      "قطعی",
      formatJalaliDate(S),
      formatJalaliDate(after(5)),
      formatJalaliDate(after(13)),
    ]);
    expect(a.get("B004")!.slice(15, 19)).toEqual(["10", "-5", "3", "تأیید منطقه"]);
    expect(a.get("B001")![4]).toBe("دفتر پیشخوان غیردولتی عمومی");
    expect(a.get("A009")!.slice(16, 18)).toEqual(["49.99", "3"]);
    // Submitted, not yet decided: the snapshot's (provisional) score and rank.
    expect(a.get("A003")!.slice(16, 20)).toEqual(["42", "3", "ارسال‌شده", formatJalaliDate(S)]);
    // No file, a draft: no score, no rank, no dates.
    expect(a.get("A007")!.slice(5)).toEqual([...Array(13).fill(""), "بدون پرونده", "", "", ""]);
    expect(a.get("A006")!.slice(17, 19)).toEqual(["", "پیش‌نویس"]);
  });

  test("quotes, commas and line breaks are quoted; cells that a spreadsheet would run as formulas are defused", async () => {
    const { text, rows } = await csvOf(await get(admin, roundA, "?format=csv"));
    expect(text).toContain('\r\nA002,"دفتر ""نمونه"", شعبه ۱",');
    expect(text).toContain('\r\nA003,"\'=HYPERLINK(""http://example.com"")",');
    expect(text).toContain("\r\nA004,'-سلام,");
    expect(text).toContain("\r\nA005,'@دفتر,");
    expect(text).toContain("\r\nA009,'+98 دفتر,");
    expect(text).toContain('\r\nA006,"دفتر\nدو خطی",');
    // A negative total is a number, not a formula.
    expect(text).toMatch(/,10,-5,3,تأیید منطقه,/);
    const a = byCode(rows);
    expect(a.get("A002")![1]).toBe('دفتر "نمونه", شعبه ۱');
    expect(a.get("A006")![1]).toBe("دفتر\nدو خطی");
  });

  test("a closed round: its files only; not submitted is the lowest rank without a score", async () => {
    const { rows } = await csvOf(await get(admin, roundB, "?format=csv"));
    expect(rows.slice(1).map((r) => [r[0], r[16], r[17], r[18]])).toEqual([
      ["A001", "62", "2", "قطعی"],
      ["A007", "", "3", "ارسال‌نشده"],
      ["B001", "", "3", "ارسال‌نشده"],
    ]);
  });

  test("a round no one has started: every office, no file, no score", async () => {
    const res = await get(admin, draftRound, "?format=csv");
    expect(res.headers.get("X-Total-Rows")).toBe("17");
    const { rows } = await csvOf(res);
    expect(rows.slice(1).every((r) => r[18] === "بدون پرونده" && r[16] === "" && r[17] === "")).toBe(true);
  });
});

describe("XLSX", () => {
  test("opens: valid parts, right-to-left sheet with a frozen bold header, numbers as numbers", async () => {
    const res = await get(admin, roundA, "?format=xlsx");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers.get("Content-Disposition")).toContain(`filename="round-${roundA}.xlsx"`);
    expect(Number(res.headers.get("X-Expected-Bytes"))).toBeGreaterThan(0);
    const { rows, parts, sheetXml } = readSheet(new Uint8Array(await res.arrayBuffer()));
    expect([...parts.keys()]).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/worksheets/sheet1.xml",
    ]);
    expect(parts.get("xl/workbook.xml")!.data.toString()).toContain('<sheet name="دوره الف" sheetId="1" r:id="rId1"/>');
    expect(sheetXml).toContain(
      '<sheetView rightToLeft="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>',
    );
    expect(sheetXml).toContain('<c r="A1" s="1" t="inlineStr"><is><t>کد دفتر</t></is></c>');
    expect(sheetXml).not.toContain("<f>");

    expect(rows[0]).toEqual(HEADERS);
    expect(rows).toHaveLength(18);
    const a = byCode(rows);
    expect(a.get("A001")).toEqual([
      "A001",
      "دفتر A001",
      "شمال",
      "تهران",
      "دفتر پیشخوان خدمات دولت",
      15,
      10,
      10,
      6,
      10,
      10,
      5,
      9,
      0,
      0,
      0,
      75,
      1,
      "قطعی",
      formatJalaliDate(S),
      formatJalaliDate(after(5)),
      formatJalaliDate(after(13)),
    ]);
    expect(a.get("B004")!.slice(15, 17)).toEqual([10, -5]);
    // Text that looks like a formula stays text (an inline string never runs).
    expect(a.get("A003")![1]).toBe('=HYPERLINK("http://example.com")');
    expect(a.get("A002")![1]).toBe('دفتر "نمونه", شعبه ۱');
    // A control character XML cannot hold is dropped, not left to break the file.
    expect(a.get("B002")![1]).toBe("دفترکنترل");
    expect(a.get("A007")).toEqual([
      "A007",
      "دفتر A007",
      "شمال",
      "مازندران",
      "دفتر پیشخوان خدمات دولت",
      ...Array(13).fill(null),
      "بدون پرونده",
    ]);
  });

  test("a sheet name Excel would refuse is cleaned", async () => {
    const { parts } = readSheet(new Uint8Array(await (await get(admin, draftRound, "?format=xlsx")).arrayBuffer()));
    expect(parts.get("xl/workbook.xml")!.data.toString()).toContain('<sheet name="دوره آینده پیش‌نویس" ');
  });
});

describe("paging", () => {
  test("pages of three rows give the same files, byte for byte, as one page", async () => {
    const plan = await planRoundExport(t.db, { id: admin.id, role: "ADMIN", regionId: null }, roundA);
    const collect = async (stream: ReadableStream<Uint8Array>) => {
      const chunks: Uint8Array[] = [];
      const reader = stream.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return { chunks, bytes: Buffer.concat(chunks) };
        chunks.push(value);
      }
    };
    const small = await collect(exportStream(t.db, plan, "csv", 3));
    const large = await collect(exportStream(t.db, plan, "csv", 1000));
    expect(small.bytes.equals(large.bytes)).toBe(true);
    // Start (BOM and header), six pages (3 × 5 + 2 rows), nothing after.
    expect(small.chunks).toHaveLength(7);

    const xlsxSmall = readSheet(new Uint8Array((await collect(exportStream(t.db, plan, "xlsx", 3))).bytes));
    const xlsxLarge = readSheet(new Uint8Array((await collect(exportStream(t.db, plan, "xlsx", 1000))).bytes));
    expect(xlsxSmall.rows).toEqual(xlsxLarge.rows);
    expect(xlsxSmall.rows).toHaveLength(18);
  });

  test("a download cancelled part-way stops reading", async () => {
    const plan = await planRoundExport(t.db, { id: admin.id, role: "ADMIN", regionId: null }, roundA);
    const reader = exportStream(t.db, plan, "xlsx", 2).getReader();
    await reader.read();
    await reader.read();
    await expect(reader.cancel()).resolves.toBeUndefined();
  });
});

describe("who gets what", () => {
  test("the head office may ask for one region", async () => {
    const res = await get(admin, roundA, "?format=csv&region=2");
    expect(res.headers.get("X-Total-Rows")).toBe("4");
    const { rows } = await csvOf(res);
    expect(rows.slice(1).map((r) => r[0])).toEqual(["B001", "B002", "B003", "B004"]);
    expect(res.headers.get("Content-Disposition")).toContain(`filename="round-${roundA}-region-2.csv"`);
  });

  test("an expert gets their own region only, even when asking for the nation or another region", async () => {
    for (const query of ["?format=csv", "?format=csv&region=2"]) {
      const res = await get(expert, roundA, query);
      expect(res.status).toBe(200);
      expect(res.headers.get("X-Total-Rows")).toBe("11");
      expect(res.headers.get("Content-Disposition")).toBe(
        `attachment; filename="round-${roundA}-region-1.csv"; filename*=UTF-8''${encodeURIComponent("نتایج دوره الف منطقه شمال.csv")}`,
      );
      const { rows } = await csvOf(res);
      expect(rows).toHaveLength(12);
      expect(rows.slice(1).every((r) => r[2] === "شمال")).toBe(true);
      expect(rows.some((r) => r[0]!.startsWith("B"))).toBe(false);
    }
    const { rows } = readSheet(new Uint8Array(await (await get(expert, roundA, "?format=xlsx&region=2")).arrayBuffer()));
    expect(rows.slice(1).every((r) => r[2] === "شمال")).toBe(true);
  });

  test("a holder is told the round does not exist, in either format, as for a round that does not", async () => {
    for (const [user, round, query] of [
      [holder, roundA, "?format=xlsx"],
      [holder, roundA, "?format=csv&region=1"],
      [holder, roundA, "?format=pdf"],
      [admin, "no-such-round", "?format=xlsx"],
    ] as const) {
      const res = await get(user, round, query);
      expect(res.status).toBe(404);
      expect(res.headers.get("Content-Disposition")).toBeNull();
      expect(await res.json()).toEqual({ ok: false, code: "NOT_FOUND", formError: "این دوره یافت نشد یا به نتایج آن دسترسی ندارید." });
    }
  });

  test("signed out: 401; an unknown format: 400 in Persian", async () => {
    expect((await get(null, roundA, "?format=csv")).status).toBe(401);
    const res = await get(admin, roundA, "?format=pdf");
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, formError: "قالب خروجی باید xlsx یا csv باشد." });
  });
});

describe("audit", () => {
  test("every export is recorded: who, the round, the format and the region; a refused one as access.refused", async () => {
    await (await get(admin, roundA, "?format=csv&region=1")).text();
    await (await get(expert, roundA, "?format=xlsx")).arrayBuffer();
    const rows = await t.db.auditEvent.findMany({ where: { action: "round.exported", targetId: roundA }, orderBy: { createdAt: "asc" } });
    expect(rows.slice(-2).map((r) => [r.actorId, r.after])).toEqual([
      [admin.id, expect.objectContaining({ format: "csv", regionId: 1 })],
      [expert.id, expect.objectContaining({ format: "xlsx", regionId: 1 })],
    ]);
    expect((await get(holder, roundA, "?format=csv")).status).toBe(404);
    expect(await t.db.auditEvent.findFirst({ where: { action: "access.refused", actorId: holder.id, targetId: roundA } })).toMatchObject({
      targetType: "Round",
      after: expect.objectContaining({ code: "NOT_FOUND", what: "export" }),
    });
  });
});

// The licence-registry import: a fixture file with good and bad rows gives the
// expected report without writing; applying it creates holders with the default password
// (expired and incomplete licences cannot sign in) and leaves existing passwords alone;
// applying the same file again writes nothing but its audit entry. Access: only the head
// office reaches the page, the upload, the apply action, the template, the job status and the
// error list; experts and holders get "not found".
import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/db-client";
import { seedDemoData, DEMO_ACCOUNTS } from "@/prisma/demo-data";
import { processJobs } from "@/lib/jobs/run-jobs";
import { enqueueJob } from "@/lib/jobs/queue";
import { registryImportHandler, sha256Hex } from "@/lib/registry/import-job";
import { startRegistryApply, startRegistryDryRun, loadImportJob } from "@/lib/registry/start-import";
import type { ImportReport } from "@/lib/registry/report";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { verifyPassword } from "@/lib/auth/password";
import { parseJalaliDate } from "@/lib/format/jalali";
import { InvalidInputError, NotFoundError, RefusedError } from "@/lib/errors/app-error";
import { setupTestDatabase } from "../helpers/test-database";
import { createHolder, createStaffUser } from "../helpers/fixtures";

const mockDb: { current: Db | null } = { current: null };
const mockUser: { current: unknown } = { current: null };
jest.mock("@/lib/db", () => ({
  get db() {
    return mockDb.current;
  },
}));
jest.mock("@/lib/auth/current-user", () => ({
  getCurrentUser: async () => mockUser.current,
  getActingUser: async () => mockUser.current,
  requireUser: async () => mockUser.current,
}));
jest.mock("next/headers", () => ({ headers: async () => new Headers() }));

// Imported after the mocks are in place.
import { POST as uploadRoute } from "@/app/api/registry/imports/route";
import { GET as errorsRoute } from "@/app/api/registry/imports/[jobId]/errors/route";
import { GET as templateRoute } from "@/app/api/registry/template/route";
import { GET as jobStatusRoute } from "@/app/api/jobs/[jobId]/route";
import { applyImportAction } from "@/lib/actions/admin/apply-registry-import";
import RegistryImportPage from "@/app/(admin)/registry/page";

const t = setupTestDatabase();
const FIXTURE = fs.readFileSync(path.join(__dirname, "../fixtures/registry-import.csv"));
const handlers = { REGISTRY_IMPORT: registryImportHandler };
let admin: { id: string; role: "ADMIN"; regionId: null };
const actor = () => ({ userId: admin.id, role: "ADMIN" as const, ip: "127.0.0.1", userAgent: "jest" });

beforeAll(async () => {
  process.env.JOB_WORKER = "off";
  mockDb.current = t.db;
  await seedDemoData(t.db);
  admin = { id: (await createStaffUser(t.db, "ADMIN")).user.id, role: "ADMIN", regionId: null };
});

async function dryRun(bytes: Uint8Array = FIXTURE, fileName = "registry-import.csv") {
  const job = await startRegistryDryRun(t.db, actor(), admin, { fileName, bytes: new Uint8Array(bytes) });
  await processJobs(t.db, handlers);
  return job.id;
}

async function reportOf(jobId: string): Promise<ImportReport> {
  const job = await t.db.job.findUniqueOrThrow({ where: { id: jobId } });
  if (job.status !== "SUCCEEDED") throw new Error(`job ${job.status}: ${job.error}`);
  return job.result as ImportReport;
}

async function apply(dryRunJobId: string) {
  const job = await startRegistryApply(t.db, actor(), admin, { dryRunJobId, confirmSkipErrors: true });
  await processJobs(t.db, handlers);
  return job.id;
}

/** Every row the file could touch, with the instants that tell whether it was written. */
async function snapshot() {
  const [users, offices, licences] = await Promise.all([
    t.db.user.findMany({
      where: { role: "HOLDER" },
      orderBy: { id: "asc" },
      select: { id: true, updatedAt: true, passwordHash: true, mustChangePassword: true },
    }),
    t.db.office.findMany({ orderBy: { id: "asc" }, select: { id: true, updatedAt: true } }),
    t.db.licence.findMany({ orderBy: { id: "asc" }, select: { id: true, updatedAt: true } }),
  ]);
  return { users, offices, licences };
}

const EXPECTED_ERRORS: [number, string | null][] = [
  [6, "holder_national_id"], // check digit
  [7, "province"], // «تهرون»
  [8, "office_code"], // 41006 twice
  [9, "office_code"],
  [10, "licence_expires"], // issued after expiry
  [11, "holder_national_id"], // an expert's national ID
  [12, "licence_number"], // the licence of office 31002
  [13, "holder_national_id"], // office 31002 belongs to another holder
  [16, "holder_national_id"], // one holder on two offices
  [17, "holder_national_id"],
  [18, "licence_issued"], // month 13
  [18, "holder_mobile"],
];

describe("import", () => {
  test("the dry run of the fixture reports each bad row and what would change, and writes nothing", async () => {
    const before = await snapshot();
    const jobId = await dryRun();
    const report = await reportOf(jobId);
    expect(report).toMatchObject({
      mode: "dry-run",
      rows: 16,
      invalidRows: 11,
      created: 4,
      updated: 1,
      unchanged: 0,
      holdersCreated: 4,
      licencesCreated: 4,
      errorCount: EXPECTED_ERRORS.length,
    });
    expect(report.errors.map((e) => [e.line, e.column])).toEqual(EXPECTED_ERRORS);
    const message = (line: number) => report.errors.find((e) => e.line === line)!.message;
    expect(message(7)).toContain("«تهرون» شناخته نشد");
    expect(message(8)).toContain("ردیف ۹");
    expect(message(11)).toContain("کارکنان");
    expect(message(12)).toMatch(/از آنِ دفتر «\u2068۳۱۰۰۲\u2069»/);
    expect(message(13)).toContain("دارنده دیگری");
    // Office 21001 (demo holder): the address, the licence dates and the holder's first name change.
    const update = report.samples.find((s) => s.officeCode === "21001")!;
    expect(update.kind).toBe("update");
    expect(update.changes.map((c) => c.field).sort()).toEqual([
      "holder.firstName",
      "licence.expiresAt",
      "licence.issuedAt",
      "office.address",
    ]);
    expect(update.changes.find((c) => c.field === "holder.firstName")).toEqual({
      field: "holder.firstName",
      before: "علی",
      after: "علیرضا",
    });
    expect(report.samples.filter((s) => s.kind === "create").map((s) => s.officeCode)).toEqual(["41001", "41002", "41003", "41010"]);
    expect(await snapshot()).toEqual(before);
    expect(await t.db.auditEvent.count({ where: { action: "registry.import_checked", targetId: jobId } })).toBe(1);
  });

  test("apply needs an explicit confirmation when rows were refused, and only a finished dry run with the same bytes", async () => {
    const jobId = await dryRun();
    await expect(startRegistryApply(t.db, actor(), admin, { dryRunJobId: jobId, confirmSkipErrors: false })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    await expect(startRegistryApply(t.db, actor(), admin, { dryRunJobId: "no-such-job", confirmSkipErrors: true })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const tampered = await t.db.job.create({
      data: {
        kind: "REGISTRY_IMPORT",
        status: "SUCCEEDED",
        input: { mode: "dry-run", fileName: "x.csv", sha256: sha256Hex(FIXTURE), rows: 16 },
        file: new Uint8Array(Buffer.from("other bytes")),
        result: { invalidRows: 0 },
        createdById: admin.id,
      },
    });
    await expect(startRegistryApply(t.db, actor(), admin, { dryRunJobId: tampered.id, confirmSkipErrors: true })).rejects.toBeInstanceOf(
      RefusedError,
    );
    const queued = await enqueueJob(t.db, {
      kind: "REGISTRY_IMPORT",
      input: { mode: "dry-run", fileName: "x.csv", sha256: "0".repeat(64) },
      file: new Uint8Array(FIXTURE),
      createdById: admin.id,
    });
    await expect(startRegistryApply(t.db, actor(), admin, { dryRunJobId: queued.id, confirmSkipErrors: true })).rejects.toThrow(
      "هنوز تمام نشده",
    );
    // The queued job's bytes do not match its sha256: the job fails with a Persian message.
    await processJobs(t.db, handlers);
    expect(await t.db.job.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({
      status: "FAILED",
      error: expect.stringContaining("SHA-256"),
    });
  });

  test("apply creates the valid rows: new holders with the default password; expired and incomplete licences cannot sign in; an existing holder keeps the password", async () => {
    const demo = await t.db.user.findUniqueOrThrow({ where: { nationalId: DEMO_ACCOUNTS.holderReal.nationalId } });
    const officesBefore = await t.db.office.count();
    const dry = await dryRun();
    const applyId = await apply(dry);
    expect(await startRegistryApply(t.db, actor(), admin, { dryRunJobId: dry, confirmSkipErrors: true })).toEqual({ id: applyId }); // not a second job
    const report = await reportOf(applyId);
    expect(report).toMatchObject({ mode: "apply", rows: 16, invalidRows: 11, created: 4, updated: 1, unchanged: 0, holdersCreated: 4 });
    expect(await t.db.office.count()).toBe(officesBefore + 4);

    const office = await t.db.office.findUniqueOrThrow({
      where: { code: "41002" },
      include: { holder: true, licences: true, province: true },
    });
    expect(office).toMatchObject({
      name: "دفتر پیشخوان غیردولتی کوثر",
      type: "PISHKHAN_NON_GOVERNMENT",
      personType: "LEGAL",
      city: "تبریز",
      postalCode: null,
    });
    expect(office.province.name).toBe("آذربایجان شرقی");
    // Rows are inserted in bulk with SQL: their instants must read back as Prisma writes them (UTC).
    for (const at of [office.createdAt, office.updatedAt, office.holder.createdAt, office.licences[0]!.updatedAt])
      expect(Math.abs(at.getTime() - Date.now())).toBeLessThan(60_000);
    expect(office.holder).toMatchObject({
      nationalId: "2710000024",
      firstName: "سارا",
      lastName: "کوثری",
      mobile: "09121110002",
      role: "HOLDER",
      mustChangePassword: true,
    });
    expect(await verifyPassword(office.holder.passwordHash, "2710000024")).toBe(true);
    expect(office.licences).toEqual([
      expect.objectContaining({
        number: "PK-1401-41002",
        status: "VALID",
        issuedAt: parseJalaliDate("1401/05/01"),
        expiresAt: parseJalaliDate("1409/04/31"),
      }),
    ]);
    const quoted = await t.db.office.findUniqueOrThrow({ where: { code: "41010" }, include: { licences: true } });
    expect(quoted.address).toBe('بلوار وکیل‌آباد، نبش کوچه ۱۲, طبقه دوم، واحد "الف"');
    expect(quoted.licences[0]!.status).toBe("INCOMPLETE");

    const signIn = (nationalId: string, password = nationalId) => attemptSignIn(t.db, { nationalId, password, ip: "10.0.0.1" });
    // The default password is right, and its first use is confirmed by SMS to the registry's mobile (docs/decisions/0013).
    expect(await signIn("2710000016")).toMatchObject({ ok: false, code: "CODE_REQUIRED", sentTo: "0912••••001" });
    expect(await signIn("2710000016", "Cra@2710000016")).toMatchObject({ ok: false, code: "CODE_REQUIRED" });
    expect(await signIn("2710000032")).toMatchObject({ ok: false, code: "LICENCE", licence: "EXPIRED" });
    expect((await t.db.licence.findUniqueOrThrow({ where: { number: "ICT-1398-41003" } })).status).toBe("EXPIRED");
    expect(await signIn("2710000040")).toMatchObject({ ok: false, code: "LICENCE", licence: "INCOMPLETE" });

    // The demo holder was updated (first name) without touching the password or the forced change.
    const after = await t.db.user.findUniqueOrThrow({ where: { id: demo.id } });
    expect(after).toMatchObject({ firstName: "علیرضا", passwordHash: demo.passwordHash, mustChangePassword: demo.mustChangePassword });
    expect(await t.db.auditEvent.count({ where: { action: "registry.imported", targetId: applyId } })).toBe(1);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: "registry.imported", targetId: applyId } });
    expect(audit).toMatchObject({
      actorId: admin.id,
      ip: "127.0.0.1",
      after: expect.objectContaining({ fileName: "registry-import.csv", sha256: sha256Hex(FIXTURE), created: 4, updated: 1 }),
    });
  });

  test("applying the same file again changes nothing: every valid row unchanged, no updatedAt moves, one audit entry", async () => {
    const dry = await dryRun();
    const before = await snapshot();
    const auditsBefore = await t.db.auditEvent.count();
    const report = await reportOf(await apply(dry));
    expect(report).toMatchObject({ rows: 16, invalidRows: 11, created: 0, updated: 0, unchanged: 5, holdersCreated: 0, samples: [] });
    expect(await snapshot()).toEqual(before);
    expect(await t.db.auditEvent.count()).toBe(auditsBefore + 1);
  });

  test("a changed row updates only its changed fields; an empty optional cell keeps the stored value", async () => {
    const text = FIXTURE.toString("utf8")
      .replace(
        "41001,دفتر پیشخوان خدمات دولت نوری,پیشخوان دولتی,حقیقی,تهران,تهران",
        "41001,دفتر پیشخوان خدمات دولت نوری,پیشخوان دولتی,حقیقی,تهران,ری",
      )
      .replace(",1415793456,PK-1402-41001", ",,PK-1402-41001");
    const officeBefore = await t.db.office.findUniqueOrThrow({ where: { code: "41001" } });
    const report = await reportOf(await apply(await dryRun(Buffer.from(text), "changed.csv")));
    expect(report).toMatchObject({ created: 0, updated: 1, unchanged: 4, fieldCounts: { "office.city": 1 } });
    const officeAfter = await t.db.office.findUniqueOrThrow({ where: { code: "41001" } });
    expect(officeAfter).toMatchObject({ city: "ری", postalCode: "1415793456" });
    expect(officeAfter.updatedAt.getTime()).toBeGreaterThan(officeBefore.updatedAt.getTime());
  });

  test("an apply keeps no copy of the file (it reads the dry run's) and two requests at once queue one apply", async () => {
    const dry = await dryRun();
    const [a, b] = await Promise.all([
      startRegistryApply(t.db, actor(), admin, { dryRunJobId: dry, confirmSkipErrors: true }),
      startRegistryApply(t.db, actor(), admin, { dryRunJobId: dry, confirmSkipErrors: true }),
    ]);
    expect(a.id).toBe(b.id);
    expect((await t.db.job.findUniqueOrThrow({ where: { id: a.id } })).file).toBeNull();
    await processJobs(t.db, handlers);
    expect(await t.db.job.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({
      status: "SUCCEEDED",
      result: expect.objectContaining({ mode: "apply" }),
    });
  });
});

describe("upload and file checks (route handler)", () => {
  const upload = (bytes: Uint8Array, name = "registry.csv", headers: Record<string, string> = {}) => {
    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(bytes)], { type: "text/csv" }), name);
    return uploadRoute(new Request("http://localhost/api/registry/imports", { method: "POST", body: form, headers }));
  };
  beforeEach(async () => {
    mockUser.current = await t.db.user.findUniqueOrThrow({ where: { id: admin.id } });
  });

  test("the head office uploads a file: a dry-run job with its bytes and sha256", async () => {
    const res = await upload(FIXTURE, "../../etc/دفاتر.csv");
    expect(res.status).toBe(200);
    const { data } = await res.json();
    const job = await t.db.job.findUniqueOrThrow({ where: { id: data.jobId } });
    expect(job).toMatchObject({
      kind: "REGISTRY_IMPORT",
      status: "QUEUED",
      total: 16,
      input: expect.objectContaining({ mode: "dry-run", fileName: "دفاتر.csv", sha256: sha256Hex(FIXTURE), rows: 16 }),
    });
    expect(Buffer.from(job.file!).equals(FIXTURE)).toBe(true);
    await processJobs(t.db, handlers);
  });

  test("Windows-1256, missing columns, an empty file and an oversized body are refused beside the file input", async () => {
    const cp1256 = new Uint8Array([...Buffer.from("office_code,office_name\n21001,"), 0xca, 0xe5, 0xd1, 0xc7, 0xe4, 0x0a]);
    const notUtf8 = await upload(cp1256);
    expect(notUtf8.status).toBe(422);
    expect((await notUtf8.json()).fieldErrors.file).toContain("UTF-8");
    const missing = await upload(Buffer.from("office_code,office_name,province\n1,دفتر,تهران\n"));
    expect((await missing.json()).fieldErrors.file).toMatch(/نوع دفتر.*office_type/);
    expect((await upload(new Uint8Array())).status).toBe(422);
    const big = await upload(Buffer.from("x"), "big.csv", { "content-length": String(11 * 1024 * 1024) });
    expect(big.status).toBe(413);
    expect((await big.json()).fieldErrors.file).toContain("مگابایت");
    expect(await t.db.job.count({ where: { status: "QUEUED" } })).toBe(0);
  });

  test("the error list downloads as CSV with a BOM", async () => {
    const jobId = await dryRun();
    const res = await errorsRoute(new Request("http://localhost/"), { params: Promise.resolve({ jobId }) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.startsWith("\uFEFFrow,column,column_title,message\r\n6,holder_national_id,کد ملی دارنده,")).toBe(true);
    expect(text.split("\r\n").filter(Boolean)).toHaveLength(1 + EXPECTED_ERRORS.length);
  });

  test("the template is a BOM, the header of column keys and one example row that passes the checks", async () => {
    const res = await templateRoute(new Request("http://localhost/api/registry/template"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("registry-template.csv");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const report = await reportOf(await dryRun(bytes, "template.csv"));
    expect(report).toMatchObject({ rows: 1, invalidRows: 0, created: 1 });
  });
});

describe("access: experts and holders get not found", () => {
  let people: { label: string; user: unknown; caller: { id: string; role: "EXPERT" | "HOLDER"; regionId: number | null } }[];
  let jobId: string;

  beforeAll(async () => {
    const expert = (await createStaffUser(t.db, "EXPERT", { regionId: 1 })).user;
    const holder = await createHolder(t.db, { password: "Holder-pass-123" });
    const holderUser = await t.db.user.update({ where: { id: holder.user.id }, data: { mustChangePassword: false } });
    people = [
      { label: "expert", user: expert, caller: { id: expert.id, role: "EXPERT", regionId: 1 } },
      { label: "holder", user: holderUser, caller: { id: holderUser.id, role: "HOLDER", regionId: null } },
    ];
    jobId = await dryRun();
  });

  test.each([0, 1])("person %i: page, upload, apply action, template, job status, error list and services", async (i) => {
    const { user, caller } = people[i]!;
    mockUser.current = user;

    await expect(RegistryImportPage({ searchParams: Promise.resolve({}) })).rejects.toMatchObject({
      digest: expect.stringContaining("404"),
    });
    await expect(RegistryImportPage({ searchParams: Promise.resolve({ job: jobId }) })).rejects.toMatchObject({
      digest: expect.stringContaining("404"),
    });

    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(FIXTURE)]), "x.csv");
    const jobsBefore = await t.db.job.count();
    expect((await uploadRoute(new Request("http://localhost/api/registry/imports", { method: "POST", body: form }))).status).toBe(404);
    expect(await applyImportAction({ dryRunJobId: jobId, confirmSkipErrors: true })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await t.db.job.count()).toBe(jobsBefore);

    expect((await templateRoute(new Request("http://localhost/api/registry/template"))).status).toBe(404);
    expect((await jobStatusRoute(new Request("http://localhost/"), { params: Promise.resolve({ jobId }) })).status).toBe(404);
    expect((await errorsRoute(new Request("http://localhost/"), { params: Promise.resolve({ jobId }) })).status).toBe(404);
    await expect(loadImportJob(t.db, caller, jobId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      startRegistryDryRun(t.db, { userId: caller.id, role: caller.role, ip: null }, caller, {
        fileName: "x.csv",
        bytes: new Uint8Array(FIXTURE),
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  test("the head office reaches the page and the job status", async () => {
    mockUser.current = await t.db.user.findUniqueOrThrow({ where: { id: admin.id } });
    await expect(RegistryImportPage({ searchParams: Promise.resolve({ job: jobId }) })).resolves.toBeTruthy();
    const res = await jobStatusRoute(new Request("http://localhost/"), { params: Promise.resolve({ jobId }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "SUCCEEDED", result: expect.objectContaining({ rows: 16 }) });
  });
});

describe("a registry row that changes a holder's mobile (the reset channel)", () => {
  test("records before/after per holder and tells the OLD number by SMS", async () => {
    await apply(await dryRun()); // the fixture as it is (unchanged if an earlier test applied it)
    const holder = await t.db.user.findUniqueOrThrow({ where: { nationalId: "2710000024" } });
    expect(holder.mobile).toBe("09121110002");
    const changed = Buffer.from(FIXTURE.toString("utf8").replace("+98 912 111 0002", "+98 912 999 8877"), "utf8");
    const jobId = await apply(await dryRun(changed, "mobile-change.csv"));
    await reportOf(jobId);

    expect((await t.db.user.findUniqueOrThrow({ where: { id: holder.id } })).mobile).toBe("09129998877");
    const audits = await t.db.auditEvent.findMany({ where: { action: "registry.holder_mobile_changed", targetId: holder.id } });
    expect(audits).toEqual([
      expect.objectContaining({
        actorId: admin.id,
        targetType: "User",
        before: { mobile: "09121110002" },
        after: expect.objectContaining({ mobile: "09129998877", officeCode: "41002", jobId }),
      }),
    ]);
    const sms = await t.db.notification.findMany({ where: { template: "registry-mobile-changed", userId: holder.id } });
    expect(sms).toEqual([expect.objectContaining({ recipient: "09121110002", data: { officeCode: "41002", newMobileEnd: "8877" } })]);
  });
});

// The head office's audit search: by person, office, action and Tehran dates, newest first,
// paged by id, exportable; experts and holders get "not found".
import { seedDemoData } from "@/prisma/demo-data";
import { auditQueryOf, searchAudit } from "@/lib/admin/search-audit";
import { NotFoundError } from "@/lib/errors/app-error";
import { setupTestDatabase } from "../helpers/test-database";
import { createHolder, createStaffUser } from "../helpers/fixtures";

let mockUser: unknown = null;
jest.mock("@/lib/auth/current-user", () => ({ getActingUser: async () => mockUser }));

const t = setupTestDatabase();
let exportRoute: typeof import("@/app/api/audit/export/route").GET;

beforeAll(async () => {
  process.env.DATABASE_URL = t.url;
  await seedDemoData(t.db);
  exportRoute = (await import("@/app/api/audit/export/route")).GET;
});

test("person, office, action and dates narrow the trail; pages follow by id", async () => {
  const admin = (await createStaffUser(t.db, "ADMIN", { totp: false })).user;
  const caller = { id: admin.id, role: "ADMIN" as const, regionId: null };
  const h = await createHolder(t.db, { password: "an-audited-holder-2026" });
  const other = await createHolder(t.db, { password: "another-holder-2026" });
  const at = (iso: string) => new Date(iso);
  await t.db.auditEvent.createMany({
    data: [
      {
        actorId: h.user.id,
        actorRole: "HOLDER",
        action: "auth.sign_in",
        targetType: "User",
        targetId: h.user.id,
        createdAt: at("2026-11-30T10:00:00Z"),
      },
      {
        actorId: h.user.id,
        actorRole: "HOLDER",
        action: "declaration.step_saved",
        targetType: "Office",
        targetId: h.office.id,
        createdAt: at("2026-12-01T10:00:00Z"),
      },
      {
        actorId: admin.id,
        actorRole: "ADMIN",
        action: "user.unlock",
        targetType: "User",
        targetId: h.user.id,
        createdAt: at("2026-12-01T21:00:00Z"),
      },
      {
        actorId: other.user.id,
        actorRole: "HOLDER",
        action: "auth.sign_in",
        targetType: "User",
        targetId: other.user.id,
        createdAt: at("2026-12-01T11:00:00Z"),
      },
    ],
  });
  const ids = async (q: Record<string, string>) =>
    (await searchAudit(t.db, caller, auditQueryOf(q))).rows.map(
      (r) => `${r.action}@${r.targetId === h.user.id || r.targetId === h.office.id ? "h" : "o"}`,
    );

  // As the actor or as the account acted on; by national ID (Persian digits too) or by name.
  expect(await ids({ person: h.nationalId })).toEqual(["user.unlock@h", "declaration.step_saved@h", "auth.sign_in@h"]);
  expect(await ids({ person: h.nationalId.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]!) })).toHaveLength(3);
  expect(await ids({ office: h.office.code })).toEqual(["declaration.step_saved@h"]);
  expect(await ids({ person: h.nationalId, action: "auth.sign_in" })).toEqual(["auth.sign_in@h"]);
  // 1405/09/11 is 2 December 2026 in Tehran: 21:00 UTC on the 1st is already the 2nd there.
  expect(await ids({ person: h.nationalId, from: "1405/09/11", to: "1405/09/11" })).toEqual(["user.unlock@h"]);
  expect(await ids({ person: "نام-ناموجود" })).toEqual([]);

  const first = await searchAudit(t.db, caller, auditQueryOf({ person: h.nationalId }), 2);
  expect(first.rows).toHaveLength(2);
  const second = await searchAudit(t.db, caller, auditQueryOf({ person: h.nationalId, before: first.nextBefore! }), 2);
  expect(second.rows.map((r) => r.action)).toEqual(["auth.sign_in"]);
  expect(second.nextBefore).toBeNull();
});

test("the CSV export streams the matches and is itself audited; experts and holders get not found", async () => {
  const admin = await t.db.user.findUniqueOrThrow({ where: { id: (await createStaffUser(t.db, "ADMIN")).user.id } });
  mockUser = admin;
  const res = await exportRoute(new Request("http://localhost/api/audit/export?action=user.unlock"));
  expect(res.status).toBe(200);
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
  expect(text.startsWith("\uFEFFid,time_tehran,actor_national_id")).toBe(true);
  expect(text).toContain("باز کردن قفل حساب");
  expect(await t.db.auditEvent.count({ where: { action: "audit.exported", actorId: admin.id } })).toBe(1);

  const expert = (await createStaffUser(t.db, "EXPERT", { regionId: 1 })).user;
  await expect(searchAudit(t.db, { id: expert.id, role: "EXPERT", regionId: 1 }, {})).rejects.toBeInstanceOf(NotFoundError);
  mockUser = await t.db.user.findUniqueOrThrow({ where: { id: expert.id } });
  expect((await exportRoute(new Request("http://localhost/api/audit/export"))).status).toBe(404);
  mockUser = null;
});

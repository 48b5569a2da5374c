// Route handlers hold staff to the second factor as pages and actions do: a head-office
// account that has not enrolled it yet downloads nothing and uploads nothing.
import { seedDemoData } from "@/prisma/demo-data";
import { setupTestDatabase } from "../helpers/test-database";
import { createStaffUser } from "../helpers/fixtures";

let mockUser: unknown = null;
jest.mock("@/lib/auth/current-user", () => ({ getActingUser: async () => mockUser }));

const t = setupTestDatabase();

const demo = process.env.PISHKHAN_DEMO;
afterAll(() => {
  if (demo !== undefined) process.env.PISHKHAN_DEMO = demo;
});

beforeAll(async () => {
  process.env.DATABASE_URL = t.url;
  delete process.env.PISHKHAN_DEMO; // not the local demo: staff must have a second factor
  await seedDemoData(t.db);
});

test("an admin without a second factor gets 401 with the enrolment message from a download and an upload", async () => {
  const { GET: template } = await import("@/app/api/registry/template/route");
  const { POST: upload } = await import("@/app/api/registry/imports/route");
  mockUser = await t.db.user.findUniqueOrThrow({ where: { id: (await createStaffUser(t.db, "ADMIN", { totp: false })).user.id } });
  const res = await template(new Request("http://localhost/api/registry/template"));
  expect(res.status).toBe(401);
  expect((await res.json()).formError).toContain("ورود دومرحله‌ای");
  const form = new FormData();
  form.set("file", new Blob(["a,b\n"]), "x.csv");
  const up = await upload(new Request("http://localhost/api/registry/imports", { method: "POST", body: form }));
  expect(up.status).toBe(401);

  mockUser = await t.db.user.findUniqueOrThrow({ where: { id: (await createStaffUser(t.db, "ADMIN")).user.id } });
  expect((await template(new Request("http://localhost/api/registry/template"))).status).toBe(200);
  mockUser = null;
});

// The head office's management of expert and admin accounts, through the real actions.
import type { CurrentUser } from "@/lib/auth/current-user";
import { seedDemoData } from "@/prisma/demo-data";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { setupTestDatabase } from "../helpers/test-database";
import { createHolder, createStaffUser } from "../helpers/fixtures";
import { nationalIdFrom } from "../helpers/national-ids";
import { declarationAt } from "../helpers/declarations";

let signedInAs: CurrentUser | null = null;
jest.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => signedInAs, getActingUser: async () => signedInAs }));
jest.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "203.0.113.8" }) }));

const t = setupTestDatabase();
let a: typeof import("@/lib/actions/admin/create-staff-account") & typeof import("@/lib/actions/admin/change-staff-account");

beforeAll(async () => {
  process.env.DATABASE_URL = t.url;
  await seedDemoData(t.db);
  a = Object.assign({}, await import("@/lib/actions/admin/create-staff-account"), await import("@/lib/actions/admin/change-staff-account"));
});

async function asUser(id: string) {
  signedInAs = (await t.db.user.findUniqueOrThrow({
    where: { id },
    include: { region: true, office: { include: { province: { include: { region: true } } } } },
  })) as CurrentUser;
}

const signIn = (nationalId: string, password: string) => attemptSignIn(t.db, { nationalId, password, ip: "203.0.113.8" });

test("an admin creates an expert with a temporary password that must be changed; bad fields are named", async () => {
  const admin = (await createStaffUser(t.db, "ADMIN")).user;
  await asUser(admin.id);
  expect(
    await a.createStaffAction({ nationalId: "0000000000", firstName: "ab", lastName: "", role: "EXPERT", regionId: "" }),
  ).toMatchObject({
    ok: false,
    fieldErrors: { nationalId: expect.any(String), firstName: expect.any(String), lastName: expect.any(String) },
  });
  expect(
    await a.createStaffAction({
      nationalId: nationalIdFrom("123450001"),
      firstName: "زهرا",
      lastName: "کاظمی",
      role: "EXPERT",
      regionId: "",
    }),
  ).toMatchObject({
    ok: false,
    fieldErrors: { regionId: "منطقه کارشناس را انتخاب کنید." },
  });
  const nationalId = nationalIdFrom("123450002");
  const created = await a.createStaffAction({
    nationalId: nationalId.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]!),
    firstName: "زهرا",
    lastName: "کاظمی",
    role: "EXPERT",
    regionId: "3",
    mobile: "",
  });
  expect(created).toMatchObject({ ok: true, data: { temporaryPassword: expect.stringMatching(/^[A-Za-z2-9]{12}$/) } });
  if (!created.ok) return;
  expect(await t.db.user.findUniqueOrThrow({ where: { nationalId } })).toMatchObject({
    role: "EXPERT",
    regionId: 3,
    mustChangePassword: true,
    active: true,
  });
  expect(await signIn(nationalId, created.data.temporaryPassword)).toMatchObject({ ok: true, user: { mustChangePassword: true } });
  expect(await a.createStaffAction({ nationalId, firstName: "زهرا", lastName: "کاظمی", role: "ADMIN" })).toMatchObject({
    ok: false,
    fieldErrors: { nationalId: "حسابی با این کد ملی وجود دارد." },
  });
  expect(await t.db.auditEvent.count({ where: { action: "user.created", actorId: admin.id } })).toBe(1);
});

test("deactivate (files go back to the pool), reactivate, reset the password, unlock", async () => {
  const admin = (await createStaffUser(t.db, "ADMIN")).user;
  const expert = await createStaffUser(t.db, "EXPERT", { regionId: 2, password: "Old-password-1", totp: false });
  const file = await declarationAt(t.db, 3);
  await t.db.declaration.update({ where: { id: file.declaration.id }, data: { assigneeId: expert.user.id } });
  await asUser(admin.id);
  expect(await a.changeStaffAction({ userId: expert.user.id, action: "deactivate" })).toMatchObject({ ok: true });
  expect(await signIn(expert.nationalId, "Old-password-1")).toMatchObject({ ok: false, code: "INACTIVE" });
  expect((await t.db.declaration.findUniqueOrThrow({ where: { id: file.declaration.id } })).assigneeId).toBeNull();
  expect(await a.changeStaffAction({ userId: expert.user.id, action: "activate" })).toMatchObject({ ok: true });
  const reset = await a.changeStaffAction({ userId: expert.user.id, action: "reset_password" });
  expect(reset).toMatchObject({ ok: true, data: { temporaryPassword: expect.any(String) } });
  if (!reset.ok) return;
  expect(await signIn(expert.nationalId, "Old-password-1")).toMatchObject({ ok: false });
  await t.db.user.update({ where: { id: expert.user.id }, data: { lockedUntil: new Date(Date.now() + 600_000) } });
  expect(await signIn(expert.nationalId, reset.data.temporaryPassword!)).toMatchObject({ ok: false, code: "LOCKED" });
  expect(await a.changeStaffAction({ userId: expert.user.id, action: "unlock" })).toMatchObject({ ok: true });
  expect(await signIn(expert.nationalId, reset.data.temporaryPassword!)).toMatchObject({ ok: true, user: { mustChangePassword: true } });
  // Not oneself.
  expect(await a.changeStaffAction({ userId: admin.id, action: "deactivate" })).toMatchObject({
    ok: false,
    formError: "نمی‌توانید حساب خودتان را غیرفعال کنید.",
  });
});

test("experts and holders cannot manage accounts, and holders' accounts are not managed here", async () => {
  const expert = (await createStaffUser(t.db, "EXPERT", { regionId: 1 })).user;
  const holder = await createHolder(t.db, { password: "a-holder-password" });
  const target = (await createStaffUser(t.db, "EXPERT", { regionId: 1 })).user;
  for (const who of [expert.id, holder.user.id]) {
    await asUser(who);
    expect(await a.changeStaffAction({ userId: target.id, action: "reset_password" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(
      await a.createStaffAction({ nationalId: nationalIdFrom("123450003"), firstName: "زهرا", lastName: "کاظمی", role: "ADMIN" }),
    ).toMatchObject({ ok: false, code: "NOT_FOUND" });
  }
  const admin = (await createStaffUser(t.db, "ADMIN")).user;
  await asUser(admin.id);
  expect(await a.changeStaffAction({ userId: holder.user.id, action: "deactivate" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  expect((await t.db.user.findUniqueOrThrow({ where: { id: target.id } })).mustChangePassword).toBe(false);
});

// The region's account help, through the real actions: find a holder, unlock, activation code.
import type { CurrentUser } from "@/lib/auth/current-user";
import { seedDemoData } from "@/prisma/demo-data";
import { resetPassword } from "@/lib/auth/password-reset";
import { verifyPassword } from "@/lib/auth/password";
import { accountCounterKey, ACCOUNT_FAILURE_WINDOW_MS } from "@/lib/auth/failure-counters";
import { bumpCounter, counterValue } from "@/lib/rate-counter";
import { openTemplateData } from "@/lib/notify/code-seal";
import { setupTestDatabase } from "../helpers/test-database";
import { createHolder, createStaffUser } from "../helpers/fixtures";

let signedInAs: CurrentUser | null = null;
jest.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => signedInAs, getActingUser: async () => signedInAs }));
jest.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "203.0.113.44" }) }));

const t = setupTestDatabase();
let a: typeof import("@/lib/actions/account-help/find-holder") &
  typeof import("@/lib/actions/account-help/unlock-holder") &
  typeof import("@/lib/actions/account-help/issue-activation-code");

beforeAll(async () => {
  process.env.DATABASE_URL = t.url;
  await seedDemoData(t.db);
  a = Object.assign(
    {},
    await import("@/lib/actions/account-help/find-holder"),
    await import("@/lib/actions/account-help/unlock-holder"),
    await import("@/lib/actions/account-help/issue-activation-code"),
  );
});

async function asUser(id: string) {
  signedInAs = (await t.db.user.findUniqueOrThrow({
    where: { id },
    include: { region: true, office: { include: { province: { include: { region: true } } } } },
  })) as CurrentUser;
}

/** A holder in province 1 and that province's region. */
async function holderAndRegion() {
  const h = await createHolder(t.db, { mobile: "09123334455" });
  const province = await t.db.province.findUniqueOrThrow({ where: { id: 1 } });
  const other = province.regionId === 1 ? 2 : 1;
  return { h, regionId: province.regionId, otherRegionId: other };
}

async function lockOut(nationalId: string, userId: string) {
  const now = new Date();
  for (let i = 0; i < 5; i++) await bumpCounter(t.db, accountCounterKey(nationalId), ACCOUNT_FAILURE_WINDOW_MS, now);
  await t.db.user.update({ where: { id: userId }, data: { lockedUntil: new Date(now.getTime() + 10 * 60_000) } });
}

test("the region's expert finds the holder by national ID or office code, unlocks them (audited, SMS) and the lock-out is gone", async () => {
  const { h, regionId } = await holderAndRegion();
  const expert = await createStaffUser(t.db, "EXPERT", { regionId });
  await lockOut(h.nationalId, h.user.id);
  await asUser(expert.user.id);

  const byId = await a.findHolderAction({ query: h.nationalId.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]!) });
  expect(byId).toMatchObject({ ok: true, data: { userId: h.user.id, locked: true, mobile: "0912••••455", officeCode: h.office.code } });
  expect(await a.findHolderAction({ query: h.office.code.toLowerCase() })).toMatchObject({ ok: true, data: { userId: h.user.id } });

  expect(await a.unlockHolderAction({ userId: h.user.id })).toEqual({ ok: true, data: { unlocked: true } });
  const user = await t.db.user.findUniqueOrThrow({ where: { id: h.user.id } });
  expect(user.lockedUntil).toBeNull();
  expect(await counterValue(t.db, accountCounterKey(h.nationalId), ACCOUNT_FAILURE_WINDOW_MS)).toBe(0);
  expect(await t.db.auditEvent.count({ where: { actorId: expert.user.id, action: "account.unlocked", targetId: h.user.id } })).toBe(1);
  const sms = await t.db.notification.findFirstOrThrow({ where: { userId: h.user.id, template: "account-help" } });
  expect(sms).toMatchObject({ recipient: "09123334455", data: { step: "unlocked" } });
});

test("another region's expert and a holder get 'not found' for every step, and nothing changes", async () => {
  const { h, otherRegionId } = await holderAndRegion();
  await lockOut(h.nationalId, h.user.id);
  const outsider = await createStaffUser(t.db, "EXPERT", { regionId: otherRegionId });
  const otherHolder = await createHolder(t.db, { password: "other-holders-own-secret" });
  for (const who of [outsider.user.id, otherHolder.user.id]) {
    await asUser(who);
    expect(await a.findHolderAction({ query: h.nationalId })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await a.findHolderAction({ query: h.office.code })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await a.unlockHolderAction({ userId: h.user.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await a.issueActivationAction({ userId: h.user.id, delivery: "show" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  }
  // Staff accounts are not holders: not found even for the head office.
  const admin = await createStaffUser(t.db, "ADMIN");
  await asUser(admin.user.id);
  expect(await a.unlockHolderAction({ userId: outsider.user.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  const user = await t.db.user.findUniqueOrThrow({ where: { id: h.user.id } });
  expect(user.lockedUntil).not.toBeNull();
  expect(await t.db.oneTimeCode.count({ where: { userId: h.user.id } })).toBe(0);
  expect(
    await t.db.auditEvent.count({ where: { targetId: h.user.id, action: { in: ["account.unlocked", "account.activation_issued"] } } }),
  ).toBe(0);
});

test("an activation code shown to the expert works once on the activation page and forces a new password", async () => {
  const { h, regionId } = await holderAndRegion();
  const expert = await createStaffUser(t.db, "EXPERT", { regionId });
  await lockOut(h.nationalId, h.user.id);
  await asUser(expert.user.id);
  const issued = await a.issueActivationAction({ userId: h.user.id, delivery: "show" });
  expect(issued).toMatchObject({ ok: true, data: { code: expect.stringMatching(/^\d{6}$/), sentTo: null } });
  const code = issued.ok ? issued.data.code! : "";
  // Issuing unlocked the account; the code is kept only as a hash; the holder is told (without the code).
  expect((await t.db.user.findUniqueOrThrow({ where: { id: h.user.id } })).lockedUntil).toBeNull();
  const row = await t.db.oneTimeCode.findFirstOrThrow({ where: { userId: h.user.id, purpose: "ACTIVATION" } });
  expect(JSON.stringify(row)).not.toContain(code);
  expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(60 * 60_000);
  const notice = await t.db.notification.findFirstOrThrow({ where: { userId: h.user.id, template: "account-help" } });
  expect(notice.data).toEqual({ step: "activation-issued" });
  expect(await t.db.auditEvent.count({ where: { actorId: expert.user.id, action: "account.activation_issued" } })).toBe(1);

  // A reset code it is not: the forgot-password purpose refuses it.
  expect((await resetPassword(t.db, { nationalId: h.nationalId, code, newPassword: "Golnar-Sib-Kuh-1405", ip: null })).ok).toBe(false);
  // The policy applies, and a refused password does not use the code.
  expect(await resetPassword(t.db, { nationalId: h.nationalId, code, newPassword: "Password1234!", ip: null }, "ACTIVATION")).toMatchObject(
    {
      ok: false,
      fieldErrors: { newPassword: expect.any(String) },
    },
  );
  expect(await resetPassword(t.db, { nationalId: h.nationalId, code, newPassword: "Golnar-Sib-Kuh-1405", ip: null }, "ACTIVATION")).toEqual(
    {
      ok: true,
    },
  );
  const user = await t.db.user.findUniqueOrThrow({ where: { id: h.user.id } });
  expect(await verifyPassword(user.passwordHash, "Golnar-Sib-Kuh-1405")).toBe(true);
  expect(user.mustChangePassword).toBe(false);
  expect(await t.db.auditEvent.count({ where: { targetId: h.user.id, action: "auth.account_activated" } })).toBe(1);
  expect(await t.db.notification.count({ where: { userId: h.user.id, template: "password-changed" } })).toBe(1);
  // Once only.
  expect(
    (await resetPassword(t.db, { nationalId: h.nationalId, code, newPassword: "Another-Tree-River-77", ip: null }, "ACTIVATION")).ok,
  ).toBe(false);
});

test("the head office may help any region's holder; by SMS the code goes sealed to the registry mobile, and not at all without one", async () => {
  const { h } = await holderAndRegion();
  const admin = await createStaffUser(t.db, "ADMIN");
  await asUser(admin.user.id);
  const sent = await a.issueActivationAction({ userId: h.user.id, delivery: "sms" });
  expect(sent).toMatchObject({ ok: true, data: { code: null, sentTo: "0912••••455" } });
  const sms = await t.db.notification.findFirstOrThrow({ where: { userId: h.user.id, template: "activation-code" } });
  expect(sms.recipient).toBe("09123334455");
  expect(sms.data).toEqual({ codeSealed: expect.any(String) });
  const code = openTemplateData(sms.template, sms.recipient, sms.data).code!;
  expect(await resetPassword(t.db, { nationalId: h.nationalId, code, newPassword: "Golnar-Sib-Kuh-1405", ip: null }, "ACTIVATION")).toEqual(
    {
      ok: true,
    },
  );

  const noMobile = await createHolder(t.db);
  await t.db.user.update({ where: { id: noMobile.user.id }, data: { mobile: null } });
  expect(await a.issueActivationAction({ userId: noMobile.user.id, delivery: "sms" })).toMatchObject({
    ok: false,
    code: "INVALID",
    fieldErrors: { delivery: expect.stringMatching(/[\u0600-\u06FF]/) },
  });
  expect(await a.issueActivationAction({ userId: h.user.id, delivery: "carrier-pigeon" as "sms" })).toMatchObject({
    ok: false,
    code: "INVALID",
  });
});

test("wrong activation codes count into the lock-out like any code", async () => {
  const { h, regionId } = await holderAndRegion();
  const expert = await createStaffUser(t.db, "EXPERT", { regionId });
  await asUser(expert.user.id);
  const issued = await a.issueActivationAction({ userId: h.user.id, delivery: "show" });
  const code = issued.ok ? issued.data.code! : "";
  const wrong = (k: number) => String((Number(code) + k) % 1_000_000).padStart(6, "0");
  for (let i = 1; i <= 5; i++)
    await resetPassword(t.db, { nationalId: h.nationalId, code: wrong(i), newPassword: "Golnar-Sib-Kuh-1405", ip: null }, "ACTIVATION");
  expect((await t.db.user.findUniqueOrThrow({ where: { id: h.user.id } })).lockedUntil).not.toBeNull();
});

import { changePassword } from "@/lib/auth/change-password";
import { verifyPassword } from "@/lib/auth/password";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { seedDemoData } from "@/prisma/demo-data";
import { setupTestDatabase } from "../helpers/test-database";
import { createHolder, createStaffUser } from "../helpers/fixtures";

// Counts the argon2 checks the service makes (the real function underneath).
const mockVerifyCalls = { n: 0 };
jest.mock("@/lib/auth/password", () => {
  const actual = jest.requireActual<typeof import("@/lib/auth/password")>("@/lib/auth/password");
  return {
    ...actual,
    verifyPassword: (...args: Parameters<typeof actual.verifyPassword>) => {
      mockVerifyCalls.n += 1;
      return actual.verifyPassword(...args);
    },
  };
});

const t = setupTestDatabase();
const NEW_PASSWORD = "my-new-office-secret";
let ipCounter = 0;
const freshIp = () => `10.1.0.${++ipCounter}`;

beforeAll(async () => {
  await seedDemoData(t.db);
});

const actorOf = (user: { id: string; role: "HOLDER" | "EXPERT" | "ADMIN" }) => ({ userId: user.id, role: user.role, ip: "203.0.113.5" });

async function passwordIs(userId: string, password: string) {
  const user = await t.db.user.findUniqueOrThrow({ where: { id: userId } });
  return verifyPassword(user.passwordHash, password);
}

describe("changePassword", () => {
  test("a wrong current password is refused on currentPassword and nothing changes", async () => {
    const h = await createHolder(t.db, { password: "the-current-secret" });
    const before = await t.db.user.findUniqueOrThrow({ where: { id: h.user.id } });
    const result = await changePassword(t.db, actorOf(h.user), { currentPassword: "not-the-current", newPassword: NEW_PASSWORD });
    expect(result).toEqual({ ok: false, fieldErrors: { currentPassword: "رمز عبور فعلی نادرست است." } });
    const after = await t.db.user.findUniqueOrThrow({ where: { id: h.user.id } });
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(await t.db.auditEvent.count({ where: { actorId: h.user.id, action: "auth.password_changed" } })).toBe(0);
  });

  test("a new password containing the national ID is refused on newPassword", async () => {
    const h = await createHolder(t.db, { password: "the-current-secret" });
    const result = await changePassword(t.db, actorOf(h.user), {
      currentPassword: "the-current-secret",
      newPassword: `Pk@${h.nationalId}!`,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.currentPassword).toBeUndefined();
    expect(result.fieldErrors.newPassword).toBe("رمز عبور نباید کد ملی شما را در خود داشته باشد.");
    expect(await passwordIs(h.user.id, "the-current-secret")).toBe(true);
  });

  test("a new password shorter than 12 characters, or a guessable one, is refused with a Persian message", async () => {
    const h = await createHolder(t.db, { password: "the-current-secret" });
    const result = await changePassword(t.db, actorOf(h.user), { currentPassword: "the-current-secret", newPassword: "Short-11chr" });
    expect(result).toEqual({ ok: false, fieldErrors: { newPassword: "رمز عبور باید دست‌کم ۱۲ نویسه باشد." } });
    for (const weak of ["qwertyuiop12", "Password1234!", "ضصثقفغعهخحجچ", `owl-${h.user.mobile}`]) {
      const r = await changePassword(t.db, actorOf(h.user), { currentPassword: "the-current-secret", newPassword: weak });
      expect(r).toEqual({ ok: false, fieldErrors: { newPassword: expect.stringMatching(/^رمز عبور .*[\u0600-\u06FF]/) } });
    }
    expect(await passwordIs(h.user.id, "the-current-secret")).toBe(true);
  });

  test("a new password equal to the current one is refused", async () => {
    const h = await createHolder(t.db, { password: "the-current-secret" });
    const result = await changePassword(t.db, actorOf(h.user), {
      currentPassword: "the-current-secret",
      newPassword: "the-current-secret",
    });
    expect(result).toEqual({ ok: false, fieldErrors: { newPassword: "رمز عبور جدید باید با رمز عبور فعلی متفاوت باشد." } });
  });

  test("success stores the new password, clears mustChangePassword, sets passwordChangedAt and writes an audit event", async () => {
    const h = await createHolder(t.db); // imported: initial password = national ID, must change it
    expect(h.user.mustChangePassword).toBe(true);
    expect(h.user.passwordChangedAt).toBeNull();
    const start = Date.now();
    const result = await changePassword(t.db, actorOf(h.user), { currentPassword: h.nationalId, newPassword: NEW_PASSWORD });
    expect(result).toEqual({ ok: true });

    const user = await t.db.user.findUniqueOrThrow({ where: { id: h.user.id } });
    expect(user.mustChangePassword).toBe(false);
    expect(user.passwordChangedAt).not.toBeNull();
    expect(user.passwordChangedAt!.getTime()).toBeGreaterThanOrEqual(start - 1000);
    expect(await verifyPassword(user.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(user.passwordHash, h.nationalId)).toBe(false);

    const audits = await t.db.auditEvent.findMany({ where: { actorId: h.user.id, action: "auth.password_changed" } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ targetType: "User", targetId: h.user.id, actorRole: "HOLDER", ip: "203.0.113.5" });
    // Nothing in the audit trail carries the password.
    expect(JSON.stringify(audits[0], (_, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain(NEW_PASSWORD);

    // The holder is told by SMS, on the registry's mobile.
    const notice = await t.db.notification.findFirstOrThrow({ where: { userId: h.user.id, template: "password-changed" } });
    expect(notice).toMatchObject({ recipient: user.mobile, data: { via: "change" } });

    // Sign-in now works with the new password only.
    expect((await attemptSignIn(t.db, { nationalId: h.nationalId, password: NEW_PASSWORD, ip: freshIp() })).ok).toBe(true);
    expect(await attemptSignIn(t.db, { nationalId: h.nationalId, password: h.nationalId, ip: freshIp() })).toEqual({
      ok: false,
      code: "INVALID",
    });
  });

  test("an imported holder may give Cra@ + national ID as the current password", async () => {
    const h = await createHolder(t.db);
    const result = await changePassword(t.db, actorOf(h.user), { currentPassword: `Cra@${h.nationalId}`, newPassword: NEW_PASSWORD });
    expect(result).toEqual({ ok: true });
    expect(await passwordIs(h.user.id, NEW_PASSWORD)).toBe(true);
  });

  test("the Cra@ form is not accepted once the holder has chosen a password", async () => {
    const h = await createHolder(t.db);
    expect(await changePassword(t.db, actorOf(h.user), { currentPassword: h.nationalId, newPassword: NEW_PASSWORD })).toEqual({ ok: true });
    const again = await changePassword(t.db, actorOf(h.user), {
      currentPassword: `Cra@${h.nationalId}`,
      newPassword: "yet-another-secret",
    });
    expect(again).toEqual({ ok: false, fieldErrors: { currentPassword: "رمز عبور فعلی نادرست است." } });
    expect(await passwordIs(h.user.id, NEW_PASSWORD)).toBe(true);
  });

  test("a wrong current password is checked before the new one: no hint about the policy to a session thief", async () => {
    const h = await createHolder(t.db, { password: "the-current-secret" });
    const result = await changePassword(t.db, actorOf(h.user), { currentPassword: "guess", newPassword: "short" });
    expect(result).toEqual({ ok: false, fieldErrors: { currentPassword: "رمز عبور فعلی نادرست است." } });
  });

  test("staff change their own password the same way", async () => {
    const expert = await createStaffUser(t.db, "EXPERT", { regionId: 4 });
    const result = await changePassword(t.db, actorOf(expert.user), { currentPassword: expert.password, newPassword: NEW_PASSWORD });
    expect(result).toEqual({ ok: true });
    expect(await passwordIs(expert.user.id, NEW_PASSWORD)).toBe(true);
    expect(await t.db.auditEvent.count({ where: { actorId: expert.user.id, action: "auth.password_changed", actorRole: "EXPERT" } })).toBe(
      1,
    );
  });
});

test("the current password may be typed in Persian digits, and five wrong ones stop further guesses", async () => {
  const h = await createHolder(t.db);
  const persian = h.nationalId.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]!);
  const actor = { userId: h.user.id, role: "HOLDER" as const, ip: "203.0.113.9" };
  expect(await changePassword(t.db, actor, { currentPassword: persian, newPassword: "first-new-password-1" })).toEqual({ ok: true });
  for (let i = 0; i < 5; i++) await changePassword(t.db, actor, { currentPassword: `wrong-${i}`, newPassword: "second-new-password" });
  const blocked = await changePassword(t.db, actor, { currentPassword: "first-new-password-1", newPassword: "second-new-password" });
  expect(blocked).toMatchObject({ ok: false, fieldErrors: { currentPassword: expect.stringContaining("۱۵ دقیقه") } });
});

test("20 parallel wrong current passwords: at most 5 hash checks, then the account is locked", async () => {
  const h = await createHolder(t.db, { password: "the-current-secret" });
  const actor = { userId: h.user.id, role: "HOLDER" as const, ip: "203.0.113.10" };
  mockVerifyCalls.n = 0;
  {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => changePassword(t.db, actor, { currentPassword: `wrong-guess-${i}`, newPassword: NEW_PASSWORD })),
    );
    expect(mockVerifyCalls.n).toBeLessThanOrEqual(5);
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(results.filter((r) => !r.ok && r.fieldErrors.currentPassword?.includes("قفل")).length).toBeGreaterThanOrEqual(15);
  }
  // Locked: even the right current password is refused now, without a hash check.
  const right = await changePassword(t.db, actor, { currentPassword: "the-current-secret", newPassword: NEW_PASSWORD });
  expect(right).toMatchObject({ ok: false, fieldErrors: { currentPassword: expect.stringContaining("قفل") } });
  expect(await passwordIs(h.user.id, "the-current-secret")).toBe(true);
});

test("a right current password gives its attempt back: four wrong, then right, then four wrong are not a lock", async () => {
  const h = await createHolder(t.db, { password: "the-current-secret" });
  const actor = { userId: h.user.id, role: "HOLDER" as const, ip: "203.0.113.11" };
  for (let i = 0; i < 4; i++) await changePassword(t.db, actor, { currentPassword: `wrong-${i}`, newPassword: NEW_PASSWORD });
  expect(await changePassword(t.db, actor, { currentPassword: "the-current-secret", newPassword: "the-current-secret" })).toMatchObject({
    fieldErrors: { newPassword: expect.any(String) },
  });
  expect(await changePassword(t.db, actor, { currentPassword: "the-current-secret", newPassword: NEW_PASSWORD })).toEqual({ ok: true });
});

import { changePassword } from "@/lib/auth/change-password";
import { verifyPassword } from "@/lib/auth/password";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { seedDemoData } from "@/prisma/demo-data";
import { setupTestDatabase } from "../helpers/test-database";
import { createHolder, createStaffUser } from "../helpers/fixtures";

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

  test("a new password shorter than 10 characters is refused with a Persian message", async () => {
    const h = await createHolder(t.db, { password: "the-current-secret" });
    const result = await changePassword(t.db, actorOf(h.user), { currentPassword: "the-current-secret", newPassword: "Short9chr" });
    expect(result).toEqual({ ok: false, fieldErrors: { newPassword: "رمز عبور باید دست‌کم ۱۰ نویسه باشد." } });
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

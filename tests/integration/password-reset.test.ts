import { createHash } from "node:crypto";
import {
  requestPasswordReset,
  resetPassword,
  CODE_TTL_MS,
  MAX_GUESSES,
  MAX_REQUESTS_PER_WINDOW,
  REQUEST_WINDOW_MS,
} from "@/lib/auth/password-reset";
import { verifyPassword } from "@/lib/auth/password";
import { seedDemoData } from "@/prisma/demo-data";
import { setupTestDatabase } from "../helpers/test-database";
import { createHolder } from "../helpers/fixtures";
import { uniqueNationalId } from "../helpers/national-ids";

const t = setupTestDatabase();
const NEW_PASSWORD = "a-brand-new-secret-42";

beforeAll(async () => {
  await seedDemoData(t.db);
});

/** Requests a code and returns it as the SMS outbox holds it. */
async function requestCode(nationalId: string, now?: Date): Promise<string> {
  const { notificationId } = await requestPasswordReset(t.db, { nationalId, ip: "198.51.100.1", now });
  expect(notificationId).not.toBeNull();
  const n = await t.db.notification.findUniqueOrThrow({ where: { id: notificationId! } });
  return (n.data as { code: string }).code;
}

/** A six-digit code that is certainly not `code`. */
const otherCode = (code: string, k = 1) => String((Number(code) + k) % 1_000_000).padStart(6, "0");

async function counts() {
  const [codes, notifications, audits] = await Promise.all([t.db.oneTimeCode.count(), t.db.notification.count(), t.db.auditEvent.count()]);
  return { codes, notifications, audits };
}

describe("requestPasswordReset", () => {
  test("a holder with a mobile gets one code, one pending SMS to that mobile and an audit event", async () => {
    const h = await createHolder(t.db, { mobile: "09121112233" });
    const result = await requestPasswordReset(t.db, { nationalId: h.nationalId, ip: "198.51.100.7" });
    expect(result.notificationId).toEqual(expect.any(String));

    const codes = await t.db.oneTimeCode.findMany({ where: { userId: h.user.id } });
    expect(codes).toHaveLength(1);
    expect(codes[0]!.usedAt).toBeNull();
    expect(codes[0]!.attempts).toBe(0);
    expect(codes[0]!.expiresAt.getTime() - codes[0]!.createdAt.getTime()).toBe(CODE_TTL_MS);

    const notifications = await t.db.notification.findMany({ where: { userId: h.user.id } });
    expect(notifications).toHaveLength(1);
    const sms = notifications[0]!;
    expect(sms.id).toBe(result.notificationId);
    expect(sms).toMatchObject({ status: "PENDING", template: "password-reset", recipient: "09121112233" });
    expect((sms.data as { code: string }).code).toMatch(/^\d{6}$/);

    const audit = await t.db.auditEvent.findMany({
      where: { actorId: h.user.id, action: "auth.password_reset_requested" },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ targetType: "User", targetId: h.user.id, ip: "198.51.100.7", actorRole: "HOLDER" });
  });

  test("the code is not stored in clear (nor as a plain unsalted hash) in PasswordResetCode", async () => {
    const h = await createHolder(t.db);
    const code = await requestCode(h.nationalId);
    const row = await t.db.oneTimeCode.findFirstOrThrow({ where: { userId: h.user.id } });
    expect(JSON.stringify(row)).not.toContain(code);
    expect(row.codeHash).toMatch(/^[0-9a-f]{64}$/);
    const sha = (s: string) => createHash("sha256").update(s).digest("hex");
    expect(row.codeHash).not.toBe(sha(code));
    expect(row.codeHash).not.toBe(sha(`${h.user.id}:${code}`));
  });

  test("an unknown national ID gets {notificationId:null} and nothing is written", async () => {
    const before = await counts();
    const result = await requestPasswordReset(t.db, { nationalId: uniqueNationalId(), ip: "198.51.100.8" });
    expect(result).toEqual({ notificationId: null });
    expect(await counts()).toEqual(before);
  });

  test("an account without a mobile or a deactivated account gets the same answer and nothing is written", async () => {
    const noMobile = await createHolder(t.db);
    await t.db.user.update({ where: { id: noMobile.user.id }, data: { mobile: null } });
    const inactive = await createHolder(t.db);
    await t.db.user.update({ where: { id: inactive.user.id }, data: { active: false } });
    const before = await counts();
    expect(await requestPasswordReset(t.db, { nationalId: noMobile.nationalId, ip: null })).toEqual({ notificationId: null });
    expect(await requestPasswordReset(t.db, { nationalId: inactive.nationalId, ip: null })).toEqual({ notificationId: null });
    expect(await counts()).toEqual(before);
  });

  test("at most 3 requests per 10 minutes; after the window it works again", async () => {
    const h = await createHolder(t.db);
    const now = new Date();
    for (let i = 0; i < MAX_REQUESTS_PER_WINDOW; i++) {
      const r = await requestPasswordReset(t.db, { nationalId: h.nationalId, ip: null, now });
      expect(r.notificationId).not.toBeNull();
    }
    expect(MAX_REQUESTS_PER_WINDOW).toBe(3);
    const before = await counts();
    const fourth = await requestPasswordReset(t.db, { nationalId: h.nationalId, ip: null, now: new Date(now.getTime() + 60_000) });
    expect(fourth).toEqual({ notificationId: null });
    expect(await counts()).toEqual(before);
    expect(await t.db.oneTimeCode.count({ where: { userId: h.user.id } })).toBe(3);

    const later = new Date(now.getTime() + REQUEST_WINDOW_MS + 1000);
    const again = await requestPasswordReset(t.db, { nationalId: h.nationalId, ip: null, now: later });
    expect(again.notificationId).not.toBeNull();
    expect(await t.db.oneTimeCode.count({ where: { userId: h.user.id } })).toBe(4);
    expect(await t.db.notification.count({ where: { userId: h.user.id } })).toBe(4);
  });

  test("the limit is per account: another holder is not affected", async () => {
    const a = await createHolder(t.db);
    const b = await createHolder(t.db);
    const now = new Date();
    for (let i = 0; i < MAX_REQUESTS_PER_WINDOW; i++) await requestPasswordReset(t.db, { nationalId: a.nationalId, ip: null, now });
    expect((await requestPasswordReset(t.db, { nationalId: a.nationalId, ip: null, now })).notificationId).toBeNull();
    expect((await requestPasswordReset(t.db, { nationalId: b.nationalId, ip: null, now })).notificationId).not.toBeNull();
  });
});

describe("resetPassword", () => {
  test("the right code sets the new password, clears mustChangePassword and the lock, and marks the code used", async () => {
    const h = await createHolder(t.db);
    await t.db.user.update({
      where: { id: h.user.id },
      data: { lockedUntil: new Date(Date.now() + 10 * 60_000), failedAttempts: 5 },
    });
    const code = await requestCode(h.nationalId);
    const result = await resetPassword(t.db, { nationalId: h.nationalId, code, newPassword: NEW_PASSWORD, ip: "198.51.100.9" });
    expect(result).toEqual({ ok: true });

    const user = await t.db.user.findUniqueOrThrow({ where: { id: h.user.id } });
    expect(await verifyPassword(user.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(user.passwordHash, h.nationalId)).toBe(false);
    expect(user.mustChangePassword).toBe(false);
    expect(user.lockedUntil).toBeNull();
    expect(user.failedAttempts).toBe(0);
    expect(user.passwordChangedAt).not.toBeNull();

    const row = await t.db.oneTimeCode.findFirstOrThrow({ where: { userId: h.user.id } });
    expect(row.usedAt).not.toBeNull();
    const audit = await t.db.auditEvent.count({ where: { actorId: h.user.id, action: "auth.password_reset" } });
    expect(audit).toBe(1);
  });

  test("the same code cannot be used twice", async () => {
    const h = await createHolder(t.db);
    const code = await requestCode(h.nationalId);
    expect(await resetPassword(t.db, { nationalId: h.nationalId, code, newPassword: NEW_PASSWORD, ip: null })).toEqual({ ok: true });
    const second = await resetPassword(t.db, { nationalId: h.nationalId, code, newPassword: "another-new-secret-77", ip: null });
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.fieldErrors.code).toMatch(/کد تأیید/);
    const user = await t.db.user.findUniqueOrThrow({ where: { id: h.user.id } });
    expect(await verifyPassword(user.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(user.passwordHash, "another-new-secret-77")).toBe(false);
  });

  test("a wrong code is refused with a Persian message and the password is unchanged", async () => {
    const h = await createHolder(t.db);
    const code = await requestCode(h.nationalId);
    const result = await resetPassword(t.db, { nationalId: h.nationalId, code: otherCode(code), newPassword: NEW_PASSWORD, ip: null });
    expect(result).toEqual({ ok: false, fieldErrors: { code: expect.stringMatching(/[\u0600-\u06FF]/) } });
    const user = await t.db.user.findUniqueOrThrow({ where: { id: h.user.id } });
    expect(await verifyPassword(user.passwordHash, h.nationalId)).toBe(true);
  });

  test("five wrong guesses burn the code: even the right code fails afterwards", async () => {
    const h = await createHolder(t.db);
    const code = await requestCode(h.nationalId);
    expect(MAX_GUESSES).toBe(5);
    for (let i = 1; i <= MAX_GUESSES; i++) {
      const r = await resetPassword(t.db, { nationalId: h.nationalId, code: otherCode(code, i), newPassword: NEW_PASSWORD, ip: null });
      expect(r.ok).toBe(false);
    }
    const right = await resetPassword(t.db, { nationalId: h.nationalId, code, newPassword: NEW_PASSWORD, ip: null });
    expect(right.ok).toBe(false);
    if (!right.ok) expect(right.fieldErrors.code).toBeDefined();
    const user = await t.db.user.findUniqueOrThrow({ where: { id: h.user.id } });
    expect(await verifyPassword(user.passwordHash, NEW_PASSWORD)).toBe(false);
    expect((await t.db.oneTimeCode.findFirstOrThrow({ where: { userId: h.user.id } })).usedAt).toBeNull();
  });

  test("four wrong guesses still leave the right code usable", async () => {
    const h = await createHolder(t.db);
    const code = await requestCode(h.nationalId);
    for (let i = 1; i < MAX_GUESSES; i++) {
      await resetPassword(t.db, { nationalId: h.nationalId, code: otherCode(code, i), newPassword: NEW_PASSWORD, ip: null });
    }
    expect(await resetPassword(t.db, { nationalId: h.nationalId, code, newPassword: NEW_PASSWORD, ip: null })).toEqual({ ok: true });
  });

  test("an expired code (11 minutes later) fails", async () => {
    const h = await createHolder(t.db);
    const now = new Date();
    const code = await requestCode(h.nationalId, now);
    const later = new Date(now.getTime() + 11 * 60_000);
    const result = await resetPassword(t.db, { nationalId: h.nationalId, code, newPassword: NEW_PASSWORD, ip: null, now: later });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors.code).toBeDefined();
    const user = await t.db.user.findUniqueOrThrow({ where: { id: h.user.id } });
    expect(await verifyPassword(user.passwordHash, NEW_PASSWORD)).toBe(false);
    // …while 9 minutes later the same code would still have worked.
    const inTime = new Date(now.getTime() + 9 * 60_000);
    expect(await resetPassword(t.db, { nationalId: h.nationalId, code, newPassword: NEW_PASSWORD, ip: null, now: inTime })).toEqual({
      ok: true,
    });
  });

  test("one holder's code does not reset another holder's password", async () => {
    const a = await createHolder(t.db);
    const b = await createHolder(t.db);
    const codeA = await requestCode(a.nationalId);
    const codeB = await requestCode(b.nationalId);
    // Two random 6-digit codes coincide once in a million runs; then try a code that is surely not B's.
    const attempt = codeA === codeB ? otherCode(codeB) : codeA;
    const result = await resetPassword(t.db, { nationalId: b.nationalId, code: attempt, newPassword: NEW_PASSWORD, ip: null });
    expect(result.ok).toBe(false);
    const user = await t.db.user.findUniqueOrThrow({ where: { id: b.user.id } });
    expect(await verifyPassword(user.passwordHash, NEW_PASSWORD)).toBe(false);
    expect(await resetPassword(t.db, { nationalId: b.nationalId, code: codeB, newPassword: NEW_PASSWORD, ip: null })).toEqual({ ok: true });
  });

  test("an unknown national ID gets the wrong-code answer", async () => {
    const result = await resetPassword(t.db, { nationalId: uniqueNationalId(), code: "123456", newPassword: NEW_PASSWORD, ip: null });
    expect(result).toEqual({ ok: false, fieldErrors: { code: expect.any(String) } });
  });

  test.each([
    ["contains the national ID", (nid: string) => `x-${nid}-y`, /کد ملی/],
    ["is shorter than 10 characters", () => "Short-9ch", /۱۰/],
  ])("a new password that %s is refused on newPassword and the code stays unused", async (_, make, message) => {
    const h = await createHolder(t.db);
    const code = await requestCode(h.nationalId);
    const bad = make(h.nationalId);
    const result = await resetPassword(t.db, { nationalId: h.nationalId, code, newPassword: bad, ip: null });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.code).toBeUndefined();
    expect(result.fieldErrors.newPassword).toMatch(message);
    expect(result.fieldErrors.newPassword).toMatch(/رمز عبور/);

    const row = await t.db.oneTimeCode.findFirstOrThrow({ where: { userId: h.user.id } });
    expect(row.usedAt).toBeNull();
    expect(row.attempts).toBe(0);
    const user = await t.db.user.findUniqueOrThrow({ where: { id: h.user.id } });
    expect(await verifyPassword(user.passwordHash, bad)).toBe(false);
    expect(await verifyPassword(user.passwordHash, h.nationalId)).toBe(true);
    // The code still works with an acceptable password.
    expect(await resetPassword(t.db, { nationalId: h.nationalId, code, newPassword: NEW_PASSWORD, ip: null })).toEqual({ ok: true });
  });
});

describe("password reset under attack", () => {
  test("concurrent guesses cannot exceed the guess limit", async () => {
    const h = await createHolder(t.db);
    const code = await requestCode(h.nationalId);
    const guesses = Array.from({ length: 20 }, (_, i) => otherCode(code, i + 1));
    const results = await Promise.all(
      [...guesses, code].map((c) => resetPassword(t.db, { nationalId: h.nationalId, code: c, newPassword: NEW_PASSWORD, ip: null })),
    );
    const row = await t.db.oneTimeCode.findFirstOrThrow({ where: { userId: h.user.id } });
    expect(row.attempts).toBeLessThanOrEqual(MAX_GUESSES);
    // At most MAX_GUESSES comparisons happened, so the right code wins only if it was among them.
    expect(results.filter((r) => r.ok).length).toBeLessThanOrEqual(1);
  });

  test("concurrent requests cannot exceed the request limit", async () => {
    const h = await createHolder(t.db);
    await Promise.all(Array.from({ length: 8 }, () => requestPasswordReset(t.db, { nationalId: h.nationalId, ip: null })));
    expect(await t.db.oneTimeCode.count({ where: { userId: h.user.id } })).toBe(MAX_REQUESTS_PER_WINDOW);
    expect(await t.db.notification.count({ where: { userId: h.user.id } })).toBe(MAX_REQUESTS_PER_WINDOW);
  });

  test("a new code retires the earlier one, and a successful reset retires all", async () => {
    const h = await createHolder(t.db);
    const first = await requestCode(h.nationalId);
    const second = await requestCode(h.nationalId);
    const old = await resetPassword(t.db, { nationalId: h.nationalId, code: first, newPassword: NEW_PASSWORD, ip: null });
    expect(old.ok).toBe(first === second);
    const ok = await resetPassword(t.db, { nationalId: h.nationalId, code: second, newPassword: NEW_PASSWORD, ip: null });
    expect(ok.ok).toBe(true);
    expect(await t.db.oneTimeCode.count({ where: { userId: h.user.id, usedAt: null } })).toBe(0);
  });

  test("a password typed in Persian digits is the same password in ASCII digits", async () => {
    const h = await createHolder(t.db);
    const code = await requestCode(h.nationalId);
    const result = await resetPassword(t.db, { nationalId: h.nationalId, code, newPassword: "۹۸۷۶۵۴۳۲۱۰۹۸", ip: null });
    expect(result.ok).toBe(true);
    const user = await t.db.user.findUniqueOrThrow({ where: { id: h.user.id } });
    expect(await verifyPassword(user.passwordHash, "987654321098")).toBe(true);
  });
});

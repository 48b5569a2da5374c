import { createHash } from "node:crypto";
import {
  requestPasswordReset,
  resetPassword,
  CODE_TTL_MS,
  HOUR_MS,
  MAX_GUESSES,
  RESET_LIMITS,
  TOO_MANY_REQUESTS_MESSAGE,
} from "@/lib/auth/password-reset";
import { verifyPassword } from "@/lib/auth/password";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { RefusedError } from "@/lib/errors/app-error";
import { openTemplateData } from "@/lib/notify/code-seal";
import { deliverNow } from "@/lib/notify/deliver";
import { consoleAdapter } from "@/lib/notify/console-adapter";
import { seedDemoData } from "@/prisma/demo-data";
import { setupTestDatabase } from "../helpers/test-database";
import { createHolder } from "../helpers/fixtures";
import { uniqueNationalId } from "../helpers/national-ids";

const t = setupTestDatabase();
const NEW_PASSWORD = "a-brand-new-secret-42";
let ipCounter = 0;
const freshIp = () => `198.51.100.${++ipCounter % 250}:${ipCounter}`;
const MINUTE = 60_000;
/** A time well inside one hour window (the request counters are fixed windows). */
const hourStart = () => new Date(Math.floor(Date.now() / HOUR_MS) * HOUR_MS + 60_000);

beforeAll(async () => {
  await seedDemoData(t.db);
});

/** Opens the code the outbox holds (sealed) for a notification. */
async function codeOf(notificationId: string): Promise<string> {
  const n = await t.db.notification.findUniqueOrThrow({ where: { id: notificationId } });
  return openTemplateData(n.template, n.recipient, n.data).code!;
}

/** Requests a code and returns it. */
async function requestCode(nationalId: string, now?: Date): Promise<string> {
  const { notificationId } = await requestPasswordReset(t.db, { nationalId, ip: freshIp(), now });
  expect(notificationId).not.toBeNull();
  return codeOf(notificationId!);
}

const reset = (nationalId: string, code: string, extra: { newPassword?: string; now?: Date } = {}) =>
  resetPassword(t.db, { nationalId, code, newPassword: extra.newPassword ?? NEW_PASSWORD, ip: freshIp(), now: extra.now });

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
    expect(codes[0]).toMatchObject({ usedAt: null, attempts: 0, purpose: "PASSWORD_RESET", sentTo: "0912••••233" });
    expect(codes[0]!.expiresAt.getTime() - codes[0]!.createdAt.getTime()).toBe(CODE_TTL_MS);

    const notifications = await t.db.notification.findMany({ where: { userId: h.user.id } });
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({
      id: result.notificationId,
      status: "PENDING",
      template: "password-reset",
      recipient: "09121112233",
    });
    expect(await codeOf(result.notificationId!)).toMatch(/^\d{6}$/);

    const audit = await t.db.auditEvent.findMany({ where: { actorId: h.user.id, action: "auth.password_reset_requested" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ targetType: "User", targetId: h.user.id, ip: "198.51.100.7", actorRole: "HOLDER" });
  });

  test("the code is not stored in clear anywhere: OneTimeCode holds a keyed hash, the outbox a sealed code", async () => {
    const h = await createHolder(t.db);
    const { notificationId } = await requestPasswordReset(t.db, { nationalId: h.nationalId, ip: freshIp() });
    const code = await codeOf(notificationId!);
    const row = await t.db.oneTimeCode.findFirstOrThrow({ where: { userId: h.user.id } });
    expect(JSON.stringify(row)).not.toContain(code);
    expect(row.codeHash).toMatch(/^[0-9a-f]{64}$/);
    const sha = (s: string) => createHash("sha256").update(s).digest("hex");
    expect(row.codeHash).not.toBe(sha(code));
    expect(row.codeHash).not.toBe(sha(`${h.user.id}:${code}`));
    const sms = await t.db.notification.findUniqueOrThrow({ where: { id: notificationId! } });
    expect(JSON.stringify(sms.data)).not.toContain(code);
    expect(sms.data).toEqual({ codeSealed: expect.stringMatching(/^v1\./) });
  });

  test("once the SMS is sent the outbox forgets the code (data wiped)", async () => {
    const h = await createHolder(t.db);
    const { notificationId } = await requestPasswordReset(t.db, { nationalId: h.nationalId, ip: freshIp() });
    const log = jest.spyOn(console, "log").mockImplementation(() => {});
    try {
      expect(await deliverNow(t.db, notificationId!, consoleAdapter)).toBe("sent");
    } finally {
      log.mockRestore();
    }
    const sms = await t.db.notification.findUniqueOrThrow({ where: { id: notificationId! } });
    expect(sms).toMatchObject({ status: "SENT", data: {} });
  });

  test("an unknown national ID gets {notificationId:null} and no code, SMS or audit is written", async () => {
    const before = await counts();
    const result = await requestPasswordReset(t.db, { nationalId: uniqueNationalId(), ip: freshIp() });
    expect(result).toEqual({ notificationId: null });
    expect(await counts()).toEqual(before);
  });

  test("an account without a mobile or a deactivated account gets the same answer and nothing is written", async () => {
    const noMobile = await createHolder(t.db);
    await t.db.user.update({ where: { id: noMobile.user.id }, data: { mobile: null } });
    const inactive = await createHolder(t.db);
    await t.db.user.update({ where: { id: inactive.user.id }, data: { active: false } });
    const before = await counts();
    expect(await requestPasswordReset(t.db, { nationalId: noMobile.nationalId, ip: freshIp() })).toEqual({ notificationId: null });
    expect(await requestPasswordReset(t.db, { nationalId: inactive.nationalId, ip: freshIp() })).toEqual({ notificationId: null });
    expect(await counts()).toEqual(before);
  });

  test("a second request within 60 s sends no second code (same answer)", async () => {
    const h = await createHolder(t.db);
    const now = hourStart();
    expect((await requestPasswordReset(t.db, { nationalId: h.nationalId, ip: freshIp(), now })).notificationId).not.toBeNull();
    const again = await requestPasswordReset(t.db, { nationalId: h.nationalId, ip: freshIp(), now: new Date(now.getTime() + 30_000) });
    expect(again).toEqual({ notificationId: null });
    expect(await t.db.oneTimeCode.count({ where: { userId: h.user.id } })).toBe(1);
  });
});

describe("flooding", () => {
  test("at most 3 requests per account and hour, refused alike for a real and an unknown national ID; the next hour works", async () => {
    const h = await createHolder(t.db);
    const unknown = uniqueNationalId();
    const now = hourStart();
    const at = (k: number) => new Date(now.getTime() + k * 61_000);
    for (let i = 0; i < RESET_LIMITS.perAccountPerHour; i++) {
      expect((await requestPasswordReset(t.db, { nationalId: h.nationalId, ip: freshIp(), now: at(i) })).notificationId).not.toBeNull();
      expect(await requestPasswordReset(t.db, { nationalId: unknown, ip: freshIp(), now: at(i) })).toEqual({ notificationId: null });
    }
    const before = await counts();
    for (const nationalId of [h.nationalId, unknown]) {
      await expect(requestPasswordReset(t.db, { nationalId, ip: freshIp(), now: at(3) })).rejects.toThrow(TOO_MANY_REQUESTS_MESSAGE);
    }
    expect(await counts()).toEqual(before);
    const nextHour = new Date(now.getTime() + HOUR_MS);
    expect((await requestPasswordReset(t.db, { nationalId: h.nationalId, ip: freshIp(), now: nextHour })).notificationId).not.toBeNull();
  });

  test("one IP cannot send codes to many accounts: the 11th request in an hour is refused and sends nothing", async () => {
    const ip = "203.0.113.99";
    const now = hourStart();
    const holders = await Promise.all(Array.from({ length: 12 }, () => createHolder(t.db)));
    const outcomes: string[] = [];
    for (const h of holders) {
      outcomes.push(
        await requestPasswordReset(t.db, { nationalId: h.nationalId, ip, now }).then(
          (r) => (r.notificationId ? "sent" : "none"),
          (e: unknown) => (e instanceof RefusedError ? "refused" : "error"),
        ),
      );
    }
    expect(outcomes).toEqual([...Array(RESET_LIMITS.perIpPerHour).fill("sent"), "refused", "refused"]);
    const codes = await t.db.oneTimeCode.count({ where: { userId: { in: holders.map((h) => h.user.id) } } });
    expect(codes).toBe(RESET_LIMITS.perIpPerHour);
  });

  test("parallel requests from one IP cannot exceed its limit", async () => {
    const ip = "203.0.113.77";
    const holders = await Promise.all(Array.from({ length: 25 }, () => createHolder(t.db)));
    await Promise.allSettled(holders.map((h) => requestPasswordReset(t.db, { nationalId: h.nationalId, ip })));
    const codes = await t.db.oneTimeCode.count({ where: { userId: { in: holders.map((h) => h.user.id) } } });
    expect(codes).toBeLessThanOrEqual(RESET_LIMITS.perIpPerHour);
  });

  test("the system-wide hourly cap on codes: past it, nobody gets one, and the answer does not change", async () => {
    const holders = await Promise.all(Array.from({ length: 3 }, () => createHolder(t.db)));
    const now = new Date(hourStart().getTime() + 7 * HOUR_MS); // an hour of its own
    const results = [];
    const alert = jest.spyOn(console, "error").mockImplementation(() => {});
    for (const h of holders) {
      results.push(await requestPasswordReset(t.db, { nationalId: h.nationalId, ip: freshIp(), now, limits: { codesPerHour: 2 } }));
    }
    const alerts = alert.mock.calls.flat().map(String);
    alert.mockRestore();
    expect(results.map((r) => r.notificationId !== null)).toEqual([true, true, false]);
    expect(alerts).toContainEqual(expect.stringContaining("ALERT"));
    expect(await t.db.oneTimeCode.count({ where: { userId: holders[2]!.user.id } })).toBe(0);
  });

  test("parallel requests for one account issue one code", async () => {
    const h = await createHolder(t.db);
    await Promise.allSettled(Array.from({ length: 8 }, () => requestPasswordReset(t.db, { nationalId: h.nationalId, ip: freshIp() })));
    expect(await t.db.oneTimeCode.count({ where: { userId: h.user.id } })).toBe(1);
    expect(await t.db.notification.count({ where: { userId: h.user.id } })).toBe(1);
  });
});

describe("resetPassword", () => {
  test("the right code sets the new password, clears mustChangePassword and earlier failures, uses the code and tells the holder", async () => {
    const h = await createHolder(t.db);
    await t.db.user.update({ where: { id: h.user.id }, data: { failedAttempts: 3 } });
    const code = await requestCode(h.nationalId);
    expect(await reset(h.nationalId, code)).toEqual({ ok: true });

    const user = await t.db.user.findUniqueOrThrow({ where: { id: h.user.id } });
    expect(await verifyPassword(user.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(user.passwordHash, h.nationalId)).toBe(false);
    expect(user).toMatchObject({ mustChangePassword: false, lockedUntil: null, failedAttempts: 0 });
    expect(user.passwordChangedAt).not.toBeNull();
    expect(user.sessionGeneration).toBe(h.user.sessionGeneration + 1);

    const row = await t.db.oneTimeCode.findFirstOrThrow({ where: { userId: h.user.id } });
    expect(row.usedAt).not.toBeNull();
    expect(await t.db.auditEvent.count({ where: { actorId: h.user.id, action: "auth.password_reset" } })).toBe(1);
    const notice = await t.db.notification.findFirstOrThrow({ where: { userId: h.user.id, template: "password-changed" } });
    expect(notice.data).toEqual({ via: "reset" });
  });

  test("the same code cannot be used twice", async () => {
    const h = await createHolder(t.db);
    const code = await requestCode(h.nationalId);
    expect(await reset(h.nationalId, code)).toEqual({ ok: true });
    const second = await reset(h.nationalId, code, { newPassword: "another-new-secret-77" });
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.fieldErrors.code).toMatch(/کد تأیید/);
    const user = await t.db.user.findUniqueOrThrow({ where: { id: h.user.id } });
    expect(await verifyPassword(user.passwordHash, NEW_PASSWORD)).toBe(true);
  });

  test("a wrong code is refused with a Persian message and the password is unchanged", async () => {
    const h = await createHolder(t.db);
    const code = await requestCode(h.nationalId);
    const result = await reset(h.nationalId, otherCode(code));
    expect(result).toEqual({ ok: false, fieldErrors: { code: expect.stringMatching(/[\u0600-\u06FF]/) } });
    const user = await t.db.user.findUniqueOrThrow({ where: { id: h.user.id } });
    expect(await verifyPassword(user.passwordHash, h.nationalId)).toBe(true);
    expect(await t.db.auditEvent.count({ where: { targetId: h.user.id, action: "auth.code_failed" } })).toBe(1);
  });

  test("four wrong guesses still leave the right code usable", async () => {
    const h = await createHolder(t.db);
    const code = await requestCode(h.nationalId);
    for (let i = 1; i < MAX_GUESSES; i++) await reset(h.nationalId, otherCode(code, i));
    expect(await reset(h.nationalId, code)).toEqual({ ok: true });
  });

  test("an expired code (11 minutes later) fails; 9 minutes later it works", async () => {
    const h = await createHolder(t.db);
    const now = new Date();
    const code = await requestCode(h.nationalId, now);
    const result = await reset(h.nationalId, code, { now: new Date(now.getTime() + 11 * MINUTE) });
    expect(result.ok).toBe(false);
    expect(await reset(h.nationalId, code, { now: new Date(now.getTime() + 9 * MINUTE) })).toEqual({ ok: true });
  });

  test("one holder's code does not reset another holder's password", async () => {
    const a = await createHolder(t.db);
    const b = await createHolder(t.db);
    const codeA = await requestCode(a.nationalId);
    const codeB = await requestCode(b.nationalId);
    const attempt = codeA === codeB ? otherCode(codeB) : codeA;
    expect((await reset(b.nationalId, attempt)).ok).toBe(false);
    expect(await reset(b.nationalId, codeB)).toEqual({ ok: true });
  });

  test("an unknown national ID gets the wrong-code answer", async () => {
    const result = await reset(uniqueNationalId(), "123456");
    expect(result).toEqual({ ok: false, fieldErrors: { code: expect.any(String) } });
  });

  test.each([
    ["contains the national ID", (nid: string) => `x-${nid}-y-zebra`, /کد ملی/],
    ["contains the mobile", () => "owl-09120000001-cat", /شماره همراه/],
    ["is shorter than 12 characters", () => "Short-11chr", /۱۲/],
    ["is guessable", () => "Password1234!", /حدس/],
  ])("a new password that %s is refused on newPassword and the code stays unused, with no guess spent", async (_, make, message) => {
    const h = await createHolder(t.db);
    const code = await requestCode(h.nationalId);
    const bad = make(h.nationalId);
    const result = await reset(h.nationalId, code, { newPassword: bad });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.code).toBeUndefined();
    expect(result.fieldErrors.newPassword).toMatch(message);
    expect(result.fieldErrors.newPassword).toMatch(/رمز عبور/);
    const row = await t.db.oneTimeCode.findFirstOrThrow({ where: { userId: h.user.id } });
    expect(row).toMatchObject({ usedAt: null, attempts: 0 });
    expect(await reset(h.nationalId, code)).toEqual({ ok: true });
  });

  test("a password typed in Persian digits is the same password in ASCII digits", async () => {
    const h = await createHolder(t.db);
    const code = await requestCode(h.nationalId);
    expect((await reset(h.nationalId, code, { newPassword: "گلنار-۴۸۱۷-سیب-کوه" })).ok).toBe(true);
    const user = await t.db.user.findUniqueOrThrow({ where: { id: h.user.id } });
    expect(await verifyPassword(user.passwordHash, "گلنار-4817-سیب-کوه")).toBe(true);
  });
});

describe("guessing", () => {
  test("five wrong codes lock the account's sign-in too: the right password is refused", async () => {
    const h = await createHolder(t.db, { password: "the-holders-real-secret" });
    const code = await requestCode(h.nationalId);
    for (let i = 1; i <= MAX_GUESSES; i++) expect((await reset(h.nationalId, otherCode(code, i))).ok).toBe(false);
    const user = await t.db.user.findUniqueOrThrow({ where: { id: h.user.id } });
    expect(user.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    expect(await attemptSignIn(t.db, { nationalId: h.nationalId, password: "the-holders-real-secret", ip: freshIp() })).toMatchObject({
      ok: false,
      code: "LOCKED",
    });
    expect(await t.db.auditEvent.count({ where: { targetId: h.user.id, action: "auth.locked_out" } })).toBe(1);
  });

  test("a fresh code gives no fresh guesses: after five wrong codes even a new right code is refused", async () => {
    const h = await createHolder(t.db);
    const now = new Date();
    const first = await requestCode(h.nationalId, now);
    for (let i = 1; i <= MAX_GUESSES; i++) await reset(h.nationalId, otherCode(first, i), { now });
    const later = new Date(now.getTime() + 61_000);
    const second = await requestCode(h.nationalId, later);
    const result = await reset(h.nationalId, second, { now: later });
    expect(result).toEqual({ ok: false, fieldErrors: { code: expect.stringContaining("قفل") } });
    const user = await t.db.user.findUniqueOrThrow({ where: { id: h.user.id } });
    expect(await verifyPassword(user.passwordHash, NEW_PASSWORD)).toBe(false);
  });

  test("the right code is refused while the account is locked by wrong sign-in passwords", async () => {
    const h = await createHolder(t.db, { password: "the-holders-real-secret" });
    const code = await requestCode(h.nationalId);
    for (let i = 0; i < 5; i++) await attemptSignIn(t.db, { nationalId: h.nationalId, password: `wrong-${i}`, ip: freshIp() });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: h.user.id } })).lockedUntil).not.toBeNull();
    const result = await reset(h.nationalId, code);
    expect(result).toEqual({ ok: false, fieldErrors: { code: expect.stringContaining("قفل") } });
    const user = await t.db.user.findUniqueOrThrow({ where: { id: h.user.id } });
    expect(await verifyPassword(user.passwordHash, NEW_PASSWORD)).toBe(false);
    // The code was not even compared: it still has all its guesses.
    expect((await t.db.oneTimeCode.findFirstOrThrow({ where: { userId: h.user.id } })).attempts).toBe(0);
  });

  test("20 parallel guesses: at most 5 are compared, and the right one among them wins at most once", async () => {
    const h = await createHolder(t.db);
    const code = await requestCode(h.nationalId);
    const guesses = Array.from({ length: 20 }, (_, i) => otherCode(code, i + 1));
    const results = await Promise.all([...guesses, code].map((c) => reset(h.nationalId, c)));
    const row = await t.db.oneTimeCode.findFirstOrThrow({ where: { userId: h.user.id } });
    expect(row.attempts).toBeLessThanOrEqual(MAX_GUESSES);
    expect(results.filter((r) => r.ok).length).toBeLessThanOrEqual(1);
    expect(results.filter((r) => !r.ok && r.fieldErrors.code?.includes("قفل")).length).toBeGreaterThanOrEqual(15);
  });

  test("a new code retires the earlier one, and a successful reset retires all", async () => {
    const h = await createHolder(t.db);
    const now = new Date();
    const first = await requestCode(h.nationalId, now);
    const later = new Date(now.getTime() + 61_000);
    const second = await requestCode(h.nationalId, later);
    expect((await reset(h.nationalId, first, { now: later })).ok).toBe(first === second);
    if (first !== second) expect((await reset(h.nationalId, second, { now: later })).ok).toBe(true);
    expect(await t.db.oneTimeCode.count({ where: { userId: h.user.id, usedAt: null } })).toBe(0);
  });
});

// The sign-in attacks of docs/decisions/0013, each sent for real against PostgreSQL.
import { attemptSignIn, ACCOUNT_MAX_FAILURES, IP_MAX_FAILURES, accountCounterKey, SIGN_IN_WINDOW_MS } from "@/lib/auth/sign-in";
import { confirmPassword } from "@/lib/auth/confirm-password";
import { clientIp, parseTrustedProxies } from "@/lib/auth/request-context";
import { encodeSignInFailure } from "@/lib/auth/sign-in-messages";
import { counterValue } from "@/lib/rate-counter";
import {
  confirmEnrolment,
  currentTotp,
  encryptTotpSecret,
  mustEnrollTotp,
  newTotpSecret,
  pendingEnrolment,
  recoveryCodeHash,
} from "@/lib/auth/totp";
import { changeStaffAccount } from "@/lib/admin/staff-users";
import { seedDemoData } from "@/prisma/demo-data";
import { openTemplateData } from "@/lib/notify/code-seal";
import { setupTestDatabase } from "../helpers/test-database";
import { createHolder, createStaffUser } from "../helpers/fixtures";
import { uniqueNationalId } from "../helpers/national-ids";

const t = setupTestDatabase();
let ipCounter = 0;
const freshIp = () => `10.9.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

beforeAll(async () => {
  await seedDemoData(t.db);
});

const wrongPasswordChecks = (userId: string) =>
  t.db.auditEvent.count({ where: { targetId: userId, action: { in: ["auth.sign_in_failed", "auth.locked_out"] } } });

async function waitFor(check: () => Promise<boolean>, ms = 15_000) {
  const until = Date.now() + ms;
  while (Date.now() < until && !(await check())) await new Promise((r) => setTimeout(r, 10));
}

describe("lock-out under parallel requests", () => {
  test("40 parallel wrong passwords check at most 5 hashes, and the right password inside the burst is LOCKED", async () => {
    const h = await createHolder(t.db, { password: "correct-password-1" });
    const burst = Array.from({ length: 39 }, (_, i) =>
      attemptSignIn(t.db, { nationalId: h.nationalId, password: `wrong-${i}`, ip: freshIp() }),
    );
    // The right one while the burst is in flight (once the counter shows the first attempts).
    await waitFor(async () => (await counterValue(t.db, accountCounterKey(h.nationalId), SIGN_IN_WINDOW_MS)) >= ACCOUNT_MAX_FAILURES, 3000);
    const right = attemptSignIn(t.db, { nationalId: h.nationalId, password: "correct-password-1", ip: freshIp() });
    const results = await Promise.all([...burst, right]);
    expect(results.at(-1)).toMatchObject({ ok: false, code: "LOCKED" });
    expect(results.filter((r) => r.ok)).toHaveLength(0);
    expect(await wrongPasswordChecks(h.user.id)).toBeLessThanOrEqual(ACCOUNT_MAX_FAILURES);
    expect(results.filter((r) => !r.ok && r.code === "LOCKED").length).toBeGreaterThanOrEqual(40 - ACCOUNT_MAX_FAILURES);
  });

  test("the password asked again at final submission: 40 parallel wrong ones check at most 5 hashes and lock", async () => {
    const h = await createHolder(t.db, { password: "correct-password-1" });
    const actor = { userId: h.user.id, role: "HOLDER" as const, ip: "203.0.113.1" };
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => confirmPassword(t.db, actor, `wrong-${i}`)));
    const failedChecks = await t.db.auditEvent.count({
      where: { targetId: h.user.id, action: { in: ["auth.password_confirm_failed", "auth.locked_out"] } },
    });
    expect(failedChecks).toBeLessThanOrEqual(ACCOUNT_MAX_FAILURES);
    expect(results.filter((r) => !r.ok && r.code === "LOCKED").length).toBeGreaterThanOrEqual(35);
    expect(await confirmPassword(t.db, actor, "correct-password-1")).toMatchObject({ ok: false, code: "LOCKED" });
    // …and the sign-in shares the counter.
    expect(await attemptSignIn(t.db, { nationalId: h.nationalId, password: "correct-password-1", ip: freshIp() })).toMatchObject({
      ok: false,
      code: "LOCKED",
    });
  });

  test("the IP limit holds under a parallel burst too", async () => {
    const ip = "198.51.100.200";
    const results = await Promise.all(
      Array.from({ length: IP_MAX_FAILURES + 10 }, () => attemptSignIn(t.db, { nationalId: uniqueNationalId(), password: "x", ip })),
    );
    expect(results.filter((r) => !r.ok && r.code === "IP_LIMITED")).toHaveLength(10);
  });
});

describe("forged client addresses", () => {
  test("40 failures with 40 different forged X-Forwarded-For values from one untrusted client hit the IP limit", async () => {
    const saved = process.env.TRUSTED_PROXIES;
    try {
      for (const [trusted, proxyAppends] of [
        [undefined, ""],
        ["10.0.0.0/8", ", 203.0.113.50, 10.0.0.2"],
      ] as const) {
        if (trusted === undefined) delete process.env.TRUSTED_PROXIES;
        else process.env.TRUSTED_PROXIES = trusted;
        await t.db.rateCounter.deleteMany({ where: { key: { startsWith: "auth:fail:ip:" } } });
        const answers = [];
        for (let i = 0; i < 40; i++) {
          const headers = new Headers({ "x-forwarded-for": `192.0.2.${i}${proxyAppends}`, "x-real-ip": `192.0.2.${i}` });
          answers.push(await attemptSignIn(t.db, { nationalId: uniqueNationalId(), password: "x", ip: clientIp(headers) }));
        }
        expect(answers.filter((r) => !r.ok && r.code === "IP_LIMITED")).toHaveLength(40 - IP_MAX_FAILURES);
        // No forged address reaches the attempts or the audit.
        expect(await t.db.loginAttempt.count({ where: { ip: { startsWith: "192.0.2." } } })).toBe(0);
        expect(await t.db.auditEvent.count({ where: { ip: { startsWith: "192.0.2." } } })).toBe(0);
      }
    } finally {
      if (saved === undefined) delete process.env.TRUSTED_PROXIES;
      else process.env.TRUSTED_PROXIES = saved;
    }
    expect(parseTrustedProxies("10.0.0.0/8")).not.toBeNull();
  });
});

describe("account enumeration", () => {
  test("a real and an unknown national ID hammered past the limit give identical answers", async () => {
    const now = new Date(Math.floor(Date.now() / SIGN_IN_WINDOW_MS) * SIGN_IN_WINDOW_MS + 60_000);
    const real = await createHolder(t.db, { password: "correct-password-1" });
    const ghost = uniqueNationalId();
    const run = async (nationalId: string) => {
      const out: string[] = [];
      for (let i = 0; i < ACCOUNT_MAX_FAILURES + 3; i++) {
        const at = new Date(now.getTime() + i * 60_000);
        const r = await attemptSignIn(t.db, { nationalId, password: `wrong-${i}`, ip: freshIp(), now: at });
        out.push(r.ok ? "OK" : encodeSignInFailure(r));
      }
      return out;
    };
    const a = await run(real.nationalId);
    const b = await run(ghost);
    expect(a).toEqual(b);
    expect(a.slice(0, ACCOUNT_MAX_FAILURES - 1).every((x) => x === "INVALID")).toBe(true);
    // The until-time is the same for every locked answer (it does not move with each try).
    expect(new Set(a.slice(ACCOUNT_MAX_FAILURES - 1)).size).toBe(1);
    expect(a.at(-1)).toMatch(/^LOCKED:\d+$/);
  });

  test("a NUL or a lone surrogate in the national ID is refused like any malformed input and counted", async () => {
    const ip = freshIp();
    for (const nationalId of ["00123\u00004567", "0012345679\uD800", "\uDC00"]) {
      expect(await attemptSignIn(t.db, { nationalId, password: "x", ip })).toEqual({ ok: false, code: "INVALID" });
    }
    expect(await attemptSignIn(t.db, { nationalId: "0012345679", password: "pass\u0000word", ip })).toEqual({ ok: false, code: "INVALID" });
    expect(await t.db.loginAttempt.count({ where: { ip, success: false } })).toBe(4);
  });
});

describe("first sign-in with a default password", () => {
  // The outbox keeps the code sealed (lib/notify/code-seal.ts): open it as the sender does.
  const smsCode = async (userId: string) => {
    const sms = await t.db.notification.findFirstOrThrow({ where: { userId, template: "one-time-code" }, orderBy: { createdAt: "desc" } });
    return openTemplateData(sms.template, sms.recipient, sms.data).code!;
  };

  test("the national ID alone no longer opens the office: a code goes by SMS to the registry's mobile", async () => {
    const h = await createHolder(t.db, { mobile: "09121112233" });
    for (const password of [h.nationalId, `Cra@${h.nationalId}`]) {
      const r = await attemptSignIn(t.db, { nationalId: h.nationalId, password, ip: freshIp() });
      expect(r).toMatchObject({ ok: false, code: "CODE_REQUIRED", sentTo: "0912••••233" });
    }
    // One SMS only (the second request came within 60 s), to the holder's mobile, with its purpose.
    const sms = await t.db.notification.findMany({ where: { userId: h.user.id, template: "one-time-code" } });
    expect(sms).toHaveLength(1);
    expect(sms[0]!.recipient).toBe("09121112233");
    expect(sms[0]!.data).toMatchObject({ purpose: "FIRST_SIGN_IN" });

    const wrong = await attemptSignIn(t.db, { nationalId: h.nationalId, password: h.nationalId, code: "000000", ip: freshIp() });
    const code = await smsCode(h.user.id);
    if (code !== "000000") expect(wrong).toMatchObject({ ok: false, code: "CODE_INVALID" });
    const ok = await attemptSignIn(t.db, { nationalId: h.nationalId, password: h.nationalId, code, ip: freshIp() });
    expect(ok).toEqual({ ok: true, user: { id: h.user.id, role: "HOLDER", mustChangePassword: true } });
    // Single use.
    const again = await attemptSignIn(t.db, { nationalId: h.nationalId, password: h.nationalId, code, ip: freshIp() });
    expect(again).toMatchObject({ ok: false, code: "CODE_INVALID" });
  });

  test("wrong codes count toward the lock-out", async () => {
    const h = await createHolder(t.db);
    await attemptSignIn(t.db, { nationalId: h.nationalId, password: h.nationalId, ip: freshIp() });
    const code = await smsCode(h.user.id);
    const wrong = code === "111111" ? "222222" : "111111";
    let last;
    for (let i = 0; i < ACCOUNT_MAX_FAILURES; i++) {
      last = await attemptSignIn(t.db, { nationalId: h.nationalId, password: h.nationalId, code: wrong, ip: freshIp() });
    }
    expect(last).toMatchObject({ ok: false, code: "LOCKED" });
    expect(await attemptSignIn(t.db, { nationalId: h.nationalId, password: h.nationalId, code, ip: freshIp() })).toMatchObject({
      ok: false,
      code: "LOCKED",
    });
  });

  test("a holder without a mobile is told to call the region, with its phone", async () => {
    const h = await createHolder(t.db, { provinceId: 5 });
    await t.db.user.update({ where: { id: h.user.id }, data: { mobile: null } });
    const province = await t.db.province.findUniqueOrThrow({ where: { id: 5 } });
    expect(await attemptSignIn(t.db, { nationalId: h.nationalId, password: h.nationalId, ip: freshIp() })).toEqual({
      ok: false,
      code: "NO_MOBILE",
      regionId: province.regionId,
    });
    expect(await t.db.notification.count({ where: { userId: h.user.id } })).toBe(0);
  });

  test("a password the holder chose needs no code", async () => {
    const h = await createHolder(t.db, { password: "correct-password-1" });
    expect((await attemptSignIn(t.db, { nationalId: h.nationalId, password: "correct-password-1", ip: freshIp() })).ok).toBe(true);
  });
});

describe("second factor for staff", () => {
  const enrol = async (userId: string) => {
    const secret = newTotpSecret();
    await t.db.user.update({ where: { id: userId }, data: { totpSecret: encryptTotpSecret(secret), totpEnabledAt: new Date() } });
    return secret;
  };

  test("an enrolled admin needs the app's code; a replayed or wrong code is refused; a recovery code works once", async () => {
    const admin = await createStaffUser(t.db, "ADMIN", { totp: false });
    const secret = await enrol(admin.user.id);
    const base = { nationalId: admin.nationalId, password: admin.password };
    expect(await attemptSignIn(t.db, { ...base, ip: freshIp() })).toEqual({ ok: false, code: "TOTP_REQUIRED" });
    expect(await attemptSignIn(t.db, { ...base, totp: "12345", ip: freshIp() })).toEqual({ ok: false, code: "TOTP_INVALID" });
    const token = await currentTotp(secret);
    expect((await attemptSignIn(t.db, { ...base, totp: token, ip: freshIp() })).ok).toBe(true);
    expect(await attemptSignIn(t.db, { ...base, totp: token, ip: freshIp() })).toEqual({ ok: false, code: "TOTP_INVALID" });

    await t.db.recoveryCode.create({ data: { userId: admin.user.id, codeHash: recoveryCodeHash(admin.user.id, "abcde-fghjk") } });
    expect((await attemptSignIn(t.db, { ...base, totp: "ABCDE FGHJK", ip: freshIp() })).ok).toBe(true);
    expect(await attemptSignIn(t.db, { ...base, totp: "abcde-fghjk", ip: freshIp() })).toEqual({ ok: false, code: "TOTP_INVALID" });
  });

  test("an unenrolled expert must enrol: QR secret, a first code, ten recovery codes; the head office can reset it (audited)", async () => {
    const expert = await createStaffUser(t.db, "EXPERT", { regionId: 2, totp: false });
    const admin = await createStaffUser(t.db, "ADMIN");
    const user = await t.db.user.findUniqueOrThrow({ where: { id: expert.user.id } });
    expect(mustEnrollTotp(user, {} as NodeJS.ProcessEnv)).toBe(true);
    expect(mustEnrollTotp(user, { PISHKHAN_DEMO: "1" } as unknown as NodeJS.ProcessEnv)).toBe(false);
    expect(mustEnrollTotp({ ...user, role: "HOLDER" }, {} as NodeJS.ProcessEnv)).toBe(false);

    const pending = await pendingEnrolment(t.db, expert.user.id);
    expect(pending!.uri).toMatch(/^otpauth:\/\/totp\//);
    expect((await pendingEnrolment(t.db, expert.user.id))!.secret).toBe(pending!.secret);
    const actor = { userId: expert.user.id, role: "EXPERT" as const, ip: "203.0.113.3" };
    expect(
      await confirmEnrolment(
        t.db,
        actor,
        "000000".replace(/0/g, () => "9"),
      ),
    ).toBeNull();
    const done = await confirmEnrolment(t.db, actor, await currentTotp(pending!.secret));
    expect(done!.recoveryCodes).toHaveLength(10);
    expect(await t.db.recoveryCode.count({ where: { userId: expert.user.id, usedAt: null } })).toBe(10);
    const stored = await t.db.user.findUniqueOrThrow({ where: { id: expert.user.id } });
    expect(stored.totpEnabledAt).not.toBeNull();
    expect(stored.totpSecret).not.toContain(pending!.secret);

    const caller = { id: admin.user.id, role: "ADMIN" as const, regionId: null };
    await changeStaffAccount(t.db, { userId: admin.user.id, role: "ADMIN", ip: "203.0.113.4" }, caller, {
      userId: expert.user.id,
      action: "reset_totp",
    });
    const reset = await t.db.user.findUniqueOrThrow({ where: { id: expert.user.id } });
    expect(reset.totpSecret).toBeNull();
    expect(reset.totpEnabledAt).toBeNull();
    expect(await t.db.recoveryCode.count({ where: { userId: expert.user.id } })).toBe(0);
    expect(await t.db.auditEvent.count({ where: { action: "user.reset_totp", targetId: expert.user.id, actorId: admin.user.id } })).toBe(1);
    await expect(
      changeStaffAccount(t.db, { userId: admin.user.id, role: "ADMIN", ip: null }, caller, { userId: admin.user.id, action: "reset_totp" }),
    ).rejects.toThrow();
  });
});

// The SMS outbox worker against a fake Kavenegar on 127.0.0.1: sending, retries, holds,
// crash recovery, concurrent workers and delivery reports — each notification sent once.
import { createPrismaClient, type Db } from "@/lib/db-client";
import { consoleAdapter, deliverToConsole } from "@/lib/notify/console-adapter";
import { enqueueSms } from "@/lib/notify/enqueue-sms";
import { smsOutboxHealth } from "@/lib/notify/health";
import { kavenegarAdapter, kavenegarLocalId } from "@/lib/notify/kavenegar";
import { claimDue } from "@/lib/notify/outbox";
import { smsAdapter } from "@/lib/notify/sms-adapter";
import { renderSms } from "@/lib/notify/templates";
import { pollDeliveryOnce, processOutboxOnce, startOutboxWorker, type ProcessOptions } from "@/lib/notify/worker";
import { startFakeKavenegar, type FakeKavenegar } from "../helpers/fake-kavenegar";
import { setupTestDatabase } from "../helpers/test-database";

const t = setupTestDatabase();
// No waiting between attempts: each processOutboxOnce call is "later".
const FAST: ProcessOptions = { retryBaseMs: 0, retryMaxMs: 0, holdMs: 0, leaseMs: 60_000 };
const PERSIAN = /[\u0600-\u06FF]/;

let fake: FakeKavenegar;
let logs: jest.SpyInstance[];

beforeEach(async () => {
  await t.db.notification.deleteMany();
  fake = await startFakeKavenegar();
  logs = (["log", "error", "warn"] as const).map((m) => jest.spyOn(console, m).mockImplementation(() => {}));
});

afterEach(async () => {
  // Whatever happened, the API key never reached a log line.
  const printed = logs
    .flatMap((s) => s.mock.calls.flat())
    .map(String)
    .join("\n");
  expect(printed).not.toContain(fake.apiKey);
  logs.forEach((s) => s.mockRestore());
  await fake.close();
});

const kavenegar = (timeoutMs = 2_000) => kavenegarAdapter({ apiKey: fake.apiKey, baseUrl: fake.baseUrl, sender: "10004346", timeoutMs });

async function enqueue(n = 1, officeCode = "12345") {
  const rows = [];
  for (let i = 0; i < n; i++) {
    rows.push(
      await t.db.$transaction((tx) =>
        enqueueSms(tx, {
          recipient: `0912${String(1_000_000 + i).slice(1)}`,
          template: "result-approved",
          data: { officeCode, declarationId: `decl-${i}`, objectionDays: 7 },
        }),
      ),
    );
  }
  return rows;
}

const row = (id: string) => t.db.notification.findUniqueOrThrow({ where: { id } });
const sendRequests = () => fake.requests.filter((r) => r.path.endsWith("sms/send"));
const lookups = () => fake.requests.filter((r) => r.path.endsWith("sms/statuslocalmessageid"));

describe("sending", () => {
  test("a pending message is sent once through the configured base URL with the key in the path", async () => {
    const [n] = await enqueue();
    const adapter = smsAdapter({
      SMS_PROVIDER: "kavenegar",
      KAVENEGAR_API_KEY: fake.apiKey,
      KAVENEGAR_SENDER: "2000500666",
      KAVENEGAR_BASE_URL: fake.baseUrl,
    });

    expect(await processOutboxOnce(t.db, adapter, FAST)).toMatchObject({ claimed: 1, sent: 1 });

    expect(fake.sends).toHaveLength(1);
    expect(sendRequests()).toEqual([
      {
        path: "POST /v1/{key}/sms/send",
        keyOk: true,
        params: {
          receptor: n!.recipient,
          message: renderSms("result-approved", { officeCode: "12345", declarationId: "decl-0", objectionDays: 7 }),
          sender: "2000500666",
          localid: kavenegarLocalId(n!.id),
        },
      },
    ]);
    const sent = await row(n!.id);
    expect(sent).toMatchObject({ status: "SENT", attempts: 1, providerMessageId: String(fake.sends[0]!.messageid), lastError: null });
    expect(sent.sentAt!.getTime()).toBeGreaterThanOrEqual(n!.createdAt.getTime());
    expect(await processOutboxOnce(t.db, adapter, FAST)).toMatchObject({ claimed: 0 });
  });

  test.each([500, 503, 409])("HTTP %d, then success: retried after a lookup, sent exactly once", async (status) => {
    const [n] = await enqueue();
    fake.script({ kind: "refuse", status });

    expect(await processOutboxOnce(t.db, kavenegar(), FAST)).toMatchObject({ claimed: 1, retried: 1 });
    const waiting = await row(n!.id);
    expect(waiting).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(waiting.lastError).toMatch(PERSIAN);

    expect(await processOutboxOnce(t.db, kavenegar(), FAST)).toMatchObject({ claimed: 1, sent: 1 });
    expect(fake.sends).toHaveLength(1);
    expect(sendRequests()).toHaveLength(2);
    expect(lookups()).toHaveLength(1); // asked before sending again
    expect(await row(n!.id)).toMatchObject({
      status: "SENT",
      attempts: 2,
      providerMessageId: String(fake.sends[0]!.messageid),
      lastError: null,
    });
  });

  test("a timeout whose request the provider accepted after all: found by lookup, not sent again", async () => {
    const [n] = await enqueue();
    fake.script({ kind: "delay", ms: 600, accept: true });

    expect(await processOutboxOnce(t.db, kavenegar(150), FAST)).toMatchObject({ retried: 1 });
    expect((await row(n!.id)).lastError).toContain("پاسخ نداد");
    // The provider finishes the request the client gave up on.
    await waitFor(() => fake.sends.length === 1);

    expect(await processOutboxOnce(t.db, kavenegar(150), FAST)).toMatchObject({ sent: 1 });
    expect(fake.sends).toHaveLength(1);
    expect(sendRequests()).toHaveLength(1);
    expect(await row(n!.id)).toMatchObject({ status: "SENT", providerMessageId: String(fake.sends[0]!.messageid) });
  });

  test("a timeout that never reached the provider: sent on the next attempt, once", async () => {
    const [n] = await enqueue();
    fake.script({ kind: "delay", ms: 400, accept: false });

    expect(await processOutboxOnce(t.db, kavenegar(100), FAST)).toMatchObject({ retried: 1 });
    expect(await processOutboxOnce(t.db, kavenegar(100), FAST)).toMatchObject({ sent: 1 });
    expect(fake.sends).toHaveLength(1);
    expect(await row(n!.id)).toMatchObject({ status: "SENT", attempts: 2 });
  });

  test("an unreachable provider is retried, and given up after maxAttempts with a Persian reason", async () => {
    const [n] = await enqueue();
    const adapter = kavenegarAdapter({ apiKey: fake.apiKey, baseUrl: "http://127.0.0.1:1", timeoutMs: 500 });
    for (let i = 0; i < 2; i++) expect(await processOutboxOnce(t.db, adapter, { ...FAST, maxAttempts: 3 })).toMatchObject({ retried: 1 });
    expect(await processOutboxOnce(t.db, adapter, { ...FAST, maxAttempts: 3 })).toMatchObject({ failed: 1 });
    const failed = await row(n!.id);
    expect(failed).toMatchObject({ status: "FAILED", attempts: 3 });
    expect(failed.lastError).toContain("پس از ۳ تلاش");
    expect(await processOutboxOnce(t.db, adapter, FAST)).toMatchObject({ claimed: 0 });
  });

  test("411 (bad recipient): FAILED at once with a Persian reason, never retried", async () => {
    const [n] = await enqueue();
    fake.script({ kind: "refuse", status: 411 });

    expect(await processOutboxOnce(t.db, kavenegar(), FAST)).toMatchObject({ failed: 1 });
    const failed = await row(n!.id);
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1, providerMessageId: null, sentAt: null });
    expect(failed.lastError).toContain("شماره همراه گیرنده نامعتبر است");
    expect(await processOutboxOnce(t.db, kavenegar(), FAST)).toMatchObject({ claimed: 0 });
    expect(sendRequests()).toHaveLength(1);
  });

  test("418 (no credit): the batch is HELD after one refusal, the admin is alerted, and it goes out once credit returns", async () => {
    const rows = await enqueue(3);
    fake.credit = false;

    expect(await processOutboxOnce(t.db, kavenegar(), { ...FAST, concurrency: 1 })).toMatchObject({ claimed: 3, held: 3 });
    expect(sendRequests()).toHaveLength(1); // the other two were not even tried
    for (const n of rows) {
      const h = await row(n.id);
      expect(h).toMatchObject({ status: "HELD", attempts: 0 });
      expect(h.lastError).toContain("اعتبار");
    }
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining("[sms] ALERT: 3 SMS held"));
    expect(await smsOutboxHealth(t.db)).toMatchObject({ held: 3, heldReason: expect.stringContaining("اعتبار") });

    // Still no credit at the next try (after the hold pause): held again, nothing sent.
    expect(await processOutboxOnce(t.db, kavenegar(), { ...FAST, concurrency: 1 })).toMatchObject({ held: 3 });
    expect(fake.sends).toHaveLength(0);

    fake.credit = true;
    expect(await processOutboxOnce(t.db, kavenegar(), FAST)).toMatchObject({ sent: 3 });
    expect(fake.sends).toHaveLength(3);
    expect(lookups()).toHaveLength(0); // a clear refusal needs no lookup
    for (const n of rows) expect(await row(n.id)).toMatchObject({ status: "SENT", attempts: 1 });
    expect(await smsOutboxHealth(t.db)).toMatchObject({ held: 0 });
  });

  test("a password-reset code that is already expired is not sent", async () => {
    const n = await t.db.$transaction((tx) =>
      enqueueSms(tx, { recipient: "09120000000", template: "password-reset", data: { code: "123456" } }),
    );
    await t.db.notification.update({ where: { id: n.id }, data: { createdAt: new Date(Date.now() - 11 * 60_000) } });
    expect(await processOutboxOnce(t.db, kavenegar(), FAST)).toMatchObject({ failed: 1 });
    expect(fake.sends).toHaveLength(0);
    expect((await row(n.id)).lastError).toMatch(PERSIAN);
  });
});

describe("one-time codes", () => {
  const otpAdapter = (template = "pishkhan-otp") =>
    kavenegarAdapter({ apiKey: fake.apiKey, baseUrl: fake.baseUrl, sender: "10004346", timeoutMs: 2_000, otpTemplate: template });
  const enqueueCode = (template: "password-reset" | "activation-code" = "password-reset", code = "042917") =>
    t.db.$transaction((tx) => enqueueSms(tx, { recipient: "09121234567", template, data: { code } }));

  test("with KAVENEGAR_OTP_TEMPLATE a code goes through verify/lookup (token = the code), never sms/send; the row forgets the code", async () => {
    const n = await enqueueCode();
    expect(JSON.stringify((await row(n.id)).data)).not.toContain("042917");
    const adapter = smsAdapter({
      SMS_PROVIDER: "kavenegar",
      KAVENEGAR_API_KEY: fake.apiKey,
      KAVENEGAR_BASE_URL: fake.baseUrl,
      KAVENEGAR_OTP_TEMPLATE: "pishkhan-otp",
    });
    expect(await processOutboxOnce(t.db, adapter, FAST)).toMatchObject({ sent: 1 });
    expect(sendRequests()).toHaveLength(0);
    expect(fake.sends).toEqual([
      expect.objectContaining({ endpoint: "verify/lookup", receptor: "09121234567", template: "pishkhan-otp", token: "042917" }),
    ]);
    const lookup = fake.requests.find((r) => r.path === "POST /v1/{key}/verify/lookup")!;
    expect(lookup.keyOk).toBe(true);
    expect(lookup.params).toEqual({ receptor: "09121234567", token: "042917", template: "pishkhan-otp" });
    expect(await row(n.id)).toMatchObject({ status: "SENT", providerMessageId: String(fake.sends[0]!.messageid), data: {} });
  });

  test("every template carrying a code goes the same way (activation codes too); other messages keep sms/send", async () => {
    const code = await enqueueCode("activation-code", "777111");
    const [plain] = await enqueue();
    expect(await processOutboxOnce(t.db, otpAdapter(), FAST)).toMatchObject({ sent: 2 });
    expect(fake.sends.find((s) => s.endpoint === "verify/lookup")).toMatchObject({ token: "777111", receptor: "09121234567" });
    expect(fake.sends.find((s) => s.endpoint === "sms/send")).toMatchObject({
      receptor: plain!.recipient,
      message: expect.stringMatching(PERSIAN),
    });
    expect((await row(code.id)).data).toEqual({});
  });

  test("without the template a code goes by sms/send, its text rendered at send time with the opened code", async () => {
    const n = await enqueueCode();
    expect(await processOutboxOnce(t.db, kavenegar(), FAST)).toMatchObject({ sent: 1 });
    expect(fake.sends).toHaveLength(1);
    expect(fake.sends[0]).toMatchObject({ endpoint: "sms/send", message: renderSms("password-reset", { code: "042917" }) });
    expect((await row(n.id)).data).toEqual({});
  });

  test("a template unknown to the panel (424) holds the codes with a Persian reason, keeping them sealed", async () => {
    const n = await enqueueCode();
    expect(await processOutboxOnce(t.db, otpAdapter("no-such-template"), FAST)).toMatchObject({ held: 1 });
    const held = await row(n.id);
    expect(held.status).toBe("HELD");
    expect(held.lastError).toMatch(/KAVENEGAR_OTP_TEMPLATE/);
    expect(held.data).toEqual({ codeSealed: expect.any(String) });
  });

  test("a code given up (expired before sending) is wiped too", async () => {
    const n = await enqueueCode();
    await t.db.notification.update({ where: { id: n.id }, data: { createdAt: new Date(Date.now() - 11 * 60_000) } });
    expect(await processOutboxOnce(t.db, otpAdapter(), FAST)).toMatchObject({ failed: 1 });
    expect(await row(n.id)).toMatchObject({ status: "FAILED", data: {} });
  });

  test("a tampered sealed code is not sent (FAILED), and not wiped into a wrong code", async () => {
    const n = await enqueueCode();
    await t.db.notification.update({ where: { id: n.id }, data: { data: { codeSealed: "v1.AAAA.AAAA.AAAA" } } });
    expect(await processOutboxOnce(t.db, otpAdapter(), FAST)).toMatchObject({ failed: 1 });
    expect(fake.sends).toHaveLength(0);
  });

  test("the console prints a code outside production, and withholds it in production", async () => {
    const env = process.env as Record<string, string | undefined>;
    const saved = env.NODE_ENV;
    try {
      const dev = await enqueueCode("password-reset", "135790");
      await deliverToConsole(t.db, dev.id);
      env.NODE_ENV = "production";
      const prod = await enqueueCode("password-reset", "246801");
      await deliverToConsole(t.db, prod.id);
    } finally {
      env.NODE_ENV = saved;
    }
    const printed = (console.log as jest.Mock).mock.calls.flat().map(String).join("\n");
    expect(printed).toContain("۱۳۵۷۹۰");
    expect(printed).not.toContain("۲۴۶۸۰۱");
    expect(printed).not.toContain("246801");
    expect(printed).toContain("[sms] code withheld");
  });
});

describe("a worker killed between sending and recording", () => {
  /** Claims and (optionally) sends like a worker, then "dies": the row stays SENDING. */
  async function crash(send: boolean) {
    const [n] = await enqueue();
    const [claimed] = await claimDue(t.db, 10, 60_000);
    expect(claimed!.id).toBe(n!.id);
    if (send)
      expect(await kavenegar().send({ recipient: claimed!.recipient, text: "متن", notificationId: claimed!.id })).toMatchObject({
        ok: true,
      });
    expect(await row(n!.id)).toMatchObject({ status: "SENDING", attempts: 1 });
    // While the lease runs, nobody touches the row.
    expect(await processOutboxOnce(t.db, kavenegar(), FAST)).toMatchObject({ claimed: 0 });
    // The lease expires.
    await t.db.notification.update({ where: { id: n!.id }, data: { nextAttemptAt: new Date(Date.now() - 1_000) } });
    return n!;
  }

  test("accepted by the provider: the next worker finds it by its local id and records it, no second send", async () => {
    const n = await crash(true);
    expect(await processOutboxOnce(t.db, kavenegar(), FAST)).toMatchObject({ claimed: 1, sent: 1 });
    expect(fake.sends).toHaveLength(1);
    expect(sendRequests()).toHaveLength(1);
    expect(await row(n.id)).toMatchObject({ status: "SENT", attempts: 2, providerMessageId: String(fake.sends[0]!.messageid) });
  });

  test("the request never left: the lookup finds nothing and it is sent, once", async () => {
    const n = await crash(false);
    expect(await processOutboxOnce(t.db, kavenegar(), FAST)).toMatchObject({ sent: 1 });
    expect(fake.sends).toHaveLength(1);
    expect(lookups()).toHaveLength(1);
    expect(await row(n.id)).toMatchObject({ status: "SENT", attempts: 2 });
  });

  test("with a provider that cannot be asked (console): FAILED for a person to check, not printed again", async () => {
    const [n] = await enqueue();
    await claimDue(t.db, 10, 0); // claimed, then the worker died; the lease is already over
    expect(await processOutboxOnce(t.db, consoleAdapter, FAST)).toMatchObject({ failed: 1 });
    const failed = await row(n!.id);
    expect(failed.status).toBe("FAILED");
    expect(failed.lastError).toContain("برای جلوگیری از ارسال دوباره");
    expect(console.log).not.toHaveBeenCalled();
  });

  test("a late worker whose row was taken over cannot overwrite the newer outcome", async () => {
    const [n] = await enqueue();
    const [stale] = await claimDue(t.db, 10, 0);
    expect(await processOutboxOnce(t.db, kavenegar(), FAST)).toMatchObject({ sent: 1 }); // the next worker
    const { markFailed } = await import("@/lib/notify/outbox");
    expect(await markFailed(t.db, stale!, "دیر")).toBe(false);
    expect(await row(n!.id)).toMatchObject({ status: "SENT" });
  });
});

describe("concurrency", () => {
  test("two workers on 20 messages: each message is sent exactly once", async () => {
    const rows = await enqueue(20);
    fake.latencyMs = 5;
    const dbs: Db[] = [createPrismaClient(t.url, 4), createPrismaClient(t.url, 4)];
    try {
      const claimedBy = await Promise.all(
        dbs.map(async (db) => {
          let claimed = 0;
          for (;;) {
            const c = await processOutboxOnce(db, kavenegar(), { ...FAST, batchSize: 3 });
            if (c.claimed === 0) return claimed;
            claimed += c.claimed;
          }
        }),
      );
      expect(claimedBy[0]! + claimedBy[1]!).toBe(20);
      expect(Math.min(...claimedBy)).toBeGreaterThan(0); // both really worked
    } finally {
      await Promise.all(dbs.map((db) => db.$disconnect()));
    }
    expect(fake.sends).toHaveLength(20);
    expect(new Set(fake.sends.map((s) => s.localid)).size).toBe(20);
    const all = await t.db.notification.findMany({ where: { id: { in: rows.map((r) => r.id) } } });
    expect(all.every((r) => r.status === "SENT" && r.attempts === 1)).toBe(true);
  });

  test("immediate delivery and the worker race for one message: printed once", async () => {
    const [n] = await enqueue();
    await Promise.all([deliverToConsole(t.db, n!.id), processOutboxOnce(t.db, consoleAdapter, FAST)]);
    expect((console.log as jest.Mock).mock.calls.filter((c) => String(c[0]).includes(n!.recipient))).toHaveLength(1);
    expect(await row(n!.id)).toMatchObject({ status: "SENT", attempts: 1, providerMessageId: `console-${n!.id}` });
    await deliverToConsole(t.db, n!.id); // already sent: nothing happens
    expect(console.log).toHaveBeenCalledTimes(1);
  });
});

describe("delivery reports", () => {
  test("sms/status answers are stored until final", async () => {
    const [a, b] = await enqueue(2);
    await processOutboxOnce(t.db, kavenegar(), FAST);
    const idOf = async (id: string) => Number((await row(id)).providerMessageId);
    fake.setDelivery(await idOf(a!.id), 10);

    expect(await pollDeliveryOnce(t.db, kavenegar())).toEqual({ checked: 2, updated: 2 });
    expect(await row(a!.id)).toMatchObject({ deliveryStatus: "delivered", deliveryCheckedAt: expect.any(Date) });
    expect(await row(b!.id)).toMatchObject({ deliveryStatus: "queued", deliveryCheckedAt: expect.any(Date) });
    const statusCall = fake.requests.find((r) => r.path.endsWith("sms/status"))!;
    expect(statusCall.params.messageid!.split(",").sort()).toEqual([String(await idOf(a!.id)), String(await idOf(b!.id))].sort());

    // Just asked: not again before the recheck interval.
    expect(await pollDeliveryOnce(t.db, kavenegar())).toEqual({ checked: 0, updated: 0 });
    // "delivered" is final; only b is asked about again.
    fake.setDelivery(await idOf(b!.id), 11);
    expect(await pollDeliveryOnce(t.db, kavenegar(), { recheckMs: 0 })).toEqual({ checked: 1, updated: 1 });
    expect(await row(b!.id)).toMatchObject({ deliveryStatus: "undelivered" });
    expect(await pollDeliveryOnce(t.db, kavenegar(), { recheckMs: 0 })).toEqual({ checked: 0, updated: 0 });
  });
});

describe("the long-running worker", () => {
  test("drains the outbox, polls delivery, survives a failing round, and stops", async () => {
    const [a, b] = await enqueue(2);
    let failStatus = true;
    const adapter = kavenegar();
    const flaky = {
      ...adapter,
      status: async (ids: readonly string[]) => {
        if (failStatus) {
          failStatus = false;
          throw new Error("provider down");
        }
        return adapter.status(ids);
      },
    };
    const worker = startOutboxWorker({ db: t.db, adapter: flaky, intervalMs: 20, deliveryPollMs: 0 });
    try {
      expect(startOutboxWorker()).toBe(worker); // one per process
      await waitForAsync(async () => (await t.db.notification.count({ where: { status: "SENT", deliveryStatus: "queued" } })) === 2);
    } finally {
      await worker.stop();
    }
    expect(console.error).toHaveBeenCalledWith("[sms] worker round failed:", "provider down");
    expect(fake.sends.map((x) => x.receptor).sort()).toEqual([a!.recipient, b!.recipient].sort());
  });

  test("instrumentation starts it in the Node.js runtime unless SMS_WORKER=off", async () => {
    const { register } = await import("@/instrumentation");
    const env = { ...process.env };
    try {
      process.env.NEXT_RUNTIME = "nodejs";
      process.env.DEADLINE_SWEEP = "off"; // this test is about the SMS worker; the sweeper has its own tests
      process.env.JOB_WORKER = "off"; // likewise the job worker (tests/integration/jobs.test.ts)
      process.env.SMS_WORKER = "off";
      await register();
      expect((globalThis as { pishkhanSmsWorker?: unknown }).pishkhanSmsWorker).toBeUndefined();
      delete process.env.SMS_WORKER;
      delete process.env.SMS_PROVIDER;
      process.env.DATABASE_URL = t.url;
      await register();
      const running = (globalThis as { pishkhanSmsWorker?: { stop(): Promise<void> } }).pishkhanSmsWorker;
      expect(running).toBeDefined();
      await running!.stop();
    } finally {
      process.env = env;
    }
  });
});

describe("configuration", () => {
  test("plain HTTP is refused except to this machine, and a missing key is an error", () => {
    expect(() => kavenegarAdapter({ apiKey: "k", baseUrl: "http://api.kavenegar.com" })).toThrow(/https/);
    expect(() => smsAdapter({ SMS_PROVIDER: "kavenegar" })).toThrow(/KAVENEGAR_API_KEY/);
    expect(smsAdapter({}).name).toBe("console");
  });
});

async function waitForAsync(check: () => Promise<boolean>, timeoutMs = 5_000) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function waitFor(check: () => boolean, timeoutMs = 5_000) {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}

// Benchmark: throughput of the SMS outbox worker. Enqueues N messages, then runs
// processOutboxOnce rounds (claim with FOR UPDATE SKIP LOCKED, send, record) against the fake
// Kavenegar on 127.0.0.1 until the outbox is empty, on its own embedded PostgreSQL.
//
//   npx tsx bench/sms-outbox.ts [--messages 2000] [--workers 1] [--concurrency 4] [--batch 50] [--latency 0]
//
// --latency adds that many ms to each answer of the fake provider (the real one answers in
// tens of ms). Prints messages/s and, per message, p50/p95 of "send + record" (adapter call
// start → row marked SENT) and of "queue" (enqueued → sentAt, which grows with the backlog).
import crypto from "node:crypto";
import os from "node:os";
import { createPrismaClient } from "@/lib/db-client";
import type { SmsAdapter } from "@/lib/notify/adapter";
import { kavenegarAdapter } from "@/lib/notify/kavenegar";
import { processOutboxOnce } from "@/lib/notify/worker";
import { startFakeKavenegar } from "../tests/helpers/fake-kavenegar";
import { createDatabaseFromTemplate, prepareTemplate, startTestServer } from "../scripts/lib/test-db.mjs";
import { stats } from "./lib";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const MESSAGES = arg("messages", 2000);
const WORKERS = arg("workers", 1);
const CONCURRENCY = arg("concurrency", 4);
const BATCH = arg("batch", 50);
const LATENCY = arg("latency", 0);

async function main() {
  process.env.TEST_PG_DIR ??= ".data/bench-sms";
  process.env.TEST_PG_PORT ??= "54397";
  const server = await startTestServer();
  const fake = await startFakeKavenegar();
  fake.latencyMs = LATENCY;
  try {
    await prepareTemplate(server.adminUrl);
    const url = await createDatabaseFromTemplate(server.adminUrl, `bench_sms_${crypto.randomBytes(4).toString("hex")}`);
    const db = createPrismaClient(url, 4);

    const t0 = performance.now();
    for (let i = 0; i < MESSAGES; i += 500) {
      await db.notification.createMany({
        data: Array.from({ length: Math.min(500, MESSAGES - i) }, (_, k) => ({
          recipient: `0912${String(1_000_000 + i + k).slice(1)}`,
          template: "result-approved",
          data: { officeCode: String(10_000 + ((i + k) % 5_000)), declarationId: `bench-${i + k}`, objectionDays: 7 },
        })),
      });
    }
    const enqueueMs = performance.now() - t0;

    // The real adapter over HTTP, timed per message around its send call.
    const inner = kavenegarAdapter({ apiKey: fake.apiKey, baseUrl: fake.baseUrl });
    const sendStarted = new Map<string, number>();
    const adapter: SmsAdapter = {
      ...inner,
      send: (sms) => {
        sendStarted.set(sms.notificationId, Date.now());
        return inner.send(sms);
      },
    };

    const dbs = Array.from({ length: WORKERS }, () => createPrismaClient(url, Math.max(2, CONCURRENCY)));
    // Warm-up outside the timing: the first query of each pool opens its connections.
    await Promise.all(dbs.map((w) => w.$queryRaw`SELECT 1`));
    const started = performance.now();
    let rounds = 0;
    await Promise.all(
      dbs.map(async (w) => {
        for (;;) {
          const c = await processOutboxOnce(w, adapter, { batchSize: BATCH, concurrency: CONCURRENCY });
          rounds += 1;
          if (c.claimed === 0) return;
        }
      }),
    );
    const elapsedMs = performance.now() - started;

    const rows = await db.notification.findMany({ select: { id: true, status: true, createdAt: true, sentAt: true, updatedAt: true } });
    const sent = rows.filter((r) => r.status === "SENT");
    const sendRecord = sent.map((r) => r.updatedAt.getTime() - sendStarted.get(r.id)!);
    const queue = sent.map((r) => r.sentAt!.getTime() - r.createdAt.getTime());
    const s = stats(sendRecord, elapsedMs);
    const q = stats(queue, elapsedMs);

    console.log(`Node ${process.version}, ${os.cpus().length} CPU(s): ${os.cpus()[0]?.model ?? "?"}`);
    console.log(
      `${MESSAGES} messages enqueued in ${enqueueMs.toFixed(0)} ms; ${WORKERS} worker(s), batch ${BATCH}, ${CONCURRENCY} sends in flight each, fake provider latency ${LATENCY} ms`,
    );
    console.log(
      `sent ${sent.length}/${rows.length}, accepted by the provider ${fake.sends.length}, ${rounds} rounds, ${(elapsedMs / 1000).toFixed(2)} s`,
    );
    console.log(`throughput: ${s.perSecond.toFixed(0)} messages/s`);
    console.log(`send + record per message: p50 ${s.p50} ms, p95 ${s.p95} ms, max ${s.max} ms`);
    console.log(`queue (enqueued → sent):   p50 ${q.p50} ms, p95 ${q.p95} ms`);
    console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
    if (sent.length !== MESSAGES || fake.sends.length !== MESSAGES) throw new Error("not every message was sent exactly once");

    await Promise.all([...dbs, db].map((c) => c.$disconnect()));
  } finally {
    await fake.close();
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

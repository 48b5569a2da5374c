// Benchmark: a round's results export with 20,000 offices, in both formats, through
// the route's own functions (planRoundExport + exportStream), in its own embedded PostgreSQL.
// It prints duration, time to the first byte, rows/s, the file's size and the peak RSS and
// heap of this process above what it held before (memoryUsage sampled every 50 ms), to show
// that memory does not grow with the round; then the dashboard's queries on the same round.
//   NODE_OPTIONS=--expose-gc npx tsx --conditions=react-server bench/export-round.ts [--offices 20000] [--slow]
// --slow reads the download at ~2 MB/s, as a slow client would: memory must stay flat too.
// (react-server: lib/export imports "server-only", which refuses any other condition.)
import { performance } from "node:perf_hooks";
import crypto from "node:crypto";
import { createPrismaClient, type Db } from "@/lib/db-client";
import { seedDemoData } from "@/prisma/demo-data";
import { planRoundExport, resultPage } from "@/lib/export/round-results";
import { dashboardCounts } from "@/lib/dashboard/aggregates";
import { regionCompliance } from "@/lib/dashboard/compliance";
import { ruleSetOfRound } from "@/lib/rounds/rule-set-of-round";
import { estimatedXlsxBytes, exportStream, type ExportFormat } from "@/lib/export/export-stream";
import { loadDashboard } from "@/lib/dashboard/load-dashboard";
import { startTestServer, prepareTemplate, createDatabaseFromTemplate } from "../scripts/lib/test-db.mjs";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const OFFICES = arg("offices", 20_000);
const SLOW = process.argv.includes("--slow");
const MB = 1024 * 1024;

/** `n` offices over the 31 provinces, each with a file in the round (every status), a score snapshot and final values where decided. */
async function seed(db: Db, n: number) {
  const round = await db.round.findFirstOrThrow({ include: { ruleSet: true } });
  const criteria = JSON.stringify((round.ruleSet.definition as { criteria: unknown[] }).criteria);
  await db.$executeRawUnsafe(`
    INSERT INTO "User" (id, "nationalId", "firstName", "lastName", role, "passwordHash", "mustChangePassword", "updatedAt")
    SELECT 'be-h-' || g, '7' || lpad(g::text, 9, '0'), 'دارنده', 'شماره ' || g, 'HOLDER', 'x', false, now() FROM generate_series(1, ${n}) g`);
  await db.$executeRawUnsafe(`
    INSERT INTO "Office" (id, code, name, type, "personType", "provinceId", city, address, "holderId", "updatedAt")
    SELECT 'be-o-' || g, 'E' || lpad(g::text, 6, '0'), 'دفتر پیشخوان خدمات دولت شماره ' || g || ' شهرستان نمونه',
      (ARRAY['PISHKHAN_GOVERNMENT','PISHKHAN_NON_GOVERNMENT','RURAL_ICT'])[1 + g % 3]::"OfficeType", 'REAL',
      1 + g % 31, 'شهر', 'نشانی', 'be-h-' || g, now()
    FROM generate_series(1, ${n}) g`);
  // 5 % drafts, then every later status; decided files carry the region's score and rank.
  await db.$executeRawUnsafe(
    `
    INSERT INTO "Declaration" (id, "roundId", "officeId", "regionId", "provinceId", "officeType", status, "submittedAt", "dueAt", "approvedAt", "finalizedAt", "finalScore", "finalRank", "updatedAt")
    SELECT 'be-d-' || lpad(g::text, 6, '0'), $1, o.id, p."regionId", o."provinceId", o.type, s.status::"DeclarationStatus",
      CASE WHEN s.status = 'DRAFT' THEN NULL ELSE now() - interval '30 days' + (g % 600) * interval '1 hour' END,
      CASE WHEN s.status IN ('SUBMITTED','IN_REVIEW','RESUBMITTED','OBJECTED') THEN now() + ((g % 40) - 10) * interval '1 day' END,
      CASE WHEN s.status IN ('APPROVED','OBJECTED','FINAL') THEN now() - interval '5 days' END,
      CASE WHEN s.status = 'FINAL' THEN now() - interval '1 day' END,
      CASE WHEN s.status IN ('APPROVED','OBJECTED','FINAL') THEN (g * 37 % 9000) / 100.0 END,
      CASE WHEN s.status IN ('APPROVED','OBJECTED','FINAL') THEN CASE WHEN g * 37 % 9000 >= 7000 THEN 1 WHEN g * 37 % 9000 >= 5000 THEN 2 ELSE 3 END END,
      now()
    FROM generate_series(1, ${n}) g
    JOIN "Office" o ON o.id = 'be-o-' || g JOIN "Province" p ON p.id = o."provinceId"
    CROSS JOIN LATERAL (SELECT (ARRAY['DRAFT','SUBMITTED','IN_REVIEW','RETURNED','RESUBMITTED','APPROVED','OBJECTED','FINAL','FINAL','FINAL','SUBMITTED','IN_REVIEW','APPROVED','FINAL','FINAL','FINAL','SUBMITTED','FINAL','FINAL','FINAL'])[1 + g % 20] AS status) s`,
    round.id,
  );
  // A snapshot per submitted file with a breakdown as the scoring writes it (ten criteria).
  await db.$executeRawUnsafe(
    `
    INSERT INTO "ScoreSnapshot" (id, "declarationId", reason, "ruleSetId", "ruleSetVersion", facts, breakdown, positive, negative, total, rank, sha256, "createdAt")
    SELECT 'be-s-' || d.id, d.id, 'SUBMITTED', $1, 1, '{}'::jsonb,
      jsonb_build_object('ruleSetId', 'sample-v1', 'criteria',
        (SELECT jsonb_agg(jsonb_build_object('key', c->>'key', 'title', c->>'title', 'kind', c->>'kind', 'fact', c->>'fact', 'value', NULL,
          'points', (i * 7 + length(d.id) * 3 + ascii(right(d.id, 1))) % 10, 'max', 10, 'pending', false, 'capped', false))
         FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS x(c, i)),
        'violations', '[]'::jsonb, 'positive', 60, 'negative', 3, 'total', 57, 'rank', 2, 'serviceSharePercent', 70),
      60, 3, 57, 2, repeat('0', 64), d."submittedAt"
    FROM "Declaration" d WHERE d."submittedAt" IS NOT NULL`,
    round.ruleSetId,
    criteria,
  );
  await db.$executeRawUnsafe(`VACUUM ANALYZE`);
  return round;
}

/** Peak RSS and heap while `fn` runs, sampled every 50 ms (and once at the end). */
async function measured<T>(fn: () => Promise<T>) {
  // With --expose-gc (NODE_OPTIONS), start from a collected heap so the figures compare.
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const timer = setInterval(sample, 50);
  const started = performance.now();
  try {
    const result = await fn();
    sample();
    return { result, ms: performance.now() - started, before, peakRss, peakHeap };
  } finally {
    clearInterval(timer);
  }
}

async function main() {
  process.env.TEST_PG_DIR ??= ".data/bench-export";
  process.env.TEST_PG_PORT ??= "54393";
  // This bench makes its own PostgreSQL; a DATABASE_URL of the shell must not be written to.
  delete process.env.DATABASE_URL;
  delete process.env.TEST_DATABASE_ADMIN_URL;
  const server = await startTestServer();
  try {
    await prepareTemplate(server.adminUrl);
    const url = await createDatabaseFromTemplate(server.adminUrl, `bench_export_${crypto.randomBytes(4).toString("hex")}`);
    const db = createPrismaClient(url, 4);
    try {
      await seedDemoData(db);
      const t0 = performance.now();
      const round = await seed(db, OFFICES);
      console.log(`seeded ${OFFICES} offices with files and snapshots in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      const admin = await db.user.findFirstOrThrow({ where: { role: "ADMIN" } });
      const caller = { id: admin.id, role: admin.role, regionId: admin.regionId };

      const run = async (format: ExportFormat) => {
        const plan = await planRoundExport(db, caller, round.id);
        let firstByteMs = 0;
        let bytes = 0;
        const m = await measured(async () => {
          const started = performance.now();
          const reader = exportStream(db, plan, format).getReader();
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            if (bytes === 0) firstByteMs = performance.now() - started;
            bytes += value.length;
            // A slow client: ~2 MB/s.
            if (SLOW) await new Promise((r) => setTimeout(r, (value.length / (2 * MB)) * 1000));
          }
        });
        const estimate = format === "xlsx" ? ` (estimate for the progress bar ${(estimatedXlsxBytes(plan) / MB).toFixed(2)} MB)` : "";
        console.log(
          `${format.toUpperCase().padEnd(4)} ${plan.total} rows in ${(m.ms / 1000).toFixed(2)} s = ${Math.round(plan.total / (m.ms / 1000))} rows/s; first byte after ${firstByteMs.toFixed(0)} ms; ` +
            `${(bytes / MB).toFixed(2)} MB${estimate}; peak RSS ${(m.peakRss / MB).toFixed(0)} MB (+${((m.peakRss - m.before.rss) / MB).toFixed(1)}), ` +
            `peak heap ${(m.peakHeap / MB).toFixed(0)} MB (+${((m.peakHeap - m.before.heapUsed) / MB).toFixed(1)})`,
        );
      };
      console.log(
        `\nexport of ${OFFICES} offices through planRoundExport + exportStream, pages of 1,000${SLOW ? ", read at ~2 MB/s" : ""}:`,
      );
      // A first pass warms the JIT and the connection pool; the second is reported too.
      for (const pass of [1, 2]) {
        console.log(`pass ${pass}`);
        await run("csv");
        await run("xlsx");
      }

      // Where the time goes: the page queries alone, without turning rows into cells and bytes.
      {
        const plan = await planRoundExport(db, caller, round.id);
        const s = performance.now();
        let after: string | null = null;
        for (;;) {
          const rows = await resultPage(db, plan, after);
          if (rows.length < 1000) break;
          after = rows[rows.length - 1]!.code;
        }
        console.log(`page queries alone: ${((performance.now() - s) / 1000).toFixed(2)} s`);
      }

      console.log(`\ndashboard queries on the same round (loadDashboard: counts + compliance), 10 calls:`);
      await loadDashboard(db, caller, { round: round.id });
      const times: number[] = [];
      for (let i = 0; i < 10; i++) {
        const s = performance.now();
        await loadDashboard(db, caller, { round: round.id });
        times.push(performance.now() - s);
      }
      times.sort((a, b) => a - b);
      console.log(`  all regions: median ${times[5]!.toFixed(0)} ms, max ${times[9]!.toFixed(0)} ms`);
      const s = performance.now();
      await loadDashboard(db, caller, { round: round.id, region: "1" });
      console.log(`  one region: ${(performance.now() - s).toFixed(0)} ms`);
      const full = await db.round.findUniqueOrThrow({ where: { id: round.id } });
      const { ruleSet } = await ruleSetOfRound(db, round.id);
      const median = async (fn: () => Promise<unknown>) => {
        const t: number[] = [];
        for (let i = 0; i < 5; i++) {
          const s0 = performance.now();
          await fn();
          t.push(performance.now() - s0);
        }
        return t.sort((a, b) => a - b)[2]!.toFixed(0);
      };
      console.log(
        `  alone, median of 5: counts ${await median(() => dashboardCounts(db, full, ruleSet, undefined))} ms, compliance ${await median(() => regionCompliance(db, full, undefined))} ms`,
      );
    } finally {
      await db.$disconnect();
    }
  } finally {
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

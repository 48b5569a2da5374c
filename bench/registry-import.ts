// Benchmark: the licence-registry import of a generated 20,000-row file through the
// same job handler the server runs (claim, progress writes, report, audit), on its own embedded
// PostgreSQL. Phases: dry run (everything new), apply (creates 20,000 offices, licences and
// holders), apply again (idempotent: all unchanged, nothing written), and an apply where 10 %
// of the rows changed. Prints rows/s per phase and the peak RSS and heap of this process
// (process.memoryUsage sampled every 50 ms), then the cost of one default-password hash
// against a full-cost one (decision 0011).
//
//   npx tsx --expose-gc bench/registry-import.ts [--rows 20000]
// (without --expose-gc the "heap after GC" column is empty; peak heap counts garbage not yet collected).
import crypto from "node:crypto";
import { createPrismaClient } from "@/lib/db-client";
import { PROVINCES } from "@/lib/geo/regions";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { enqueueJob } from "@/lib/jobs/queue";
import { processJobs } from "@/lib/jobs/run-jobs";
import { REGISTRY_COLUMNS } from "@/lib/registry/columns";
import { csvText } from "@/lib/export/csv";
import { hashDefaultPassword } from "@/lib/registry/default-password";
import { registryImportHandler, sha256Hex, type ImportJobInput } from "@/lib/registry/import-job";
import type { ImportReport } from "@/lib/registry/report";
import { DEMO_ACCOUNTS, seedDemoData } from "@/prisma/demo-data";
import { nationalIdFrom } from "../tests/helpers/national-ids";
import { createDatabaseFromTemplate, prepareTemplate, startTestServer } from "../scripts/lib/test-db.mjs";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const ROWS = arg("rows", 20_000);

const FIRST = ["علی", "زهرا", "مهدی", "فاطمه", "امیر", "سارا", "حمید", "لیلا", "بهرام", "مریم", "رضا", "نسرین"];
const LAST = ["محمدی", "حسینی", "کاظمی", "رحیمی", "نوری", "جعفری", "صادقی", "قاسمی", "اکبری", "احمدی", "کریمی", "مرادی"];
const TYPES = ["پیشخوان دولتی", "پیشخوان غیردولتی", "ICT روستایی"];

/** The generated registry: valid rows, some expired, some incomplete, quoted addresses, optional cells empty. */
function generate(rows: number, changed = 0): Uint8Array {
  const header = REGISTRY_COLUMNS.map((c) => c.key);
  const out: string[][] = [header];
  for (let i = 0; i < rows; i++) {
    const province = PROVINCES[i % PROVINCES.length]!;
    const expired = i % 10 === 0;
    const incomplete = i % 20 === 7;
    const moved = changed > 0 && i % Math.round(1 / changed) === 0;
    const year = 1398 + (i % 6);
    out.push([
      String(600_000 + i),
      `دفتر پیشخوان شماره ${i + 1}`,
      TYPES[i % 3]!,
      i % 4 === 0 ? "حقوقی" : "حقیقی",
      i % 7 === 0 ? province.name.replace(/ی/g, "ي").replace(/ک/g, "ك") : province.name,
      moved ? `شهر تازه ${i % 50}` : `شهر ${i % 50}`,
      `خیابان ${i % 300}، کوچه ${i % 17}, پلاک ${i % 90}`,
      i % 2 === 0 ? String(1_000_000_000 + i * 7) : "",
      `PK-${year}-${600_000 + i}`,
      `${year}/0${1 + (i % 9)}/1${i % 9}`,
      expired ? `1404/0${1 + (i % 6)}/10` : `${year + 8}/0${1 + (i % 9)}/1${i % 9}`,
      incomplete ? "ناقص" : expired ? "" : "معتبر",
      nationalIdFrom(String(300_000_000 + i)),
      FIRST[i % FIRST.length]!,
      LAST[(i * 7) % LAST.length]!,
      i % 3 === 0 ? "" : `0912${String(1_000_000 + i).slice(-7)}`,
    ]);
  }
  return new TextEncoder().encode(csvText(out));
}

/** Peak RSS and heap while `fn` runs, sampled every 50 ms. */
async function measured<T>(fn: () => Promise<T>) {
  global.gc?.();
  let rss = process.memoryUsage().rss;
  let heap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 50);
  const started = performance.now();
  try {
    const value = await fn();
    const ms = performance.now() - started;
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
    // What is still held once the phase is over (needs --expose-gc; else NaN).
    global.gc?.();
    const retained = global.gc ? process.memoryUsage().heapUsed : NaN;
    return { value, ms, rss, heap, retained };
  } finally {
    clearInterval(timer);
  }
}

async function main() {
  process.env.TEST_PG_DIR ??= ".data/bench-registry";
  process.env.TEST_PG_PORT ??= "54396";
  const server = await startTestServer();
  try {
    await prepareTemplate(server.adminUrl);
    const url = await createDatabaseFromTemplate(server.adminUrl, `bench_registry_${crypto.randomBytes(4).toString("hex")}`);
    const db = createPrismaClient(url, 4);
    await seedDemoData(db);
    const admin = await db.user.findUniqueOrThrow({ where: { nationalId: DEMO_ACCOUNTS.admin.nationalId } });

    const file = generate(ROWS);
    const changedFile = generate(ROWS, 0.1);
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    console.log(`${ROWS} rows, ${mb(file.byteLength)} MB of CSV; batches of 500 rows; 2 cores shared by PostgreSQL and this process`);
    console.log(`baseline: RSS ${mb(process.memoryUsage().rss)} MB, heap ${mb(process.memoryUsage().heapUsed)} MB\n`);

    const run = async (mode: ImportJobInput["mode"], bytes: Uint8Array) => {
      const input: ImportJobInput = { mode, fileName: "bench.csv", sha256: sha256Hex(bytes), rows: ROWS };
      const job = await enqueueJob(db, { kind: "REGISTRY_IMPORT", input, file: new Uint8Array(bytes), total: ROWS, createdById: admin.id });
      await processJobs(db, { REGISTRY_IMPORT: registryImportHandler });
      const row = await db.job.findUniqueOrThrow({ where: { id: job.id } });
      if (row.status !== "SUCCEEDED") throw new Error(`${mode} ${row.status}: ${row.error}`);
      return row.result as ImportReport;
    };

    console.log(
      "phase                         seconds    rows/s   peak RSS MB  peak heap MB  heap after GC  created  updated  unchanged  errors",
    );
    const phase = async (name: string, mode: ImportJobInput["mode"], bytes: Uint8Array) => {
      const m = await measured(() => run(mode, bytes));
      const r = m.value;
      console.log(
        `${name.padEnd(28)}${(m.ms / 1000).toFixed(1).padStart(8)}${Math.round(ROWS / (m.ms / 1000))
          .toString()
          .padStart(10)}${mb(m.rss).padStart(14)}${mb(m.heap).padStart(14)}${mb(m.retained).padStart(15)}` +
          `${String(r.created).padStart(9)}${String(r.updated).padStart(9)}${String(r.unchanged).padStart(11)}${String(r.errorCount).padStart(8)}`,
      );
      return r;
    };
    await phase("dry run (all new)", "dry-run", file);
    await phase("apply (creates everything)", "apply", file);
    await phase("apply again (idempotent)", "apply", file);
    await phase("apply, 10 % of rows changed", "apply", changedFile);

    // Correctness of what was written.
    const offices = await db.office.count({ where: { code: { in: Array.from({ length: ROWS }, (_, i) => String(600_000 + i)) } } });
    const holder = await db.user.findUniqueOrThrow({ where: { nationalId: nationalIdFrom("300000001") } });
    const expired = await db.licence.count({ where: { status: "EXPIRED" } });
    console.log(
      `\nwritten: ${offices} offices; holder ${holder.nationalId} mustChangePassword=${holder.mustChangePassword}, default password verifies: ${await verifyPassword(holder.passwordHash, holder.nationalId)}; ${expired} expired licences`,
    );

    // The hash a new holder gets vs the full cost (decision 0011).
    const time = async (f: (s: string) => Promise<string>, n: number) => {
      const s = performance.now();
      for (let i = 0; i < n; i++) await f(`0000000${i}`);
      return (performance.now() - s) / n;
    };
    const cheap = await time(hashDefaultPassword, 200);
    const full = await time(hashPassword, 20);
    console.log(
      `one hash, sequential: default password ${cheap.toFixed(2)} ms, full cost ${full.toFixed(1)} ms → ${ROWS} new holders at full cost ≈ ${Math.round((full * ROWS) / 1000)} s of one core`,
    );
    await db.$disconnect();
  } finally {
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

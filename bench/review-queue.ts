// Benchmark: the experts' queue page with 10,000 submitted files in one region.
// 20 experts of that region, signed in over HTTP, request /queue against `next start` on the
// embedded PostgreSQL for ~20 s each phase: the first page, a filtered page (due within 3
// days, unassigned) and a deep page (page 150 of 160, offset 7,450), in turn. Phases:
// saturation (every expert asks again the moment the page arrives), then paced (a page every
// 1 s, then every 3 s per expert, ± 50 %). Goal: p95 under 200 ms. For scale it first loads
// /contacts (no database) the same way, and at the end times listQueue alone in this process.
//   npx tsx --conditions=react-server bench/review-queue.ts [--no-build] [--users 20] [--seconds 20] [--files 10000] [--think 1000,3000]
// (plain `npx tsx bench/review-queue.ts` works too: the in-process listQueue timings are then skipped.)
import { createPrismaClient, type Db } from "@/lib/db-client";
import { hashPassword } from "@/lib/auth/password";
import { nationalIdFrom } from "../tests/helpers/national-ids";
import { signIn, startBenchServer, stats } from "./lib";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const USERS = arg("users", 20);
const SECONDS = arg("seconds", 20);
const FILES = arg("files", 10_000);
// Think times of the paced phases (ms between one expert's requests, ± 50 %).
const THINK_MS = (process.argv.includes("--think") ? process.argv[process.argv.indexOf("--think") + 1]! : "1000,3000")
  .split(",")
  .map(Number);
const REGION = 1;
const PASSWORD = "Bench-queue-password-1";

const PAGES = {
  first: "/queue",
  filtered: "/queue?due=soon&assignee=none",
  deep: "/queue?page=150",
} as const;
type Kind = keyof typeof PAGES;

/** `files` offices (one holder each) and their submitted files in `regionId`, in three INSERT … SELECT statements. */
async function seedFiles(db: Db, files: number, regionId: number, expertIds: string[]) {
  const round = await db.round.findFirstOrThrow({ select: { id: true } });
  const provinces = (await db.province.findMany({ where: { regionId }, select: { id: true } })).map((p) => p.id);
  await db.$executeRawUnsafe(`
    INSERT INTO "User" (id, "nationalId", "firstName", "lastName", role, "passwordHash", "mustChangePassword", "updatedAt")
    SELECT 'bq-h-' || g, '8' || lpad(g::text, 9, '0'), 'دارنده', 'شماره ' || g, 'HOLDER', 'x', false, now()
    FROM generate_series(1, ${files}) g`);
  await db.$executeRawUnsafe(`
    INSERT INTO "Office" (id, code, name, type, "personType", "provinceId", city, address, "holderId", "updatedAt")
    SELECT 'bq-o-' || g, '5' || lpad(g::text, 5, '0'), 'دفتر پیشخوان شماره ' || g,
      (ARRAY['PISHKHAN_GOVERNMENT','PISHKHAN_NON_GOVERNMENT','RURAL_ICT'])[1 + g % 3]::"OfficeType", 'REAL',
      (ARRAY[${provinces.join(",")}])[1 + g % ${provinces.length}], 'شهر', 'نشانی', 'bq-h-' || g, now()
    FROM generate_series(1, ${files}) g`);
  // 80 % in the region's statuses (the default queue), due dates spread over −8..+31 days
  // (several files per day), a third assigned to one of the experts, 1 % flagged overdue.
  await db.$executeRawUnsafe(
    `
    INSERT INTO "Declaration" (id, "roundId", "officeId", "regionId", "provinceId", "officeType", status, "submittedAt", "dueAt", overdue, "assigneeId", "updatedAt")
    SELECT 'bq-d-' || lpad(g::text, 6, '0'), $1, o.id, ${regionId}, o."provinceId", o.type,
      (ARRAY['SUBMITTED','SUBMITTED','SUBMITTED','IN_REVIEW','IN_REVIEW','RETURNED','RESUBMITTED','OBJECTED','APPROVED','FINAL'])[1 + g % 10]::"DeclarationStatus",
      now() - interval '10 days',
      CASE WHEN g % 10 >= 8 THEN NULL ELSE date_trunc('day', now()) + ((g * 7919) % 40 - 8) * interval '1 day' END,
      g % 97 = 0,
      CASE WHEN g % 3 = 0 THEN (ARRAY[${expertIds.map((e) => `'${e}'`).join(",")}])[1 + g % ${expertIds.length}] END,
      now()
    FROM generate_series(1, ${files}) g JOIN "Office" o ON o.id = 'bq-o-' || g`,
    round.id,
  );
  await db.$executeRawUnsafe(`VACUUM ANALYZE`);
}

async function main() {
  process.env.TEST_PG_DIR ??= ".data/bench-queue";
  process.env.TEST_PG_PORT ??= "54394";
  const server = await startBenchServer({ port: arg("port", 3314), build: !process.argv.includes("--no-build") });
  const db = createPrismaClient(server.databaseUrl, 4);
  try {
    console.log(`Seeding ${FILES} files in region ${REGION} and ${USERS} experts…`);
    const passwordHash = await hashPassword(PASSWORD);
    const experts = Array.from({ length: USERS }, (_, i) => ({ nationalId: nationalIdFrom(String(700_000_000 + i)), id: `bq-e-${i}` }));
    await db.user.createMany({
      data: experts.map((e, i) => ({
        id: e.id,
        nationalId: e.nationalId,
        firstName: "کارشناس",
        lastName: `آزمون ${i + 1}`,
        role: "EXPERT" as const,
        regionId: REGION,
        passwordHash,
        mustChangePassword: false,
      })),
    });
    const t0 = performance.now();
    await seedFiles(
      db,
      FILES,
      REGION,
      experts.map((e) => e.id),
    );
    console.log(`seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const cookies: string[] = [];
    for (const e of experts) cookies.push(await signIn(server.base, e.nationalId, PASSWORD));

    const fetchPage = async (user: number, kind: Kind) => {
      const res = await fetch(`${server.base}${PAGES[kind]}`, { headers: { cookie: cookies[user]! }, redirect: "manual" });
      const body = await res.text();
      if (process.env.BENCH_DEBUG && user === 0)
        console.log(kind, res.status, body.length, /<tbody>.*?<\/tr>/s.exec(body)?.[0].slice(0, 300));
      // A real queue page: a table with rows and the pagination (not a redirect to sign-in).
      return res.status === 200 && body.includes("<tbody") && body.includes("/review/");
    };

    // Correctness first: every kind answers with a table.
    for (const kind of Object.keys(PAGES) as Kind[]) {
      if (!(await fetchPage(0, kind))) throw new Error(`${PAGES[kind]} did not return a queue table`);
    }

    /** Every user asks for first / filtered / deep page in turn until `seconds` have passed. */
    const phase = async (seconds: number, thinkMs: number) => {
      const latencies: Record<Kind, number[]> = { first: [], filtered: [], deep: [] };
      let failures = 0;
      const started = performance.now();
      const until = started + seconds * 1000;
      const kinds = Object.keys(PAGES) as Kind[];
      await Promise.all(
        Array.from({ length: USERS }, async (_, user) => {
          if (thinkMs > 0) await new Promise((r) => setTimeout(r, Math.random() * thinkMs));
          for (let k = user; performance.now() < until; k++) {
            const kind = kinds[k % kinds.length]!;
            const s = performance.now();
            const ok = await fetchPage(user, kind).catch(() => false);
            latencies[kind].push(performance.now() - s);
            if (!ok) failures++;
            if (thinkMs > 0) await new Promise((r) => setTimeout(r, thinkMs * (0.5 + Math.random())));
          }
        }),
      );
      return { latencies, failures, elapsedMs: performance.now() - started };
    };

    await phase(3, 0); // warm-up: connection pools, JIT
    // The ceiling of this machine: a page without database work (/contacts), same users, no think time.
    const baseline = async (seconds: number) => {
      const latencies: number[] = [];
      const started = performance.now();
      await Promise.all(
        Array.from({ length: USERS }, async () => {
          while (performance.now() < started + seconds * 1000) {
            const s = performance.now();
            await (await fetch(`${server.base}/contacts`)).text();
            latencies.push(performance.now() - s);
          }
        }),
      );
      return stats(latencies, performance.now() - started);
    };

    const fmt = (n: number) => n.toFixed(1).padStart(8);
    const report = (title: string, r: Awaited<ReturnType<typeof phase>>) => {
      console.log(`\n${title}`);
      console.log("                          requests   p50 ms   p95 ms   max ms    req/s  failures");
      for (const kind of Object.keys(PAGES) as Kind[]) {
        const x = stats(r.latencies[kind], r.elapsedMs);
        console.log(
          `  ${`${kind} ${PAGES[kind]}`.padEnd(30)}${String(x.requests).padStart(6)} ${fmt(x.p50)} ${fmt(x.p95)} ${fmt(x.max!)} ${fmt(x.perSecond)}`,
        );
      }
      const all = stats(Object.values(r.latencies).flat(), r.elapsedMs);
      console.log(
        `  ${"all".padEnd(30)}${String(all.requests).padStart(6)} ${fmt(all.p50)} ${fmt(all.p95)} ${fmt(all.max!)} ${fmt(all.perSecond)}  ${r.failures}`,
      );
      return all;
    };
    console.log(
      `\n${USERS} concurrent experts, ${FILES} files in one region (2 cores shared by next start, PostgreSQL and this load generator)`,
    );
    const base = await baseline(Math.max(5, SECONDS / 2));
    console.log(
      `\nbaseline /contacts (no database), no think time: p50 ${base.p50.toFixed(1)} ms, p95 ${base.p95.toFixed(1)} ms, ${base.perSecond.toFixed(1)} req/s`,
    );
    const flat = report(`saturation: no think time, ${SECONDS} s`, await phase(SECONDS, 0));
    const paced: string[] = [];
    for (const think of THINK_MS) {
      const r = report(`paced: a page every ${think} ms ± 50 % per expert, ${SECONDS} s`, await phase(SECONDS, think));
      paced.push(`${r.p95.toFixed(0)} ms at ${think} ms think time`);
    }

    // The query alone (this process, the same database), to split database time from rendering.
    try {
      const { listQueue } = await import("@/lib/review/queue");
      const caller = { id: experts[0]!.id, role: "EXPERT" as const, regionId: REGION };
      const cases: [string, object, number][] = [
        ["first", {}, 1],
        ["filtered", { due: "soon", assignee: "none" }, 1],
        ["deep", {}, 150],
        ["search 5001", { q: "۵۰۰۱" }, 1],
        ["national ID", { q: "8000004321" }, 1],
      ];
      console.log("\nlistQueue alone (count + page), 30 sequential calls each:");
      for (const [name, filters, page] of cases) {
        for (let i = 0; i < 5; i++) await listQueue(db, caller, filters, page);
        const s = performance.now();
        for (let i = 0; i < 30; i++) await listQueue(db, caller, filters, page);
        console.log(`  ${name.padEnd(12)} ${((performance.now() - s) / 30).toFixed(1)} ms`);
      }
    } catch (e) {
      console.log(`\n(listQueue timings skipped: ${(e as Error).message.split("\n")[0]}; run with --conditions=react-server)`);
    }
    console.log(
      `\ngoal p95 < 200 ms: saturation ${flat.p95.toFixed(0)} ms, paced ${paced.join(", ")}; queue / baseline throughput at saturation ${(flat.perSecond / base.perSecond).toFixed(2)}`,
    );
  } finally {
    await db.$disconnect();
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

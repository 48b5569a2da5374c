// Benchmark: latency and throughput of a wizard step save (the real server
// action, over HTTP, with a session, optimistic locking and an audit row) at 50 concurrent
// holders against `next start` on the embedded PostgreSQL, next to a trivial route handler
// on the same server. Goal: p95 under 100 ms, throughput ratio at least 0.5.
//   npx tsx bench/wizard-step-save.ts [--no-build] [--users 50] [--saves 20]
import { createPrismaClient } from "@/lib/db-client";
import { declarationAt } from "../tests/helpers/declarations";
import { actionId, callAction, load, signIn, startBenchServer, stats } from "./lib";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const USERS = arg("users", 50);
const SAVES = arg("saves", 20);
const THINK_MS = arg("think", 1000);

async function main() {
  const server = await startBenchServer({ build: !process.argv.includes("--no-build") });
  const db = createPrismaClient(server.databaseUrl, 4);
  try {
    console.log(`Preparing ${USERS} holders with a declaration open at step 2…`);
    const holders: { id: string; nationalId: string; version: number; cookie: string }[] = [];
    for (let i = 0; i < USERS; i++) {
      const f = await declarationAt(db, 2);
      holders.push({ id: f.declaration.id, nationalId: f.holder.nationalId, version: f.declaration.version, cookie: "" });
    }
    for (const h of holders) h.cookie = await signIn(server.base, h.nationalId, "a-holder-password");
    const id = actionId("app/(holder)/declarations/[declarationId]/steps/[step]/save-step-action.ts", "saveStepAction");

    const save = async (user: number, k: number) => {
      const h = holders[user]!;
      const res = await callAction(server.base, `/declarations/${h.id}/steps/2`, id, h.cookie, [
        {
          declarationId: h.id,
          step: 2,
          version: h.version,
          values: { firstName: "علی", lastName: `رضایی${k % 3 ? "" : "ان"}`, fatherName: "محمد" },
          mode: "draft",
        },
      ]);
      if (process.env.BENCH_DEBUG && k === 0 && user === 0)
        console.log(`response ${res.status}, ${res.body.length} chars: ${res.body.slice(0, 300)}`);
      const m = /"version":(\d+)/.exec(res.body);
      if (res.status !== 200 || !m || !res.body.includes('"ok":true')) return false;
      h.version = Number(m[1]);
      return true;
    };
    const health = async () => (await fetch(`${server.base}/api/health`)).ok;

    await load(Math.min(10, USERS), 3, save); // warm-up: the first requests open connection pools
    await load(10, 10, health);

    const fmt = (n: number) => n.toFixed(1).padStart(8);
    const line = (name: string, r: Awaited<ReturnType<typeof load>>) => {
      const x = stats(r.latencies, r.elapsedMs);
      console.log(`${name.padEnd(34)} ${fmt(x.p50)} ${fmt(x.p95)} ${fmt(x.max!)} ${fmt(x.perSecond)}  ${r.failures}`);
      return x;
    };
    console.log(`\n${USERS} concurrent holders, ${SAVES} requests each (2 cores shared by server, PostgreSQL and load generator)`);
    console.log("                                     p50 ms   p95 ms   max ms    req/s  failures");
    // Realistic: a holder's form autosaves at most once per debounce (1.2 s); think time 1 s ± 50 %.
    const bPaced = line("route handler, 1 req/s per holder", await load(USERS, SAVES, health, THINK_MS));
    const sPaced = line("step save, 1 save/s per holder", await load(USERS, SAVES, save, THINK_MS));
    // Saturation: every holder saves again the moment the previous save returns.
    const bFlat = line("route handler, no think time", await load(USERS, SAVES, health));
    const sFlat = line("step save, no think time", await load(USERS, SAVES, save));
    const audits = await db.auditEvent.count({ where: { action: "declaration.step_saved" } });
    console.log(`throughput ratio at saturation (save / route handler): ${(sFlat.perSecond / bFlat.perSecond).toFixed(2)}`);
    console.log(
      `paced: save p95 ${sPaced.p95.toFixed(1)} ms vs route handler p95 ${bPaced.p95.toFixed(1)} ms; audit rows written: ${audits}`,
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

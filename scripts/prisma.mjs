#!/usr/bin/env node
// `node scripts/prisma.mjs <prisma args>`: the Prisma CLI with the environment it needs
// here (see scripts/lib/prisma-cli.mjs). Used by `npm run db:*` and postinstall.
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runPrisma } from "./lib/prisma-cli.mjs";

// DATABASE_URL from the operator's .env, as the app reads it.
createRequire(import.meta.url)("@next/env").loadEnvConfig(path.resolve(path.dirname(fileURLToPath(import.meta.url)), ".."));

runPrisma(process.argv.slice(2)).catch((e) => {
  console.error(e.message);
  process.exit(1);
});

#!/usr/bin/env node
// `node scripts/prisma.mjs <prisma args>`: the Prisma CLI with the environment it needs
// here (see scripts/lib/prisma-cli.mjs). Used by `npm run db:*` and postinstall.
import { runPrisma } from "./lib/prisma-cli.mjs";

runPrisma(process.argv.slice(2)).catch((e) => {
  console.error(e.message);
  process.exit(1);
});

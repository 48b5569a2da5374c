import path from "node:path";
import { defineConfig } from "prisma/config";
import { cliAdapter } from "./prisma/cli-adapter";

// The CLI always runs through scripts/prisma.mjs, which sets DATABASE_URL and
// CHECKPOINT_DISABLE=1 (see docs/decisions/0002-prisma-wasm-schema-engine.md).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => cliAdapter(process.env.DATABASE_URL ?? "postgresql://localhost/pishkhan"),
});

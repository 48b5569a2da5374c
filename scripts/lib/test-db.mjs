// Test databases: one PostgreSQL server (embedded in .data/test, or the server of
// TEST_DATABASE_ADMIN_URL), a migrated template database, and a fresh copy of it for each
// test file (CREATE DATABASE … TEMPLATE is a file copy: milliseconds, not a migration).
import { dropDatabase, ensureDatabase, startEmbeddedPostgres, withDatabase } from "./embedded-db.mjs";
import { runPrisma } from "./prisma-cli.mjs";

export const TEMPLATE_DB = "pishkhan_test_template";

/** Starts the test server unless one is given; returns its admin URL and a stop function. */
export async function startTestServer({ log } = {}) {
  const given = process.env.TEST_DATABASE_ADMIN_URL ?? process.env.DATABASE_URL;
  if (given) return { adminUrl: withDatabase(given, "postgres"), stop: async () => {}, embedded: false };
  const server = await startEmbeddedPostgres({
    baseDir: process.env.TEST_PG_DIR ?? ".data/test",
    port: Number(process.env.TEST_PG_PORT ?? 54339),
    fast: true,
    fresh: true,
    log,
  });
  return { adminUrl: server.adminUrl(), stop: () => server.stop(), embedded: true };
}

/** (Re)creates the migrated template database. */
export async function prepareTemplate(adminUrl) {
  await dropDatabase(adminUrl, TEMPLATE_DB);
  await ensureDatabase(adminUrl, TEMPLATE_DB);
  await runPrisma(["migrate", "deploy"], { databaseUrl: withDatabase(adminUrl, TEMPLATE_DB), quiet: true });
}

export async function createDatabaseFromTemplate(adminUrl, name) {
  await ensureDatabase(adminUrl, name, TEMPLATE_DB);
  return withDatabase(adminUrl, name);
}

export { dropDatabase, withDatabase };

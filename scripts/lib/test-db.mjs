// Test databases: one PostgreSQL server (embedded in .data/test, or the server of
// TEST_DATABASE_ADMIN_URL), a migrated template database, and a fresh copy of it for each
// test file (CREATE DATABASE … TEMPLATE is a file copy: milliseconds, not a migration).
import fs from "node:fs";
import net from "node:net";
import { AlreadyRunningError, dropDatabase, ensureDatabase, startEmbeddedPostgres, withDatabase } from "./embedded-db.mjs";
import { runPrisma } from "./prisma-cli.mjs";

export const TEMPLATE_DB = "pishkhan_test_template";

/** Starts the test server unless one is given; returns its admin URL and a stop function. */
export async function startTestServer({ log } = {}) {
  const given = process.env.TEST_DATABASE_ADMIN_URL ?? process.env.DATABASE_URL;
  if (given) return { adminUrl: withDatabase(given, "postgres"), stop: async () => {}, embedded: false };
  const opts = { fast: true, fresh: true, log };
  const port = Number(process.env.TEST_PG_PORT ?? 54339);
  try {
    // The usual port is taken (another checkout's tests): fall back below, as for a second run here.
    if (!process.env.TEST_PG_PORT && !(await portFree(port))) throw new AlreadyRunningError(`port ${port} is in use`);
    const server = await startEmbeddedPostgres({ ...opts, baseDir: process.env.TEST_PG_DIR ?? ".data/test", port });
    return { adminUrl: server.adminUrl(), stop: () => server.stop(), embedded: true };
  } catch (e) {
    if (!(e instanceof AlreadyRunningError) || process.env.TEST_PG_DIR) throw e;
    // Another test run holds .data/test or its port (two `npx jest` at once): this one gets a server of its own.
    const baseDir = `.data/test-${process.pid}`;
    const server = await startEmbeddedPostgres({ ...opts, baseDir, port: await freePort() });
    return {
      adminUrl: server.adminUrl(),
      stop: async () => {
        await server.stop();
        fs.rmSync(baseDir, { recursive: true, force: true });
      },
      embedded: true,
    };
  }
}

function portFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
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

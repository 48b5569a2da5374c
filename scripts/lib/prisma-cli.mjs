// Runs the Prisma CLI the only way that works offline (docs/decisions/0002): with
// DATABASE_URL always set (unset, Prisma 6 tries to download a query engine) and
// CHECKPOINT_DISABLE=1 (no telemetry call). The schema engine is the WebAssembly one
// selected in prisma.config.ts.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export function runPrisma(args, { databaseUrl, quiet = false } = {}) {
  const cli = require.resolve("prisma/build/index.js");
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl ?? process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused",
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    PRISMA_SKIP_POSTINSTALL_GENERATE: "1",
  };
  return new Promise((resolve, reject) => {
    let output = "";
    const child = spawn(process.execPath, [cli, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    const collect = (stream, sink) =>
      stream.on("data", (chunk) => {
        output += chunk;
        if (!quiet) sink.write(chunk);
      });
    collect(child.stdout, process.stdout);
    collect(child.stderr, process.stderr);
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`prisma ${args.join(" ")} exited with ${code}\n${quiet ? output : ""}`)),
    );
  });
}

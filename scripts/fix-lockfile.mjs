#!/usr/bin/env node
// The npm registry this project can reach serves only some platforms' builds of packages
// with per-platform optional binaries (@next/swc-*, @tailwindcss/oxide-*, …). `npm install`
// then leaves those optional packages out of package-lock.json, and `npm ci` refuses the
// lock as "out of sync". This adds a lock entry for each missing platform package, marked
// optional and restricted to its platform, so `npm ci` skips it without fetching it.
// Runs after every install (postinstall); see docs/decisions/0004-lockfile-platform-stubs.md.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const lockPath = path.join(root, "package-lock.json");
if (!fs.existsSync(lockPath)) process.exit(0);
const lock = JSON.parse(fs.readFileSync(lockPath, "utf8"));
const packages = lock.packages ?? {};

const OS = ["android", "darwin", "win32", "freebsd", "openbsd", "sunos", "aix", "openharmony", "linux", "netbsd"];
const CPU = [
  ["arm64", "arm64"],
  ["x64", "x64"],
  ["ia32", "ia32"],
  ["loong64", "loong64"],
  ["ppc64", "ppc64"],
  ["riscv64", "riscv64"],
  ["s390x", "s390x"],
  ["wasm32", "wasm32"],
  ["arm", "arm"],
];

function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = OS.find((o) => parts.includes(o));
  const cpu = CPU.find(([token]) => parts.includes(token))?.[1];
  const libc = parts.some((p) => p.startsWith("musl"))
    ? "musl"
    : parts.some((p) => p.startsWith("gnu")) && os === "linux"
      ? "glibc"
      : undefined;
  return { os, cpu, libc };
}

function resolves(fromKey, name) {
  // Node's resolution: from the parent's directory upwards through node_modules folders.
  let dir = fromKey;
  for (;;) {
    const candidate = dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`;
    if (packages[candidate]) return true;
    if (!dir) return false;
    const idx = dir.lastIndexOf("/node_modules/");
    dir = idx === -1 ? "" : dir.slice(0, idx);
  }
}

let added = 0;
for (const [key, pkg] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    if (resolves(key, name)) continue;
    const { os, cpu, libc } = platformOf(name);
    if (!os && !cpu) continue; // not a platform package: leave npm's decision alone
    const entry = { version: String(version).replace(/^[\^~]/, ""), optional: true };
    if (pkg.dev) entry.dev = true;
    if (cpu) entry.cpu = [cpu];
    if (os) entry.os = [os];
    if (libc) entry.libc = [libc];
    packages[`node_modules/${name}`] = entry;
    added += 1;
  }
}

if (added > 0) {
  lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
  fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(`[fix-lockfile] added ${added} platform-only optional packages to package-lock.json`);
}

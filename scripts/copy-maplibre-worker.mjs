#!/usr/bin/env node
// Copies MapLibre GL's web worker into public/maplibre/ (git-ignored). Runs at every
// install (postinstall), so the copy always matches the installed maplibre-gl; the file
// name carries the version, so a stale copy shows up as a 404 instead of a mismatch.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// MapLibre GL 6 starts its web worker from a separate ES module (dist/maplibre-gl-worker.mjs)
// whose URL it derives at run time from its own module URL; Next.js (Turbopack or webpack) does
// not emit that file, so the map would stay blank. The MapLibre docs' recipe for Next.js is to
// serve the worker from public/ and call setWorkerUrl(): components/map/map-picker.tsx points at
// /maplibre/maplibre-gl-worker-<getVersion()>.js. In 6.17 the worker is self-contained (the
// "shared" chunk is empty); if a later version imports siblings, copy them too.
const maplibreDir = path.join(root, "node_modules", "maplibre-gl");
const maplibreVersion = JSON.parse(fs.readFileSync(path.join(maplibreDir, "package.json"), "utf8")).version;
const workerSource = fs.readFileSync(path.join(maplibreDir, "dist", "maplibre-gl-worker.mjs"), "utf8");
const shared = path.join(maplibreDir, "dist", "maplibre-gl-shared.mjs");
if (/maplibre-gl-shared/.test(workerSource) && fs.existsSync(shared) && fs.statSync(shared).size > 0) {
  throw new Error("maplibre-gl-worker.mjs imports maplibre-gl-shared.mjs: copy it next to the worker as well");
}
const workerDir = path.join(root, "public", "maplibre");
fs.mkdirSync(workerDir, { recursive: true });
for (const old of fs.readdirSync(workerDir)) {
  if (/^maplibre-gl-worker-.*\.js$/.test(old)) fs.rmSync(path.join(workerDir, old));
}
// .js rather than .mjs so that every static server sends a JavaScript MIME type (module workers
// require one); the source map reference is dropped because the map file is not copied.
const workerPath = path.join(workerDir, `maplibre-gl-worker-${maplibreVersion}.js`);
fs.writeFileSync(workerPath, workerSource.replace(/\n\/\/# sourceMappingURL=.*\s*$/, "\n"));

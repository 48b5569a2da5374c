#!/usr/bin/env node
// Build-time assets of the step 6 map (موقعیت مکانی). Generates:
//   public/geo/iran.geojson  — Iran's outline (Natural Earth admin-0 countries, public domain,
//                              via world-atlas), drawn by the offline map style
//   lib/geo/iran-outline.ts  — the same rings as a typed constant, plus the coastline, for
//                              lib/geo/location-check.ts (browser and server)
//
// (MapLibre's worker file is copied by scripts/copy-maplibre-worker.mjs at install.)
//
//   node scripts/extract-iran-geojson.mjs [--resolution 10m|50m] [--tolerance 0.002]
//
// Why 10m and not 50m by default: at 1:50m, the provincial capitals Bushehr and Bandar Abbas,
// and Chabahar, Jask, Astara, Kish and Kharg all fall outside the outline (50m has only two
// polygons: the mainland and Qeshm). 1:10m has the Persian Gulf islands and a coast within
// about 1 km; simplified with Douglas–Peucker (default tolerance 0.002° ≈ 200 m) it is still
// small. `--resolution 50m` gives the coarser outline.
//
// Each topology arc used by Iran is decoded, simplified once (end points kept, so shared
// vertices stay identical), rounded to 4 decimals (≈ 11 m), and then assembled into rings with
// topojson-client. Arcs used by no other country are the coastline (Caspian, Persian Gulf,
// Sea of Oman); they are listed separately so the location check can forgive a point a little
// off the coast without forgiving one across a land border.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const { feature } = require("topojson-client");

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const IRAN_ID = "364"; // ISO 3166-1 numeric

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const resolution = option("resolution", "10m");
const tolerance = Number(option("tolerance", "0.002"));
if (!["10m", "50m", "110m"].includes(resolution)) throw new Error(`unknown resolution ${resolution}`);
if (!(tolerance >= 0)) throw new Error(`bad tolerance ${tolerance}`);

const source = path.join(root, "node_modules", "world-atlas", `countries-${resolution}.json`);
const topology = JSON.parse(fs.readFileSync(source, "utf8"));
const atlasVersion = JSON.parse(fs.readFileSync(path.join(root, "node_modules", "world-atlas", "package.json"), "utf8")).version;
const countries = topology.objects.countries;
const iran = countries.geometries.find((g) => g.id === IRAN_ID);
if (!iran) throw new Error(`Iran (id ${IRAN_ID}) not found in ${source}`);

// Arc indices of a geometry (negative index ~i means arc i reversed).
function arcIndices(geometry) {
  const out = [];
  const walk = (a) => (Array.isArray(a) ? a.forEach(walk) : out.push(a < 0 ? ~a : a));
  walk(geometry.arcs ?? []);
  return out;
}

// How many countries use each arc: 1 → coastline, 2 → land border.
const usage = new Map();
for (const g of countries.geometries) for (const i of new Set(arcIndices(g))) usage.set(i, (usage.get(i) ?? 0) + 1);

function decodeArc(i) {
  const arc = topology.arcs[i];
  if (!topology.transform) return arc.map((p) => [p[0], p[1]]);
  const { scale, translate } = topology.transform;
  let x = 0;
  let y = 0;
  return arc.map((p) => {
    x += p[0];
    y += p[1];
    return [x * scale[0] + translate[0], y * scale[1] + translate[1]];
  });
}

// Douglas–Peucker on a polyline, planar in degrees (good enough at ε = a few hundred metres).
function simplify(points, eps) {
  if (eps === 0 || points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    const [ax, ay] = points[a];
    const [bx, by] = points[b];
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    let worst = -1;
    let worstD = 0;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = points[i];
      let t = len2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
      t = Math.max(0, Math.min(1, t));
      const d = Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
      if (d > worstD) {
        worstD = d;
        worst = i;
      }
    }
    if (worst >= 0 && worstD > eps) {
      keep[worst] = 1;
      stack.push([a, worst], [worst, b]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

const round4 = (v) => Math.round(v * 1e4) / 1e4;
function dedupe(points) {
  return points.filter((p, i) => i === 0 || p[0] !== points[i - 1][0] || p[1] !== points[i - 1][1]);
}

// Decode + simplify + round Iran's arcs into a plain (untransformed) topology.
const iranArcs = [...new Set(arcIndices(iran))];
const arcs = topology.arcs.map(() => []);
for (const i of iranArcs) {
  const full = decodeArc(i);
  const closed = full.length > 3 && full[0][0] === full.at(-1)[0] && full[0][1] === full.at(-1)[1];
  let simple = dedupe(simplify(full, tolerance).map(([x, y]) => [round4(x), round4(y)]));
  // A small island that collapses below a valid ring keeps its full detail.
  if (closed && simple.length < 4) simple = dedupe(full.map(([x, y]) => [round4(x), round4(y)]));
  arcs[i] = simple;
}
const plain = { type: "Topology", arcs, objects: { iran } };
const geometry = feature(plain, iran).geometry;
const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
for (const polygon of polygons) {
  for (const ring of polygon) {
    if (ring.length < 4) throw new Error("degenerate ring after simplification");
  }
}
const coastline = iranArcs.filter((i) => usage.get(i) === 1).map((i) => arcs[i]);

const points = polygons.flat(2);
const lats = points.map((p) => p[1]);
const lngs = points.map((p) => p[0]);
const bbox = {
  minLat: Math.min(...lats),
  maxLat: Math.max(...lats),
  minLng: Math.min(...lngs),
  maxLng: Math.max(...lngs),
};
const sourceNote = `Natural Earth 1:${resolution} admin-0 (public domain) via world-atlas ${atlasVersion}, Douglas–Peucker ${tolerance}°, 4 decimals`;

// public/geo/iran.geojson
const geojson = {
  type: "FeatureCollection",
  features: [
    {
      type: "Feature",
      properties: { name: "Iran", nameFa: "ایران", source: sourceNote },
      geometry: { type: "MultiPolygon", coordinates: polygons },
    },
  ],
};
const geojsonPath = path.join(root, "public", "geo", "iran.geojson");
fs.mkdirSync(path.dirname(geojsonPath), { recursive: true });
fs.writeFileSync(geojsonPath, JSON.stringify(geojson) + "\n");

// lib/geo/iran-outline.ts
const json = (v) => JSON.stringify(v);
const polygonLines = polygons.map((polygon) => `  [\n${polygon.map((ring) => `    ${json(ring)},`).join("\n")}\n  ],`).join("\n");
const ts = `// GENERATED by scripts/extract-iran-geojson.mjs — do not edit by hand; re-run the script.
// Source: ${sourceNote}.
// Same rings as public/geo/iran.geojson. Coordinates are [lng, lat] (GeoJSON order).

/** A position in GeoJSON order: longitude first. */
export type LngLat = readonly [lng: number, lat: number];
/** A closed ring (first position = last position). */
export type Ring = readonly LngLat[];
/** First ring is the outer boundary, any further rings are holes. */
export type Polygon = readonly Ring[];

export const IRAN_OUTLINE_SOURCE = ${json(sourceNote)};

/** Iran as a MultiPolygon: the mainland and the islands. */
export const IRAN_POLYGONS: readonly Polygon[] = [
${polygonLines}
];

/** The parts of the outline that are sea coast (not shared with a neighbouring country). */
export const IRAN_COASTLINE: readonly (readonly LngLat[])[] = [
${coastline.map((line) => `  ${json(line)},`).join("\n")}
];

/** Bounding box of IRAN_POLYGONS. */
export const IRAN_BBOX = ${json(bbox)} as const;
`;
const tsPath = path.join(root, "lib", "geo", "iran-outline.ts");
fs.writeFileSync(tsPath, ts);

const kb = (p) => `${(fs.statSync(p).size / 1024).toFixed(1)} kB`;
console.log(
  `Iran ${resolution}: ${polygons.length} polygons, ${points.length} positions, ` +
    `${coastline.length} coast lines (${coastline.flat().length} positions)`,
);
console.log(`${path.relative(root, geojsonPath)} ${kb(geojsonPath)}`);
console.log(`${path.relative(root, tsPath)} ${kb(tsPath)}`);

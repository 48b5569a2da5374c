// Checks for the office location of wizard step 6 (موقعیت مکانی). Pure TypeScript, no framework
// imports: the map picker runs it in the browser for immediate feedback and the server action
// runs the same code before saving.
//
// HOW PRECISE THIS IS
// - Outline: Natural Earth 1:10m admin-0 (via world-atlas), simplified to ≈ 200 m and rounded to
//   4 decimals (see scripts/extract-iran-geojson.mjs). Its borders and coasts are within about
//   1–2 km of the real ones. Land borders are taken as they are, so a point within ~1–2 km of a
//   land border may be judged on the wrong side. Along the sea coast the test is lenient: a
//   point up to COAST_TOLERANCE_KM off the coastline still counts as inside, because coastal
//   cities (Bandar Abbas, Bushehr, Chabahar…) sit right on a generalised coastline and would
//   otherwise be refused. Islands missing from 1:10m (tiny ones) are only accepted within that
//   tolerance of a mapped coast. (The coarser 1:50m outline puts Bushehr, Bandar Abbas, Kish
//   and Kharg outside Iran; it is not used.)
// - Province: guessed by the nearest provincial capital (great-circle distance), i.e. a Voronoi
//   approximation of the provinces. It is right around the capitals and can be wrong near
//   province borders, for large provinces (Kerman, Sistan and Baluchestan, Khorasan Razavi) and
//   close capitals (Tehran–Karaj–Qom). So a mismatch with the declared province is only ever a
//   WARNING the holder may accept; being outside Iran (or invalid numbers) is the only refusal.
// - Precision of the input: any number of decimals is accepted (6 decimals ≈ 0.1 m; more is
//   pointless but harmless).

import { normalizePersianLetters, toAsciiDigits } from "../validation/normalize";
import { IRAN_BBOX, IRAN_COASTLINE, IRAN_POLYGONS, type LngLat, type Polygon, type Ring } from "./iran-outline";
import { PROVINCE_CAPITALS } from "./provinces-geo";

/** A point up to this far (km) out to sea from the mapped coastline still counts as in Iran. */
const COAST_TOLERANCE_KM = 3;

const EARTH_RADIUS_KM = 6371.0088;
const DEG = Math.PI / 180;

export const LOCATION_MESSAGES = {
  invalid:
    "مختصات واردشده معتبر نیست. عرض جغرافیایی عددی بین ۹۰ درجه جنوبی و ۹۰ درجه شمالی و طول جغرافیایی عددی بین ۱۸۰ درجه غربی و ۱۸۰ درجه شرقی است (در ایران: عرض حدود ۲۵ تا ۴۰ و طول حدود ۴۴ تا ۶۳).",
  outside: "نقطه انتخاب‌شده خارج از ایران است. محل دفتر را روی نقشه ایران مشخص کنید.",
  swapped: "به نظر می‌رسد عرض و طول جغرافیایی جابه‌جا وارد شده‌اند.",
  provinceMismatch: (detected: string, declared: string) =>
    `این نقطه به نظر در استان ${detected} است، اما استان دفتر ${declared} اعلام شده است. اگر مطمئن هستید، ادامه دهید.`,
} as const;

export type LocationCheck = { ok: boolean; error?: string; warning?: string };

function isValidLatLng(lat: number, lng: number): boolean {
  return (
    typeof lat === "number" &&
    typeof lng === "number" &&
    Number.isFinite(lat) &&
    Number.isFinite(lng) &&
    Math.abs(lat) <= 90 &&
    Math.abs(lng) <= 180
  );
}

/** Even–odd ray casting; x = longitude, y = latitude. */
function inRing(lng: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the outer ring (the first) and in none of the holes (the others). */
function inPolygon(lng: number, lat: number, polygon: Polygon): boolean {
  const [outer, ...holes] = polygon;
  if (!outer || !inRing(lng, lat, outer)) return false;
  return !holes.some((hole) => inRing(lng, lat, hole));
}

/** Shortest distance (km) from a point to a polyline, in a local flat projection (fine for a few km). */
function distanceToLineKm(lat: number, lng: number, line: readonly LngLat[]): number {
  const kx = Math.cos(lat * DEG) * DEG * EARTH_RADIUS_KM;
  const ky = DEG * EARTH_RADIUS_KM;
  let best = Infinity;
  for (let i = 0; i + 1 < line.length; i++) {
    const [x1, y1] = line[i]!;
    const [x2, y2] = line[i + 1]!;
    const ax = (x1 - lng) * kx;
    const ay = (y1 - lat) * ky;
    const dx = (x2 - x1) * kx;
    const dy = (y2 - y1) * ky;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
    const d = Math.hypot(ax + t * dx, ay + t * dy);
    if (d < best) best = d;
  }
  return best;
}

/** Whether (lat, lng) lies in Iran: mainland or islands, or within COAST_TOLERANCE_KM off the coast. */
export function isInsideIran(lat: number, lng: number): boolean {
  if (!isValidLatLng(lat, lng)) return false;
  // Cheap rejection: outside the outline's box widened by the coast tolerance (≤ 0.04° here).
  const margin = COAST_TOLERANCE_KM / 75;
  if (
    lat < IRAN_BBOX.minLat - margin ||
    lat > IRAN_BBOX.maxLat + margin ||
    lng < IRAN_BBOX.minLng - margin ||
    lng > IRAN_BBOX.maxLng + margin
  ) {
    return false;
  }
  if (IRAN_POLYGONS.some((polygon) => inPolygon(lng, lat, polygon))) return true;
  return IRAN_COASTLINE.some((line) => distanceToLineKm(lat, lng, line) <= COAST_TOLERANCE_KM);
}

/** Great-circle (haversine) distance in km. */
export function greatCircleKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const dLat = (lat2 - lat1) * DEG;
  const dLng = (lng2 - lng1) * DEG;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * DEG) * Math.cos(lat2 * DEG) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The province whose capital is nearest (great circle) — an approximation of the province that
 * contains the point (see the note at the top of this file). Always returns one of the 31 names.
 */
export function nearestProvince(lat: number, lng: number): string {
  let bestName = "";
  let bestKm = Infinity;
  for (const [name, c] of Object.entries(PROVINCE_CAPITALS)) {
    const km = greatCircleKm(lat, lng, c.lat, c.lng);
    if (km < bestKm) {
      bestKm = km;
      bestName = name;
    }
  }
  return bestName;
}

/** Canonical spelling of a province name as typed or stored (Arabic ي/ك, stray spaces). */
function canonicalProvince(name: string): string {
  return normalizePersianLetters(name).replace(/\s+/g, " ").trim();
}

/**
 * The step 6 rule: the point must be valid and in Iran (error otherwise); it should be in the
 * declared province (warning otherwise, never an error). With no declared province, or a name
 * that is not one of the 31, there is nothing to compare and no warning.
 */
export function checkLocation(lat: number, lng: number, declaredProvince: string | null): LocationCheck {
  if (!isValidLatLng(lat, lng)) return { ok: false, error: LOCATION_MESSAGES.invalid };
  if (!isInsideIran(lat, lng)) {
    const swapped = isInsideIran(lng, lat);
    return { ok: false, error: swapped ? `${LOCATION_MESSAGES.outside} ${LOCATION_MESSAGES.swapped}` : LOCATION_MESSAGES.outside };
  }
  if (declaredProvince) {
    const declared = canonicalProvince(declaredProvince);
    if (Object.prototype.hasOwnProperty.call(PROVINCE_CAPITALS, declared)) {
      const detected = nearestProvince(lat, lng);
      if (detected !== declared) return { ok: true, warning: LOCATION_MESSAGES.provinceMismatch(detected, declared) };
    }
  }
  return { ok: true };
}

/**
 * Parses a typed coordinate: Persian (۰-۹) or Arabic (٠-٩) digits, «٫» «.» «,» or «/» as the
 * decimal separator, an optional sign and degree mark, surrounding spaces, invisible bidi marks.
 * Returns null when the text is not a single decimal number (e.g. «35 68» or «1e3»).
 */
export function parseCoordinate(input: string): number | null {
  const text = toAsciiDigits(input)
    .replace(/[\u200C-\u200F\u202A-\u202E\u2066-\u2069]/g, "")
    .trim()
    .replace(/\s*[°º]$/, "")
    .replace(/[\u2212\u2012\u2013]/g, "-")
    .replace(/[٫,/،]/g, ".");
  if (!/^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

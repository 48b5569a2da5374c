"use client";

// Step 6 (موقعیت مکانی): the holder marks the office on a map, or types its coordinates.
//
// Map engines, chosen at build time by public env variables (inlined by Next.js):
// - default: MapLibre with an OFFLINE style built below — a background, Iran's outline from
//   /geo/iran.geojson (scripts/extract-iran-geojson.mjs) and the 31 provincial capitals as
//   circles. No tiles, glyphs (fonts) or sprites, so nothing is fetched from the internet; there
//   are no text labels because labels need a glyph server.
// - NEXT_PUBLIC_MAP_STYLE_URL: a production style (self-hosted tile server) for MapLibre.
//   Persian labels in such a style need the RTL text plugin: set
//   NEXT_PUBLIC_MAP_RTL_TEXT_PLUGIN_URL to a self-hosted copy of @mapbox/mapbox-gl-rtl-text.
// - NEXT_PUBLIC_MAPBOX_TOKEN: Mapbox GL with that token and mapbox streets-v12 (network).
// Both GL libraries are loaded by react-map-gl with a dynamic import, so only the engine in use
// is downloaded; this whole module is itself loaded lazily (lazy-map-picker.tsx).
//
// Keyboard / screen-reader alternative: the two coordinate inputs below the map. Typing a valid
// pair updates the value (no separate "save point" button) and moves the map to it.

import "maplibre-gl/dist/maplibre-gl.css";
import "mapbox-gl/dist/mapbox-gl.css";
import { useId, useMemo, useRef, useState } from "react";
import type { StyleSpecification } from "maplibre-gl";
import MaplibreMap, {
  Marker as MaplibreMarker,
  NavigationControl as MaplibreNavigationControl,
  type MapLayerMouseEvent,
  type MarkerDragEvent as MaplibreMarkerDragEvent,
} from "react-map-gl/maplibre";
import MapboxMap, {
  Marker as MapboxMarker,
  NavigationControl as MapboxNavigationControl,
  type MapMouseEvent as MapboxMouseEvent,
  type MarkerDragEvent as MapboxMarkerDragEvent,
} from "react-map-gl/mapbox";
import { toPersianDigits } from "@/lib/format/digits";
import { checkLocation, isInsideIran, parseCoordinate } from "@/lib/geo/location-check";
import { PROVINCE_CAPITALS, provinceCapital } from "@/lib/geo/provinces-geo";

export type LatLng = { lat: number; lng: number };

export type MapPickerProps = {
  /** The chosen point, or null when none has been chosen yet. */
  value: LatLng | null;
  /** Called with the new point after a click, a drag, or when both typed coordinates are numbers. */
  onChange: (value: LatLng) => void;
  /** The province declared in step 5 (a name from lib/geo/regions.ts), for the province warning. */
  declaredProvince: string | null;
};

const MAP_LABEL = "نقشه محل دفتر؛ برای انتخاب محل روی نقشه کلیک کنید یا مختصات را وارد کنید";

const STYLE_URL = process.env.NEXT_PUBLIC_MAP_STYLE_URL || null;
const MAPBOX_TOKEN = process.env.NEXT_PUBLIC_MAPBOX_TOKEN || null;
const RTL_TEXT_PLUGIN_URL = process.env.NEXT_PUBLIC_MAP_RTL_TEXT_PLUGIN_URL || null;
const MAPBOX_STYLE = "mapbox://styles/mapbox/streets-v12";
/** With real tiles the map can be zoomed to street level; the offline outline shows no detail. */
const DETAILED = Boolean(STYLE_URL || MAPBOX_TOKEN);

// UI strings of the map controls (English by default). Unknown keys are ignored by each engine.
const MAP_LOCALE: Record<string, string> = {
  "Map.Title": "نقشه؛ با کلیدهای جهت‌نما جابه‌جا شوید و با + و − بزرگ‌نمایی کنید",
  "Marker.Title": "نشانگر محل دفتر",
  "NavigationControl.ZoomIn": "بزرگ‌نمایی",
  "NavigationControl.ZoomOut": "کوچک‌نمایی",
  "NavigationControl.ResetBearing": "بازگرداندن جهت",
  "AttributionControl.ToggleAttribution": "نمایش یا پنهان کردن منابع نقشه",
  "AttributionControl.MapFeedback": "بازخورد درباره نقشه",
  "FullscreenControl.Enter": "تمام‌صفحه",
  "FullscreenControl.Exit": "خروج از تمام‌صفحه",
  "GeolocateControl.FindMyLocation": "یافتن موقعیت من",
  "GeolocateControl.LocationNotAvailable": "موقعیت در دسترس نیست",
  "LogoControl.Title": "نشان نقشه",
  "Popup.Close": "بستن",
  "ScaleControl.Feet": "فوت",
  "ScaleControl.Meters": "متر",
  "ScaleControl.Kilometers": "کیلومتر",
  "ScaleControl.Miles": "مایل",
  "ScaleControl.NauticalMiles": "مایل دریایی",
  "GlobeControl.Enable": "نمایش کره",
  "GlobeControl.Disable": "نمایش مسطح",
  "TerrainControl.Enable": "نمایش پستی و بلندی",
  "TerrainControl.Disable": "پنهان کردن پستی و بلندی",
  "CooperativeGesturesHandler.WindowsHelpText": "برای بزرگ‌نمایی، Ctrl را نگه دارید و بچرخانید",
  "CooperativeGesturesHandler.MacHelpText": "برای بزرگ‌نمایی، ⌘ را نگه دارید و بچرخانید",
  "CooperativeGesturesHandler.MobileHelpText": "برای جابه‌جایی نقشه از دو انگشت استفاده کنید",
  "ScrollZoomBlocker.CtrlMessage": "برای بزرگ‌نمایی، Ctrl را نگه دارید و بچرخانید",
  "ScrollZoomBlocker.CmdMessage": "برای بزرگ‌نمایی، ⌘ را نگه دارید و بچرخانید",
  "TouchPanBlocker.Message": "برای جابه‌جایی نقشه از دو انگشت استفاده کنید",
};

/** Iran's extent as [[west, south], [east, north]] (longitude first, as the map libraries expect). */
const IRAN_BOUNDS: [[number, number], [number, number]] = [
  [44, 25],
  [63.4, 39.8],
];

// MapLibre GL 6 runs its web worker from a separate ES module file that Next.js does not emit;
// scripts/extract-iran-geojson.mjs copies it to public/maplibre/ under the library's version.
// (Mapbox GL inlines its worker, nothing to do there.)
let maplibreModule: Promise<typeof import("maplibre-gl")> | null = null;
function loadMaplibre(): Promise<typeof import("maplibre-gl")> {
  maplibreModule ??= import("maplibre-gl").then((lib) => {
    if (!lib.getWorkerUrl()) {
      lib.setWorkerUrl(new URL(`/maplibre/maplibre-gl-worker-${lib.getVersion()}.js`, window.location.href).href);
    }
    return lib;
  });
  return maplibreModule;
}

type InitialView =
  | { longitude: number; latitude: number; zoom: number }
  | { bounds: [[number, number], [number, number]]; fitBoundsOptions: { padding: number } };

/** The part of a map instance the picker drives (both engines have it). */
type MapApi = { easeTo(options: { center: [number, number]; duration?: number }): unknown };

const isValidLatLng = (p: LatLng | null): p is LatLng =>
  p !== null && Number.isFinite(p.lat) && Number.isFinite(p.lng) && Math.abs(p.lat) <= 90 && Math.abs(p.lng) <= 180;

/** 6 decimals ≈ 0.1 m: more than enough for an office, and keeps stored values short. */
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;
const formatCoordinate = (n: number) => toPersianDigits(round6(n));

function initialViewFor(value: LatLng | null, declaredProvince: string | null): InitialView {
  if (isValidLatLng(value)) return { longitude: value.lng, latitude: value.lat, zoom: DETAILED ? 15 : 9 };
  const capital = declaredProvince ? provinceCapital(declaredProvince) : null;
  if (capital) return { longitude: capital.lng, latitude: capital.lat, zoom: DETAILED ? 11 : 6 };
  return { bounds: IRAN_BOUNDS, fitBoundsOptions: { padding: 16 } };
}

function offlineStyle(declaredProvince: string | null): StyleSpecification {
  // An absolute URL: the GeoJSON is fetched by a web worker, whose base URL is not the page.
  const outlineUrl = typeof window === "undefined" ? "/geo/iran.geojson" : new URL("/geo/iran.geojson", window.location.href).href;
  return {
    version: 8,
    name: "pishkhan-offline",
    sources: {
      iran: { type: "geojson", data: outlineUrl, attribution: "Natural Earth" },
      capitals: {
        type: "geojson",
        data: {
          type: "FeatureCollection",
          features: Object.entries(PROVINCE_CAPITALS).map(([province, c]) => ({
            type: "Feature" as const,
            properties: { province, capital: c.capital },
            geometry: { type: "Point" as const, coordinates: [c.lng, c.lat] },
          })),
        },
      },
    },
    layers: [
      { id: "background", type: "background", paint: { "background-color": "#dbe7f3" } },
      { id: "iran-fill", type: "fill", source: "iran", paint: { "fill-color": "#fbfaf7" } },
      { id: "iran-outline", type: "line", source: "iran", paint: { "line-color": "#475569", "line-width": 1.5 } },
      {
        id: "capitals",
        type: "circle",
        source: "capitals",
        paint: {
          // The declared province's capital stands out, so the holder sees where to look.
          "circle-radius": ["case", ["==", ["get", "province"], declaredProvince ?? ""], 6, 4],
          "circle-color": ["case", ["==", ["get", "province"], declaredProvince ?? ""], "#b45309", "#0f766e"],
          "circle-stroke-color": "#ffffff",
          "circle-stroke-width": 1.5,
        },
      },
    ],
  };
}

type ViewProps = {
  initialViewState: InitialView;
  marker: LatLng | null;
  onPick: (value: LatLng) => void;
  onApi: (api: MapApi | null) => void;
  onFail: () => void;
  declaredProvince: string | null;
};

function MaplibreView({ initialViewState, marker, onPick, onApi, onFail, declaredProvince }: ViewProps) {
  const mapStyle = useMemo(() => STYLE_URL ?? offlineStyle(declaredProvince), [declaredProvince]);
  // (Never on the server: the picker is meant to be loaded through lazy-map-picker.tsx anyway.)
  const [mapLib] = useState(() => (typeof window === "undefined" ? undefined : loadMaplibre()));
  return (
    <MaplibreMap
      ref={(map) => onApi(map)}
      mapLib={mapLib}
      initialViewState={initialViewState}
      mapStyle={mapStyle}
      locale={MAP_LOCALE}
      {...(RTL_TEXT_PLUGIN_URL ? { RTLTextPlugin: RTL_TEXT_PLUGIN_URL } : {})}
      minZoom={3}
      maxZoom={DETAILED ? 19 : 12}
      cursor="crosshair"
      style={{ width: "100%", height: "100%" }}
      onClick={(e: MapLayerMouseEvent) => onPick({ lat: round6(e.lngLat.lat), lng: round6(e.lngLat.lng) })}
      onError={(e) => {
        // target null: the map could not be created at all (no WebGL); other errors (a tile
        // that failed to load) leave a usable map.
        if (!e.target) onFail();
      }}
    >
      <MaplibreNavigationControl position="top-left" showCompass={false} />
      {marker ? (
        <MaplibreMarker
          longitude={marker.lng}
          latitude={marker.lat}
          anchor="bottom"
          color="#b91c1c"
          draggable
          onDragEnd={(e: MaplibreMarkerDragEvent) => onPick({ lat: round6(e.lngLat.lat), lng: round6(e.lngLat.lng) })}
        />
      ) : null}
    </MaplibreMap>
  );
}

function MapboxView({ initialViewState, marker, onPick, onApi, onFail }: ViewProps) {
  return (
    <MapboxMap
      ref={(map) => onApi(map)}
      mapboxAccessToken={MAPBOX_TOKEN ?? undefined}
      initialViewState={initialViewState}
      mapStyle={MAPBOX_STYLE}
      locale={MAP_LOCALE}
      minZoom={3}
      maxZoom={19}
      cursor="crosshair"
      style={{ width: "100%", height: "100%" }}
      onClick={(e: MapboxMouseEvent) => onPick({ lat: round6(e.lngLat.lat), lng: round6(e.lngLat.lng) })}
      onError={(e) => {
        if (!e.target) onFail();
      }}
    >
      <MapboxNavigationControl position="top-left" showCompass={false} />
      {marker ? (
        <MapboxMarker
          longitude={marker.lng}
          latitude={marker.lat}
          anchor="bottom"
          color="#b91c1c"
          draggable
          onDragEnd={(e: MapboxMarkerDragEvent) => onPick({ lat: round6(e.lngLat.lat), lng: round6(e.lngLat.lng) })}
        />
      ) : null}
    </MapboxMap>
  );
}

export default function MapPicker({ value, onChange, declaredProvince }: MapPickerProps) {
  const id = useId();
  const latId = `${id}-lat`;
  const lngId = `${id}-lng`;
  const checkId = `${id}-check`;
  const hintId = `${id}-hint`;

  const [latText, setLatText] = useState(() => (value ? formatCoordinate(value.lat) : ""));
  const [lngText, setLngText] = useState(() => (value ? formatCoordinate(value.lng) : ""));
  const [syncedValue, setSyncedValue] = useState(value);
  const [mapFailed, setMapFailed] = useState(false);
  // Computed once: the map is uncontrolled after mounting (the holder pans and zooms freely).
  const [initialViewState] = useState(() => initialViewFor(value, declaredProvince));
  const mapApi = useRef<MapApi | null>(null);

  // A new value from outside the inputs (click, drag, parent): show it in the inputs, unless the
  // inputs already say the same (then the value came from typing; keep what the holder typed).
  if (value !== syncedValue) {
    setSyncedValue(value);
    if (!value) {
      setLatText("");
      setLngText("");
    } else if (parseCoordinate(latText) !== value.lat || parseCoordinate(lngText) !== value.lng) {
      setLatText(formatCoordinate(value.lat));
      setLngText(formatCoordinate(value.lng));
    }
  }

  function onTyped(nextLat: string, nextLng: string) {
    setLatText(nextLat);
    setLngText(nextLng);
    const lat = parseCoordinate(nextLat);
    const lng = parseCoordinate(nextLng);
    if (lat === null || lng === null) return;
    onChange({ lat, lng });
    // Follow the typed point on the map, but not to the other side of the world mid-typing.
    if (isInsideIran(lat, lng)) mapApi.current?.easeTo({ center: [lng, lat], duration: 300 });
  }

  const latIssue = latText.trim() !== "" && parseCoordinate(latText) === null;
  const lngIssue = lngText.trim() !== "" && parseCoordinate(lngText) === null;
  const check = value ? checkLocation(value.lat, value.lng, declaredProvince) : null;
  const marker = isValidLatLng(value) ? value : null;

  const viewProps: ViewProps = {
    initialViewState,
    marker,
    onPick: onChange,
    onApi: (api) => {
      mapApi.current = api;
    },
    onFail: () => setMapFailed(true),
    declaredProvince,
  };

  const inputClass = "block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-left aria-[invalid=true]:border-red-700";

  return (
    <div className="space-y-3">
      <div
        role="group"
        aria-label={MAP_LABEL}
        aria-describedby={hintId}
        dir="ltr"
        className="relative w-full overflow-hidden rounded-lg border border-slate-300 bg-slate-100 [&_.mapboxgl-ctrl-attrib_a]:underline [&_.maplibregl-ctrl-attrib_a]:underline"
        style={{ height: 360 }}
      >
        {/* Attribution links are underlined: axe's link-in-text-block (colour alone is not enough). */}
        {mapFailed ? (
          <p dir="rtl" className="p-4 text-slate-800">
            نقشه در این مرورگر نمایش داده نمی‌شود. مختصات محل دفتر را در کادرهای زیر وارد کنید.
          </p>
        ) : MAPBOX_TOKEN ? (
          <MapboxView {...viewProps} />
        ) : (
          <MaplibreView {...viewProps} />
        )}
      </div>
      <p id={hintId} className="text-sm text-slate-700">
        روی محل دفتر در نقشه کلیک کنید؛ نشانگر را می‌توانید بکشید و جابه‌جا کنید. بدون نقشه: عرض و طول جغرافیایی را به درجه (اعشاری) وارد
        کنید، مثلاً عرض {toPersianDigits(35.6892)} و طول {toPersianDigits(51.389)}.
      </p>

      <div className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor={latId} className="block font-medium">
            عرض جغرافیایی
          </label>
          <input
            id={latId}
            name="latitude"
            type="text"
            inputMode="decimal"
            dir="ltr"
            autoComplete="off"
            spellCheck={false}
            placeholder={toPersianDigits(35.6892)}
            className={inputClass}
            value={latText}
            aria-invalid={latIssue || Boolean(check?.error)}
            aria-describedby={`${latId}-error ${checkId}-error ${checkId}-warning`}
            onChange={(e) => onTyped(e.target.value, lngText)}
          />
          <p id={`${latId}-error`} className="field-error">
            {latIssue ? "عرض جغرافیایی باید یک عدد اعشاری باشد، مثلاً ۳۵٫۶۸۹۲." : ""}
          </p>
        </div>
        <div className="space-y-1">
          <label htmlFor={lngId} className="block font-medium">
            طول جغرافیایی
          </label>
          <input
            id={lngId}
            name="longitude"
            type="text"
            inputMode="decimal"
            dir="ltr"
            autoComplete="off"
            spellCheck={false}
            placeholder={toPersianDigits(51.389)}
            className={inputClass}
            value={lngText}
            aria-invalid={lngIssue || Boolean(check?.error)}
            aria-describedby={`${lngId}-error ${checkId}-error ${checkId}-warning`}
            onChange={(e) => onTyped(latText, e.target.value)}
          />
          <p id={`${lngId}-error`} className="field-error">
            {lngIssue ? "طول جغرافیایی باید یک عدد اعشاری باشد، مثلاً ۵۱٫۳۸۹." : ""}
          </p>
        </div>
      </div>

      {/* Kept in the DOM while empty so that screen readers announce a change of content. */}
      <div
        id={`${checkId}-error`}
        role="alert"
        className={check?.error ? "rounded-lg border border-red-300 bg-red-50 p-3 text-red-900" : ""}
      >
        {check?.error ?? ""}
      </div>
      <div
        id={`${checkId}-warning`}
        role="status"
        className={check?.warning ? "rounded-lg border border-amber-300 bg-amber-50 p-3 text-amber-900" : ""}
      >
        {check?.warning ?? ""}
      </div>
    </div>
  );
}

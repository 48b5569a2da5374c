"use client";

// The map picker with its map library, loaded only when step 6 is shown (never on the server:
// MapLibre / Mapbox GL need a browser with WebGL).
import dynamic from "next/dynamic";

export type { LatLng, MapPickerProps } from "./map-picker";

const LazyMapPicker = dynamic(() => import("./map-picker"), {
  ssr: false,
  loading: () => (
    <p className="flex h-[360px] items-center justify-center rounded-lg border border-slate-300 bg-slate-50 text-slate-700">
      در حال بارگذاری نقشه…
    </p>
  ),
});

export default LazyMapPicker;

"use client";

import LazyMapPicker from "@/components/map/lazy-map-picker";

/** A read-only map with the office's pin (the region's file view). */
export function MapView({ point, declaredProvince }: { point: { lat: number; lng: number }; declaredProvince: string | null }) {
  return <LazyMapPicker value={point} onChange={() => undefined} declaredProvince={declaredProvince} />;
}

// Step 6, موقعیت مکانی: the office's point. Typed or picked on the map; must lie in Iran
// (refused otherwise); a point that looks to be in another province than the declared one
// only warns (lib/geo/location-check.ts explains the precision).
import { z } from "zod";
import { checkLocation, parseCoordinate } from "@/lib/geo/location-check";
import { draftSchemaOf, type FieldSpec } from "./field-spec";

export const fields: readonly FieldSpec[] = [
  { name: "lat", label: "عرض جغرافیایی", kind: "text", dir: "ltr", inputMode: "decimal" },
  { name: "lng", label: "طول جغرافیایی", kind: "text", dir: "ltr", inputMode: "decimal" },
];

export const full = z
  .object({ lat: z.string({ error: "محل دفتر را روی نقشه مشخص کنید." }), lng: z.string({ error: "محل دفتر را روی نقشه مشخص کنید." }) })
  .transform((v, ctx) => {
    const lat = parseCoordinate(v.lat);
    const lng = parseCoordinate(v.lng);
    if (lat === null || lng === null) {
      ctx.addIssue({
        code: "custom",
        path: [lat === null ? "lat" : "lng"],
        message: "محل دفتر را روی نقشه مشخص کنید یا مختصات را به عدد وارد کنید.",
      });
      return z.NEVER;
    }
    const check = checkLocation(lat, lng, null);
    if (check.error) {
      ctx.addIssue({ code: "custom", path: ["lat"], message: check.error });
      return z.NEVER;
    }
    return { lat: String(lat), lng: String(lng) };
  });

export const draft = draftSchemaOf(fields);

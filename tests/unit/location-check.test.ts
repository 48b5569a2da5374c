import fc from "fast-check";
import { IRAN_BBOX, IRAN_COASTLINE, IRAN_POLYGONS } from "@/lib/geo/iran-outline";
import { LOCATION_MESSAGES, checkLocation, greatCircleKm, isInsideIran, nearestProvince, parseCoordinate } from "@/lib/geo/location-check";
import { PROVINCE_CAPITALS } from "@/lib/geo/provinces-geo";
import { PROVINCES } from "@/lib/geo/regions";

const ISFAHAN: [number, number] = [32.6546, 51.668];

describe("isInsideIran", () => {
  test.each<[string, number, number]>([
    ["Tehran", 35.6892, 51.389],
    ["Isfahan", 32.6546, 51.668],
    ["Tabriz", 38.08, 46.2919],
    ["Zahedan", 29.4963, 60.8629],
    ["Bandar Abbas", 27.1832, 56.2666],
    // Coastal cities and islands that a coarse outline gets wrong.
    ["Bushehr", 28.9234, 50.8203],
    ["Chabahar", 25.2919, 60.643],
    ["Kish island", 26.5325, 53.98],
    ["Qeshm (town)", 26.9581, 56.2719],
    ["Kharg island", 29.2556, 50.3128],
    ["Astara (border town)", 38.4291, 48.872],
    ["Bandar Anzali", 37.4727, 49.4622],
  ])("%s is inside", (_name, lat, lng) => {
    expect(isInsideIran(lat, lng)).toBe(true);
  });

  test.each<[string, number, number]>([
    ["Baghdad", 33.3152, 44.3661],
    ["Kabul", 34.5553, 69.2075],
    ["Baku", 40.4093, 49.8671],
    ["Dubai", 25.2048, 55.2708],
    ["Ankara", 39.9334, 32.8597],
    ["(0, 0)", 0, 0],
    ["Persian Gulf off Bushehr", 28.5, 50.3],
    ["Basra", 30.5085, 47.7804],
    ["Herat", 34.3482, 62.1997],
    ["Ashgabat", 37.9601, 58.3261],
    ["Nakhchivan", 39.2089, 45.4122],
    ["Khasab (Musandam, Oman)", 26.18, 56.25],
    ["Kuwait City", 29.3759, 47.9774],
  ])("%s is outside", (_name, lat, lng) => {
    expect(isInsideIran(lat, lng)).toBe(false);
  });

  test("coordinates that are not numbers on the globe are outside", () => {
    for (const [lat, lng] of [
      [Number.NaN, 51],
      [35, Number.POSITIVE_INFINITY],
      [135.6892, 51.389],
      [35.6892, 411.389],
    ] as const) {
      expect(isInsideIran(lat, lng)).toBe(false);
    }
  });

  test("any point outside Iran's bounding box is outside", () => {
    const lat = fc.double({ min: -90, max: 90, noNaN: true });
    const lng = fc.double({ min: -180, max: 180, noNaN: true });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.record({ lat: fc.double({ min: -90, max: 24.999999, noNaN: true }), lng }),
          fc.record({ lat: fc.double({ min: 40.000001, max: 90, noNaN: true }), lng }),
          fc.record({ lat, lng: fc.double({ min: -180, max: 43.999999, noNaN: true }) }),
          fc.record({ lat, lng: fc.double({ min: 63.500001, max: 180, noNaN: true }) }),
        ),
        ({ lat: a, lng: b }) => !isInsideIran(a, b),
      ),
      { numRuns: 2000 },
    );
  });

  test("every vertex of the outline is inside or on the edge; points just beyond the land border are not", () => {
    // A point 30 km north of the northernmost vertex (the Aras river border) is in Azerbaijan/Armenia.
    expect(isInsideIran(IRAN_BBOX.maxLat + 0.3, 44.6)).toBe(false);
    // 30 km east of the easternmost vertex is Pakistan.
    expect(isInsideIran(27.12, IRAN_BBOX.maxLng + 0.3)).toBe(false);
  });
});

describe("generated outline", () => {
  test("is a MultiPolygon of closed rings in [lng, lat] order within Iran's box", () => {
    expect(IRAN_POLYGONS.length).toBeGreaterThan(1); // mainland and islands
    for (const polygon of IRAN_POLYGONS) {
      for (const ring of polygon) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring[ring.length - 1]);
        for (const [lng, lat] of ring) {
          expect(lng).toBeGreaterThanOrEqual(44);
          expect(lng).toBeLessThanOrEqual(63.5);
          expect(lat).toBeGreaterThanOrEqual(25);
          expect(lat).toBeLessThanOrEqual(40);
        }
      }
    }
    expect(IRAN_COASTLINE.length).toBeGreaterThan(0);
  });
});

describe("provinces", () => {
  test("there is a capital for exactly the 31 provinces of regions.ts", () => {
    expect(Object.keys(PROVINCE_CAPITALS).sort()).toEqual(PROVINCES.map((p) => p.name).sort());
    expect(Object.keys(PROVINCE_CAPITALS)).toHaveLength(31);
  });

  test.each(Object.entries(PROVINCE_CAPITALS))("the capital of %s is in Iran and nearest to itself", (province, c) => {
    expect(isInsideIran(c.lat, c.lng)).toBe(true);
    expect(nearestProvince(c.lat, c.lng)).toBe(province);
  });

  test("capitals are where they should be (spot checks against known distances)", () => {
    const tehran = PROVINCE_CAPITALS["تهران"]!;
    const mashhad = PROVINCE_CAPITALS["خراسان رضوی"]!;
    const isfahan = PROVINCE_CAPITALS["اصفهان"]!;
    // Tehran–Mashhad ≈ 740 km, Tehran–Isfahan ≈ 340 km as the crow flies.
    expect(greatCircleKm(tehran.lat, tehran.lng, mashhad.lat, mashhad.lng)).toBeGreaterThan(720);
    expect(greatCircleKm(tehran.lat, tehran.lng, mashhad.lat, mashhad.lng)).toBeLessThan(760);
    expect(greatCircleKm(tehran.lat, tehran.lng, isfahan.lat, isfahan.lng)).toBeGreaterThan(320);
    expect(greatCircleKm(tehran.lat, tehran.lng, isfahan.lat, isfahan.lng)).toBeLessThan(360);
  });

  test("nearestProvince of towns near a capital", () => {
    expect(nearestProvince(35.7, 51.5)).toBe("تهران"); // eastern Tehran
    expect(nearestProvince(32.5, 51.5)).toBe("اصفهان"); // south-west of Isfahan
    expect(nearestProvince(26.5325, 53.98)).toBe("هرمزگان"); // Kish
  });
});

describe("checkLocation", () => {
  test("Isfahan declared as Tehran: a warning naming both provinces, not an error", () => {
    const result = checkLocation(...ISFAHAN, "تهران");
    expect(result.ok).toBe(true);
    expect(result.error).toBeUndefined();
    expect(result.warning).toBe(LOCATION_MESSAGES.provinceMismatch("اصفهان", "تهران"));
    expect(result.warning).toContain("استان اصفهان");
    expect(result.warning).toContain("استان دفتر تهران");
  });

  test("Isfahan declared as Isfahan: no warning", () => {
    expect(checkLocation(...ISFAHAN, "اصفهان")).toEqual({ ok: true });
  });

  test("the declared name is compared after Arabic ي/ك normalisation", () => {
    expect(checkLocation(34.3142, 47.065, "كرمانشاه")).toEqual({ ok: true });
    expect(checkLocation(30.6682, 51.588, "كهگيلويه و بويراحمد")).toEqual({ ok: true });
  });

  test("no declared province, or an unknown name: nothing to compare", () => {
    expect(checkLocation(...ISFAHAN, null)).toEqual({ ok: true });
    expect(checkLocation(...ISFAHAN, "")).toEqual({ ok: true });
    expect(checkLocation(...ISFAHAN, "ناکجاآباد")).toEqual({ ok: true });
  });

  test("outside Iran is an error with the Persian message", () => {
    expect(checkLocation(33.3152, 44.3661, "ایلام")).toEqual({ ok: false, error: LOCATION_MESSAGES.outside });
    expect(LOCATION_MESSAGES.outside).toBe("نقطه انتخاب‌شده خارج از ایران است. محل دفتر را روی نقشه ایران مشخص کنید.");
  });

  test("swapped latitude and longitude: the error says so", () => {
    const result = checkLocation(51.389, 35.6892, "تهران");
    expect(result.ok).toBe(false);
    expect(result.error).toBe(`${LOCATION_MESSAGES.outside} ${LOCATION_MESSAGES.swapped}`);
  });

  test.each<[number, number]>([
    [Number.NaN, 51.389],
    [35.6892, Number.NaN],
    [Number.POSITIVE_INFINITY, 51.389],
    [91, 51.389],
    [35.6892, -181],
  ])("invalid numbers (%p, %p) are an error", (lat, lng) => {
    expect(checkLocation(lat, lng, "تهران")).toEqual({ ok: false, error: LOCATION_MESSAGES.invalid });
  });

  test("many decimals are accepted", () => {
    expect(checkLocation(35.689212345678901, 51.389012345678901, "تهران")).toEqual({ ok: true });
  });

  test("a point near Karaj declared as Tehran gets a warning only", () => {
    const result = checkLocation(35.83, 50.95, "تهران");
    expect(result.ok).toBe(true);
    expect(result.warning).toBe(LOCATION_MESSAGES.provinceMismatch("البرز", "تهران"));
  });
});

describe("parseCoordinate", () => {
  test.each<[string, number | null]>([
    ["35.6892", 35.6892],
    ["۳۵٫۶۸۹۲", 35.6892],
    ["۳۵.۶۸۹۲", 35.6892],
    ["٣٥٫٦٨٩٢", 35.6892],
    ["35/6892", 35.6892],
    ["35,6892", 35.6892],
    [" 51.389° ", 51.389],
    ["\u200E51.389\u200F", 51.389],
    ["-12.5", -12.5],
    ["\u221212.5", -12.5],
    ["35", 35],
    ["35.", 35],
    [".5", 0.5],
    ["", null],
    ["abc", null],
    ["35.6.8", null],
    ["35 68", null], // an inner space is ambiguous: refused, not glued together
    ["1e3", null],
    ["--3", null],
  ])("parseCoordinate(%j) = %p", (input, expected) => {
    expect(parseCoordinate(input)).toBe(expected);
  });
});

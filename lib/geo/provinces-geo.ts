// The capital (مرکز استان) of each of the 31 provinces, keyed by the exact province name used
// in lib/geo/regions.ts (PROVINCES). Coordinates are the city centres (WGS 84, decimal degrees),
// good to a few hundred metres; they are used to centre the map on the declared province and,
// in lib/geo/location-check.ts, to guess a point's province by its nearest capital.
//
// Pure data: no framework imports (browser and server).

export type ProvinceCapital = { capital: string; lat: number; lng: number };

export const PROVINCE_CAPITALS: Readonly<Record<string, ProvinceCapital>> = {
  // شمال
  تهران: { capital: "تهران", lat: 35.6892, lng: 51.389 },
  البرز: { capital: "کرج", lat: 35.84, lng: 50.9391 },
  قم: { capital: "قم", lat: 34.6399, lng: 50.8759 },
  مازندران: { capital: "ساری", lat: 36.5633, lng: 53.0601 },
  // شمال غرب
  قزوین: { capital: "قزوین", lat: 36.2688, lng: 50.0041 },
  زنجان: { capital: "زنجان", lat: 36.6765, lng: 48.4963 },
  گیلان: { capital: "رشت", lat: 37.2808, lng: 49.5832 },
  // شمال شرق
  "خراسان رضوی": { capital: "مشهد", lat: 36.2605, lng: 59.6168 },
  "خراسان شمالی": { capital: "بجنورد", lat: 37.4747, lng: 57.329 },
  "خراسان جنوبی": { capital: "بیرجند", lat: 32.8649, lng: 59.2262 },
  سمنان: { capital: "سمنان", lat: 35.5729, lng: 53.3971 },
  گلستان: { capital: "گرگان", lat: 36.8456, lng: 54.4393 },
  // جنوب
  فارس: { capital: "شیراز", lat: 29.5918, lng: 52.5837 },
  بوشهر: { capital: "بوشهر", lat: 28.9234, lng: 50.8203 },
  "کهگیلویه و بویراحمد": { capital: "یاسوج", lat: 30.6682, lng: 51.588 },
  // جنوب شرق
  هرمزگان: { capital: "بندرعباس", lat: 27.1832, lng: 56.2666 },
  کرمان: { capital: "کرمان", lat: 30.2839, lng: 57.0834 },
  "سیستان و بلوچستان": { capital: "زاهدان", lat: 29.4963, lng: 60.8629 },
  // جنوب غرب
  خوزستان: { capital: "اهواز", lat: 31.3183, lng: 48.6706 },
  لرستان: { capital: "خرم‌آباد", lat: 33.4878, lng: 48.3558 },
  // مرکزی
  اصفهان: { capital: "اصفهان", lat: 32.6546, lng: 51.668 },
  یزد: { capital: "یزد", lat: 31.8974, lng: 54.3569 },
  "چهارمحال و بختیاری": { capital: "شهرکرد", lat: 32.3256, lng: 50.8644 },
  مرکزی: { capital: "اراک", lat: 34.0917, lng: 49.6892 },
  // آذر
  "آذربایجان شرقی": { capital: "تبریز", lat: 38.08, lng: 46.2919 },
  "آذربایجان غربی": { capital: "ارومیه", lat: 37.5527, lng: 45.0761 },
  اردبیل: { capital: "اردبیل", lat: 38.2498, lng: 48.2933 },
  // غرب
  همدان: { capital: "همدان", lat: 34.7989, lng: 48.515 },
  کرمانشاه: { capital: "کرمانشاه", lat: 34.3142, lng: 47.065 },
  کردستان: { capital: "سنندج", lat: 35.3219, lng: 46.9862 },
  ایلام: { capital: "ایلام", lat: 33.6374, lng: 46.4227 },
};

/** The capital of a province, or null for an unknown name. */
export function provinceCapital(province: string): ProvinceCapital | null {
  return Object.prototype.hasOwnProperty.call(PROVINCE_CAPITALS, province) ? PROVINCE_CAPITALS[province]! : null;
}

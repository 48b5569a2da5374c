// The nine regions of the guide's appendix with their phones, and the 31 provinces.
// Pure data: used by the seed, the contacts page and error pages.
//
// ASSUMPTION TO CONFIRM with the head office: the guide lists the regions and their
// phones but not which provinces each covers. The mapping below follows the area code of
// each region's phone (021 Tehran, 028 Qazvin, 051 Mashhad, 071 Shiraz, 076 Bandar Abbas,
// 061 Ahvaz, 031 Isfahan, 041 Tabriz, 081 Hamedan) and geography. It is stored in the
// Province table and can be edited there.

export type RegionSeed = { id: number; code: string; name: string; phone: string; provinces: string[] };

export const REGIONS: readonly RegionSeed[] = [
  { id: 1, code: "north", name: "شمال", phone: "021-89662853", provinces: ["تهران", "البرز", "قم", "مازندران"] },
  { id: 2, code: "north-west", name: "شمال غرب", phone: "028-33543423", provinces: ["قزوین", "زنجان", "گیلان"] },
  {
    id: 3,
    code: "north-east",
    name: "شمال شرق",
    phone: "051-31900812",
    provinces: ["خراسان رضوی", "خراسان شمالی", "خراسان جنوبی", "سمنان", "گلستان"],
  },
  { id: 4, code: "south", name: "جنوب", phone: "071-33933028", provinces: ["فارس", "بوشهر", "کهگیلویه و بویراحمد"] },
  { id: 5, code: "south-east", name: "جنوب شرق", phone: "076-33304025", provinces: ["هرمزگان", "کرمان", "سیستان و بلوچستان"] },
  { id: 6, code: "south-west", name: "جنوب غرب", phone: "061-33194429", provinces: ["خوزستان", "لرستان"] },
  { id: 7, code: "central", name: "مرکزی", phone: "031-34113210", provinces: ["اصفهان", "یزد", "چهارمحال و بختیاری", "مرکزی"] },
  { id: 8, code: "azar", name: "آذر", phone: "041-51003625", provinces: ["آذربایجان شرقی", "آذربایجان غربی", "اردبیل"] },
  { id: 9, code: "west", name: "غرب", phone: "081-38414362", provinces: ["همدان", "کرمانشاه", "کردستان", "ایلام"] },
];

/** Provinces numbered 1..31 in the order above (stable ids for the seed and imports). */
export const PROVINCES: readonly { id: number; name: string; regionId: number }[] = REGIONS.flatMap((r) =>
  r.provinces.map((name) => ({ name, regionId: r.id })),
).map((p, i) => ({ id: i + 1, ...p }));

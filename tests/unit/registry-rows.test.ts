// One registry row: validation and normalisation (lib/registry/rows.ts), duplicates across
// the file, and the diff against what the database holds (lib/registry/plan.ts).
import { PROVINCES } from "@/lib/geo/regions";
import { parseJalaliDate } from "@/lib/format/jalali";
import type { CsvRow } from "@/lib/registry/csv";
import type { ColumnKey } from "@/lib/registry/columns";
import { findDuplicates, licenceStatusFor, provinceIndex, validateRow, type RegistryRow } from "@/lib/registry/rows";
import { planRow, type ExistingOffice, type ExistingUser, type Lookup } from "@/lib/registry/plan";

const NOW = new Date("2026-01-15T08:00:00Z"); // 1404/10/25
const ctx = { provinces: provinceIndex(PROVINCES), now: NOW };

const GOOD: Record<ColumnKey, string> = {
  office_code: "21045",
  office_name: "دفتر پیشخوان خدمات دولت کاظمی",
  office_type: "پیشخوان دولتی",
  person_type: "حقیقی",
  province: "تهران",
  city: "تهران",
  address: "خیابان انقلاب، پلاک ۱۰",
  postal_code: "1314567890",
  licence_number: "PK-1403-21045",
  licence_issued: "1403/02/15",
  licence_expires: "1408/02/14",
  licence_status: "معتبر",
  holder_national_id: "0012345679",
  holder_first_name: "زهرا",
  holder_last_name: "کاظمی",
  holder_mobile: "09121234567",
};

const csvRow = (over: Partial<Record<ColumnKey, string>> = {}, line = 2): CsvRow => ({
  line,
  cells: { ...GOOD, ...over },
  extraCells: false,
});

function valid(over: Partial<Record<ColumnKey, string>> = {}): RegistryRow {
  const r = validateRow(csvRow(over), ctx);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.row;
}

function errorsOf(over: Partial<Record<ColumnKey, string>>) {
  const r = validateRow(csvRow(over), ctx);
  return r.ok ? [] : r.errors.map((e) => [e.column, e.message] as const);
}

describe("validateRow", () => {
  test("a good row is normalised", () => {
    expect(valid()).toMatchObject({
      line: 2,
      officeCode: "21045",
      officeType: "PISHKHAN_GOVERNMENT",
      personType: "REAL",
      provinceId: 1,
      postalCode: "1314567890",
      licenceStatus: "VALID",
      holderNationalId: "0012345679",
      holderMobile: "09121234567",
    });
    expect(valid().licenceIssuedAt).toEqual(parseJalaliDate("1403/02/15"));
  });

  test("Persian digits, Arabic letters, extra spaces and enum spellings are accepted", () => {
    const r = valid({
      office_code: "۲۱۰۴۵",
      office_name: "  دفتر   پيشخوان  كاظمی ",
      office_type: "RURAL_ICT",
      person_type: "LEGAL",
      province: " استان  آذربايجان شرقي ",
      postal_code: "۱۳۱۴۵-۶۷۸۹۰",
      licence_issued: "۱۴۰۳/۲/۵",
      licence_expires: "1408-02-14",
      licence_status: "",
      holder_national_id: "۰۰۱۲۳۴۵۶۷۹",
      holder_first_name: "علي",
      holder_mobile: "+98 912 123 4567",
    });
    expect(r).toMatchObject({
      officeCode: "21045",
      officeName: "دفتر پیشخوان کاظمی",
      officeType: "RURAL_ICT",
      personType: "LEGAL",
      provinceId: PROVINCES.find((p) => p.name === "آذربایجان شرقی")!.id,
      postalCode: "1314567890",
      licenceStatus: "VALID",
      holderNationalId: "0012345679",
      holderFirstName: "علی",
      holderMobile: "09121234567",
    });
    expect(valid({ office_type: "دفتر ICT روستایی" }).officeType).toBe("RURAL_ICT");
    expect(valid({ office_type: "پیشخوان غیر دولتی" }).officeType).toBe("PISHKHAN_NON_GOVERNMENT");
    expect(valid({ province: "کهگیلویه و بویر احمد" }).provinceId).toBe(PROVINCES.find((p) => p.name === "کهگیلویه و بویراحمد")!.id);
  });

  test("optional columns may be empty (the stored value is then kept)", () => {
    expect(valid({ postal_code: "", holder_mobile: " " })).toMatchObject({ postalCode: null, holderMobile: null });
  });

  test("each bad cell is reported with its column and a Persian message", () => {
    expect(errorsOf({ holder_national_id: "0012345678" })).toEqual([["holder_national_id", "کد ملی دارنده معتبر نیست."]]);
    expect(errorsOf({ holder_national_id: "1111111111" })).toEqual([["holder_national_id", "کد ملی دارنده معتبر نیست."]]);
    expect(errorsOf({ province: "تهرون" })).toEqual([["province", expect.stringContaining("«تهرون» شناخته نشد")]]);
    expect(errorsOf({ licence_issued: "1403/13/01" })).toEqual([["licence_issued", "ماه باید عددی بین ۱ تا ۱۲ باشد."]]);
    expect(errorsOf({ licence_expires: "1404/12/30" })).toEqual([["licence_expires", expect.stringContaining("وجود ندارد")]]);
    expect(errorsOf({ licence_issued: "2024/05/01" })).toEqual([["licence_issued", expect.stringContaining("شمسی")]]);
    expect(errorsOf({ licence_issued: "1405/01/01", licence_expires: "1410/01/01" })).toEqual([
      ["licence_issued", "تاریخ صدور پروانه در آینده است."],
    ]);
    expect(errorsOf({ licence_issued: "1403/02/15", licence_expires: "1403/02/15" })).toEqual([
      ["licence_expires", "تاریخ انقضای پروانه باید پس از تاریخ صدور آن باشد."],
    ]);
    expect(errorsOf({ office_type: "کافی‌نت" })).toEqual([["office_type", expect.any(String)]]);
    expect(errorsOf({ person_type: "شرکت" })).toEqual([["person_type", expect.any(String)]]);
    expect(errorsOf({ licence_status: "تعلیق" })).toEqual([["licence_status", expect.any(String)]]);
    expect(errorsOf({ postal_code: "12345" })).toEqual([["postal_code", "کد پستی باید ۱۰ رقم باشد."]]);
    expect(errorsOf({ holder_mobile: "02188776655" })).toEqual([["holder_mobile", expect.any(String)]]);
    expect(errorsOf({ holder_first_name: "Ali" })).toEqual([["holder_first_name", "نام دارنده فقط باید شامل حروف فارسی باشد."]]);
    expect(errorsOf({ office_code: "21 045" })).toEqual([["office_code", expect.any(String)]]);
    expect(errorsOf({ licence_number: "PK 1" })).toEqual([["licence_number", expect.any(String)]]);
  });

  test("empty required cells are named, all of them", () => {
    expect(errorsOf({ office_name: "", city: " ", holder_last_name: "" })).toEqual([
      ["office_name", "«نام دفتر» خالی است."],
      ["city", "«شهر» خالی است."],
      ["holder_last_name", "«نام خانوادگی دارنده» خالی است."],
    ]);
  });

  test("a row with more cells than the header is refused as a whole", () => {
    const r = validateRow({ ...csvRow(), extraCells: true }, ctx);
    expect(r).toMatchObject({ ok: false, errors: [{ line: 2, column: null, message: expect.stringContaining("ویرگول") }] });
  });
});

test("licence status: the file's, or from the date; a passed expiry date wins over «معتبر»", () => {
  const past = new Date(NOW.getTime() - 1);
  const future = new Date(NOW.getTime() + 86_400_000);
  expect(licenceStatusFor(null, future, NOW)).toBe("VALID");
  expect(licenceStatusFor(null, past, NOW)).toBe("EXPIRED");
  expect(licenceStatusFor(null, NOW, NOW)).toBe("EXPIRED");
  expect(licenceStatusFor("VALID", past, NOW)).toBe("EXPIRED");
  expect(licenceStatusFor("EXPIRED", future, NOW)).toBe("EXPIRED");
  expect(licenceStatusFor("INCOMPLETE", past, NOW)).toBe("INCOMPLETE");
  expect(valid({ licence_issued: "1400/01/01", licence_expires: "1404/01/01", licence_status: "" }).licenceStatus).toBe("EXPIRED");
});

test("findDuplicates refuses every row sharing an office code, a licence number or a holder", () => {
  const rows = [
    csvRow({}, 2),
    csvRow({ office_code: "۲۱۰۴۵", licence_number: "L-2", holder_national_id: "0023456787" }, 3),
    csvRow({ office_code: "31000", licence_number: "L-3", holder_national_id: "0012345679" }, 5),
    csvRow({ office_code: "41000", licence_number: "L-4", holder_national_id: "0034567895" }, 6),
  ];
  const errors = findDuplicates(rows);
  expect(errors.filter((e) => e.column === "office_code").map((e) => e.line)).toEqual([2, 3]);
  expect(errors.filter((e) => e.column === "holder_national_id").map((e) => e.line)).toEqual([2, 5]);
  expect(errors.find((e) => e.line === 2 && e.column === "office_code")!.message).toContain("ردیف ۳");
  expect(errors.some((e) => e.line === 6)).toBe(false);
});

describe("planRow", () => {
  const provinceName = (id: number) => PROVINCES.find((p) => p.id === id)?.name ?? "";
  const lookup = (parts: Partial<Omit<Lookup, "provinceName">> = {}): Lookup => ({
    officeByCode: new Map(),
    licenceByNumber: new Map(),
    userByNationalId: new Map(),
    provinceName,
    ...parts,
  });
  const row = valid();
  const holder: ExistingUser = {
    id: "u1",
    nationalId: row.holderNationalId,
    role: "HOLDER",
    firstName: row.holderFirstName,
    lastName: row.holderLastName,
    mobile: row.holderMobile,
    officeCode: row.officeCode,
  };
  const licence = {
    id: "l1",
    number: row.licenceNumber,
    officeCode: row.officeCode,
    issuedAt: row.licenceIssuedAt,
    expiresAt: row.licenceExpiresAt,
    status: row.licenceStatus,
  };
  const office: ExistingOffice = {
    id: "o1",
    code: row.officeCode,
    name: row.officeName,
    type: row.officeType,
    personType: row.personType,
    provinceId: row.provinceId,
    city: row.city,
    address: row.address,
    postalCode: row.postalCode,
    holderNationalId: row.holderNationalId,
    licences: [licence],
  };
  const existing = () =>
    lookup({
      officeByCode: new Map([[office.code, office]]),
      licenceByNumber: new Map([[licence.number, licence]]),
      userByNationalId: new Map([[holder.nationalId, holder]]),
    });

  test("nothing there: create office, licence and holder", () => {
    const plan = planRow(row, lookup());
    expect(plan).toMatchObject({ kind: "create", holder: { op: "create" }, office: { op: "create" }, licence: { op: "create" } });
    // The holder's data never carries a password: the caller adds the default one.
    if (plan.kind === "create")
      expect(Object.keys(plan.holder.op === "create" ? plan.holder.data : {})).toEqual(["nationalId", "firstName", "lastName", "mobile"]);
  });

  test("the same data: unchanged", () => {
    expect(planRow(row, existing())).toEqual({ kind: "unchanged", line: 2, officeCode: "21045" });
    // An empty optional cell keeps the stored value.
    expect(planRow({ ...row, postalCode: null, holderMobile: null }, existing()).kind).toBe("unchanged");
  });

  test("changed fields are listed with before and after, and only they are written", () => {
    const plan = planRow({ ...row, city: "ری", holderMobile: "09350000000", licenceStatus: "INCOMPLETE" }, existing());
    expect(plan).toMatchObject({
      kind: "update",
      office: { op: "update", id: "o1", data: { city: "ری" } },
      holder: { op: "update", id: "u1", data: { mobile: "09350000000" } },
      licence: { op: "update", id: "l1", data: { status: "INCOMPLETE" } },
      changes: [
        { field: "holder.mobile", before: "09121234567", after: "09350000000" },
        { field: "office.city", before: "تهران", after: "ری" },
        { field: "licence.status", before: "معتبر", after: "ناقص" },
      ],
    });
  });

  test("a renewed licence (new number, later expiry) is added to the office", () => {
    const renewed = {
      ...row,
      licenceNumber: "PK-1408-21045",
      licenceExpiresAt: new Date(row.licenceExpiresAt.getTime() + 86_400_000 * 365),
    };
    expect(planRow(renewed, existing())).toMatchObject({
      kind: "update",
      licence: { op: "create" },
      changes: [{ field: "licence.new", after: "PK-1408-21045" }],
    });
    const older = { ...row, licenceNumber: "PK-1398-21045", licenceExpiresAt: new Date(row.licenceExpiresAt.getTime() - 86_400_000 * 365) };
    expect(planRow(older, existing())).toMatchObject({
      kind: "error",
      errors: [{ column: "licence_expires", message: expect.stringContaining("دیرتر") }],
    });
  });

  test("conflicts with other records are row errors", () => {
    const staff = { ...holder, role: "EXPERT" as const, officeCode: null };
    expect(planRow(row, lookup({ userByNationalId: new Map([[holder.nationalId, staff]]) }))).toMatchObject({
      kind: "error",
      errors: [{ column: "holder_national_id", message: expect.stringContaining("کارکنان") }],
    });
    const otherHolder = { ...office, holderNationalId: "0023456787" };
    expect(planRow(row, lookup({ officeByCode: new Map([[office.code, otherHolder]]) }))).toMatchObject({
      kind: "error",
      errors: [{ column: "holder_national_id", message: expect.stringContaining("دارنده دیگری") }],
    });
    const holdsAnother = { ...holder, officeCode: "99999" };
    expect(planRow(row, lookup({ userByNationalId: new Map([[holder.nationalId, holdsAnother]]) }))).toMatchObject({
      kind: "error",
      errors: [{ column: "holder_national_id", message: expect.stringContaining("۹۹۹۹۹") }],
    });
    const elsewhere = { ...licence, officeCode: "88888" };
    expect(planRow(row, lookup({ licenceByNumber: new Map([[licence.number, elsewhere]]) }))).toMatchObject({
      kind: "error",
      errors: [{ column: "licence_number", message: expect.stringContaining("۸۸۸۸۸") }],
    });
  });

  test("a holder without an office gets the new office (no new account)", () => {
    const free = { ...holder, officeCode: null };
    expect(planRow(row, lookup({ userByNationalId: new Map([[holder.nationalId, free]]) }))).toMatchObject({
      kind: "create",
      holder: { op: "keep", id: "u1" },
      office: { op: "create" },
    });
  });
});

// What one valid row would do to the database, given what is there (pure): create the office
// (and its holder and licence), update some fields, or nothing. Conflicts with existing
// records are row errors. Only changed fields are written, so importing the same file twice
// writes nothing the second time. An existing holder's password is never touched.
import type { LicenceStatus, OfficeType, PersonType, Role } from "@/lib/generated/prisma/enums";
import { toPersianDigits } from "@/lib/format/digits";
import { LICENCE_STATUS_LABEL, OFFICE_TYPE_LABEL, PERSON_TYPE_LABEL } from "@/lib/format/labels";
import type { ColumnKey } from "./columns";
import { ident, jalaliText, type RegistryRow, type RowError } from "./rows";

export type ExistingUser = {
  id: string;
  nationalId: string;
  role: Role;
  firstName: string;
  lastName: string;
  mobile: string | null;
  /** The code of the office this user holds, if any. */
  officeCode: string | null;
};

export type ExistingLicence = { id: string; number: string; officeCode: string; issuedAt: Date; expiresAt: Date; status: LicenceStatus };

export type ExistingOffice = {
  id: string;
  code: string;
  name: string;
  type: OfficeType;
  personType: PersonType;
  provinceId: number;
  city: string;
  address: string;
  postalCode: string | null;
  holderNationalId: string;
  licences: ExistingLicence[];
};

export type Lookup = {
  officeByCode: ReadonlyMap<string, ExistingOffice>;
  licenceByNumber: ReadonlyMap<string, ExistingLicence>;
  userByNationalId: ReadonlyMap<string, ExistingUser>;
  provinceName: (id: number) => string;
};

/** The fields an import may change, each tied to the column it comes from. */
export const CHANGE_FIELDS = {
  "office.name": "office_name",
  "office.type": "office_type",
  "office.personType": "person_type",
  "office.province": "province",
  "office.city": "city",
  "office.address": "address",
  "office.postalCode": "postal_code",
  "licence.new": "licence_number",
  "licence.issuedAt": "licence_issued",
  "licence.expiresAt": "licence_expires",
  "licence.status": "licence_status",
  "holder.firstName": "holder_first_name",
  "holder.lastName": "holder_last_name",
  "holder.mobile": "holder_mobile",
} as const satisfies Record<string, ColumnKey>;
export type ChangeField = keyof typeof CHANGE_FIELDS;
export type FieldChange = { field: ChangeField; before: string | null; after: string | null };

export type HolderData = { nationalId: string; firstName: string; lastName: string; mobile: string | null };
export type OfficeData = {
  code: string;
  name: string;
  type: OfficeType;
  personType: PersonType;
  provinceId: number;
  city: string;
  address: string;
  postalCode: string | null;
};
export type LicenceData = { number: string; issuedAt: Date; expiresAt: Date; status: LicenceStatus };

export type HolderOp =
  { op: "create"; data: HolderData } | { op: "update"; id: string; data: Partial<HolderData> } | { op: "keep"; id: string };
export type OfficeOp =
  { op: "create"; data: OfficeData } | { op: "update"; id: string; data: Partial<OfficeData> } | { op: "keep"; id: string };
export type LicenceOp = { op: "create"; data: LicenceData } | { op: "update"; id: string; data: Partial<LicenceData> } | { op: "keep" };

export type RowPlan =
  | { kind: "error"; errors: RowError[] }
  | { kind: "unchanged"; line: number; officeCode: string }
  | {
      kind: "create" | "update";
      line: number;
      officeCode: string;
      holder: HolderOp;
      office: OfficeOp;
      licence: LicenceOp;
      changes: FieldChange[];
    };

const sameInstant = (a: Date, b: Date) => a.getTime() === b.getTime();

export function planRow(row: RegistryRow, x: Lookup): RowPlan {
  const { line, officeCode } = row;
  const errors: RowError[] = [];
  const user = x.userByNationalId.get(row.holderNationalId);
  const office = x.officeByCode.get(officeCode);
  const licence = x.licenceByNumber.get(row.licenceNumber);
  const nid = toPersianDigits(row.holderNationalId);

  if (user && user.role !== "HOLDER") {
    errors.push({
      line,
      column: "holder_national_id",
      message: `کد ملی ${nid} از آنِ یکی از کارکنان سامانه (کارشناس یا مدیر) است و نمی‌تواند دارنده دفتر باشد.`,
    });
  } else if (office && office.holderNationalId !== row.holderNationalId) {
    errors.push({
      line,
      column: "holder_national_id",
      message: `دفتر «${ident(officeCode)}» در سامانه به دارنده دیگری (کد ملی ${toPersianDigits(office.holderNationalId)}) تعلق دارد؛ تغییر دارنده دفتر از راه این فایل انجام نمی‌شود.`,
    });
  } else if (!office && user?.officeCode) {
    errors.push({
      line,
      column: "holder_national_id",
      message: `دارنده با کد ملی ${nid} هم‌اکنون دفتر «${ident(user.officeCode)}» را دارد؛ هر دارنده فقط یک دفتر دارد.`,
    });
  }
  if (licence && licence.officeCode !== officeCode) {
    errors.push({
      line,
      column: "licence_number",
      message: `پروانه «${ident(row.licenceNumber)}» در سامانه از آنِ دفتر «${ident(licence.officeCode)}» است.`,
    });
  }
  const later = office?.licences.find((l) => l.number !== row.licenceNumber && l.expiresAt.getTime() > row.licenceExpiresAt.getTime());
  if (later) {
    errors.push({
      line,
      column: "licence_expires",
      message: `این دفتر پروانه دیگری (شماره ${ident(later.number)}) با انقضای دیرتر (${jalaliText(later.expiresAt)}) دارد؛ پروانه این ردیف پروانه جاری دفتر نیست.`,
    });
  }
  if (errors.length > 0) return { kind: "error", errors };

  const changes: FieldChange[] = [];
  const note = (field: ChangeField, before: string | null, after: string | null) => changes.push({ field, before, after });

  // The holder: created with the default password by the caller, or updated (names, and the
  // mobile when the file has one). The password and mustChangePassword are never in `data`.
  let holder: HolderOp;
  if (!user) {
    holder = {
      op: "create",
      data: { nationalId: row.holderNationalId, firstName: row.holderFirstName, lastName: row.holderLastName, mobile: row.holderMobile },
    };
  } else {
    const data: Partial<HolderData> = {};
    if (user.firstName !== row.holderFirstName) {
      data.firstName = row.holderFirstName;
      note("holder.firstName", user.firstName, row.holderFirstName);
    }
    if (user.lastName !== row.holderLastName) {
      data.lastName = row.holderLastName;
      note("holder.lastName", user.lastName, row.holderLastName);
    }
    if (row.holderMobile !== null && user.mobile !== row.holderMobile) {
      data.mobile = row.holderMobile;
      note("holder.mobile", user.mobile, row.holderMobile);
    }
    holder = Object.keys(data).length > 0 ? { op: "update", id: user.id, data } : { op: "keep", id: user.id };
  }

  const wanted: OfficeData = {
    code: officeCode,
    name: row.officeName,
    type: row.officeType,
    personType: row.personType,
    provinceId: row.provinceId,
    city: row.city,
    address: row.address,
    postalCode: row.postalCode,
  };
  let officeOp: OfficeOp;
  if (!office) {
    officeOp = { op: "create", data: wanted };
  } else {
    const data: Partial<OfficeData> = {};
    const change = <K extends keyof OfficeData>(key: K, field: ChangeField, before: string | null, after: string | null) => {
      data[key] = wanted[key];
      note(field, before, after);
    };
    if (office.name !== wanted.name) change("name", "office.name", office.name, wanted.name);
    if (office.type !== wanted.type) change("type", "office.type", OFFICE_TYPE_LABEL[office.type], OFFICE_TYPE_LABEL[wanted.type]);
    if (office.personType !== wanted.personType)
      change("personType", "office.personType", PERSON_TYPE_LABEL[office.personType], PERSON_TYPE_LABEL[wanted.personType]);
    if (office.provinceId !== wanted.provinceId)
      change("provinceId", "office.province", x.provinceName(office.provinceId), x.provinceName(wanted.provinceId));
    if (office.city !== wanted.city) change("city", "office.city", office.city, wanted.city);
    if (office.address !== wanted.address) change("address", "office.address", office.address, wanted.address);
    if (wanted.postalCode !== null && office.postalCode !== wanted.postalCode)
      change("postalCode", "office.postalCode", office.postalCode, wanted.postalCode);
    officeOp = Object.keys(data).length > 0 ? { op: "update", id: office.id, data } : { op: "keep", id: office.id };
  }

  const licenceData: LicenceData = {
    number: row.licenceNumber,
    issuedAt: row.licenceIssuedAt,
    expiresAt: row.licenceExpiresAt,
    status: row.licenceStatus,
  };
  let licenceOp: LicenceOp;
  if (!licence) {
    licenceOp = { op: "create", data: licenceData };
    if (office) note("licence.new", office.licences.map((l) => l.number).join("، ") || null, row.licenceNumber);
  } else {
    const data: Partial<LicenceData> = {};
    const change = <K extends keyof LicenceData>(key: K, field: ChangeField, before: string, after: string) => {
      data[key] = licenceData[key];
      note(field, before, after);
    };
    if (!sameInstant(licence.issuedAt, licenceData.issuedAt))
      change("issuedAt", "licence.issuedAt", jalaliText(licence.issuedAt), jalaliText(licenceData.issuedAt));
    if (!sameInstant(licence.expiresAt, licenceData.expiresAt))
      change("expiresAt", "licence.expiresAt", jalaliText(licence.expiresAt), jalaliText(licenceData.expiresAt));
    if (licence.status !== licenceData.status)
      change("status", "licence.status", LICENCE_STATUS_LABEL[licence.status], LICENCE_STATUS_LABEL[licenceData.status]);
    licenceOp = Object.keys(data).length > 0 ? { op: "update", id: licence.id, data } : { op: "keep" };
  }

  if (!office) return { kind: "create", line, officeCode, holder, office: officeOp, licence: licenceOp, changes: [] };
  if (changes.length === 0) return { kind: "unchanged", line, officeCode };
  return { kind: "update", line, officeCode, holder, office: officeOp, licence: licenceOp, changes };
}

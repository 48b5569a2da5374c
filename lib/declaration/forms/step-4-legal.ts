// Step 4, اطلاعات حقوقی: the company (legal persons only). Board members are a list of
// their own (BoardMember rows, board-member.ts).
import { z } from "zod";
import { jalaliDateField, legalIdField, mobileField, nationalIdField, optionalField, persianNameFieldFor } from "@/lib/validation/fields";
import { draftSchemaOf, type FieldSpec } from "./field-spec";
import { choice, integerText, textField } from "./common-fields";

const REPRESENTATIVE_OPTIONS = [
  { value: "CEO", label: "مدیرعامل" },
  { value: "BOARD_MEMBER", label: "یکی از اعضای هیئت مدیره (برای پیگیری)" },
] as const;

export const fields: readonly FieldSpec[] = [
  { name: "companyName", label: "نام شرکت", kind: "text" },
  { name: "registrationNumber", label: "شماره ثبت", kind: "text", dir: "ltr", inputMode: "numeric" },
  { name: "registrationDate", label: "تاریخ ثبت", kind: "date" },
  { name: "legalNationalId", label: "شناسه ملی شرکت", kind: "text", dir: "ltr", inputMode: "numeric", hint: "۱۱ رقم" },
  { name: "representativeType", label: "نماینده شرکت", kind: "radio", options: REPRESENTATIVE_OPTIONS },
  { name: "representativeFirstName", label: "نام نماینده", kind: "text" },
  { name: "representativeLastName", label: "نام خانوادگی نماینده", kind: "text" },
  { name: "representativeNationalId", label: "کد ملی نماینده", kind: "text", dir: "ltr", inputMode: "numeric" },
  { name: "representativeMobile", label: "تلفن همراه نماینده", kind: "tel", dir: "ltr", inputMode: "tel" },
];

export const full = z.object({
  companyName: textField("نام شرکت", 2, 120),
  registrationNumber: integerText("شماره ثبت", 1, 9_999_999_999),
  registrationDate: jalaliDateField,
  legalNationalId: legalIdField,
  representativeType: choice(
    "نماینده شرکت",
    REPRESENTATIVE_OPTIONS.map((o) => o.value),
  ),
  representativeFirstName: persianNameFieldFor("نام نماینده"),
  representativeLastName: persianNameFieldFor("نام خانوادگی نماینده"),
  representativeNationalId: nationalIdField,
  representativeMobile: mobileField,
});

export const draft = draftSchemaOf(fields);

/** One board member (a row of its own, added, edited and removed one at a time). */
export const boardMemberFields: readonly FieldSpec[] = [
  { name: "firstName", label: "نام", kind: "text" },
  { name: "lastName", label: "نام خانوادگی", kind: "text" },
  { name: "nationalId", label: "کد ملی", kind: "text", dir: "ltr", inputMode: "numeric" },
  { name: "position", label: "سمت", kind: "text" },
  { name: "mobile", label: "تلفن همراه", kind: "tel", dir: "ltr", inputMode: "tel", optional: true },
];

export const boardMember = z.object({
  firstName: persianNameFieldFor("نام"),
  lastName: persianNameFieldFor("نام خانوادگی"),
  nationalId: nationalIdField,
  position: textField("سمت", 2, 60),
  mobile: optionalField(mobileField),
});

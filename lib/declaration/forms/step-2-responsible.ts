// Step 2, مسئول دفتر: the responsible person (for a legal person, the chief executive).
import { z } from "zod";
import { emailField, jalaliDateField, mobileField, nationalIdField, optionalField, persianNameFieldFor } from "@/lib/validation/fields";
import { draftSchemaOf, type FieldSpec } from "./field-spec";
import { choice, GENDER_OPTIONS } from "./common-fields";

export const EDUCATION_OPTIONS = [
  { value: "below-diploma", label: "زیر دیپلم" },
  { value: "diploma", label: "دیپلم" },
  { value: "associate", label: "کاردانی" },
  { value: "bachelor", label: "کارشناسی" },
  { value: "master", label: "کارشناسی ارشد" },
  { value: "doctorate", label: "دکتری" },
] as const;

export const fields: readonly FieldSpec[] = [
  { name: "firstName", label: "نام", kind: "text", autoComplete: "given-name" },
  { name: "lastName", label: "نام خانوادگی", kind: "text", autoComplete: "family-name" },
  { name: "nationalId", label: "کد ملی", kind: "text", dir: "ltr", inputMode: "numeric" },
  { name: "fatherName", label: "نام پدر", kind: "text" },
  { name: "birthDate", label: "تاریخ تولد", kind: "date" },
  { name: "gender", label: "جنسیت", kind: "radio", options: GENDER_OPTIONS },
  { name: "education", label: "تحصیلات", kind: "select", options: EDUCATION_OPTIONS },
  { name: "mobile", label: "تلفن همراه", kind: "tel", dir: "ltr", inputMode: "tel", autoComplete: "tel" },
  { name: "email", label: "پست الکترونیک", kind: "email", dir: "ltr", inputMode: "email", autoComplete: "email", optional: true },
];

export const full = z.object({
  firstName: persianNameFieldFor("نام"),
  lastName: persianNameFieldFor("نام خانوادگی"),
  nationalId: nationalIdField,
  fatherName: persianNameFieldFor("نام پدر"),
  birthDate: jalaliDateField,
  gender: choice(
    "جنسیت",
    GENDER_OPTIONS.map((o) => o.value),
  ),
  education: choice(
    "تحصیلات",
    EDUCATION_OPTIONS.map((o) => o.value),
  ),
  mobile: mobileField,
  email: optionalField(emailField),
});

export const draft = draftSchemaOf(fields);

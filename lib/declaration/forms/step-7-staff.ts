// Step 7, کارکنان: one staff member (a StaffMember row). The list as a whole must match
// the numbers declared in step 3 (staff-rules.ts).
import { z } from "zod";
import { jalaliDateField, mobileField, nationalIdField, persianNameFieldFor } from "@/lib/validation/fields";
import { parseJalaliDate } from "@/lib/format/jalali";
import { draftSchemaOf, type FieldSpec } from "./field-spec";
import { choice, GENDER_OPTIONS } from "./common-fields";

export const fields: readonly FieldSpec[] = [
  { name: "firstName", label: "نام", kind: "text" },
  { name: "lastName", label: "نام خانوادگی", kind: "text" },
  { name: "birthDate", label: "تاریخ تولد", kind: "date" },
  { name: "gender", label: "جنسیت", kind: "radio", options: GENDER_OPTIONS },
  { name: "nationalId", label: "کد ملی", kind: "text", dir: "ltr", inputMode: "numeric" },
  { name: "mobile", label: "تلفن همراه", kind: "tel", dir: "ltr", inputMode: "tel" },
  { name: "disabled", label: "دارای معلولیت", kind: "checkbox", optional: true },
  { name: "insured", label: "بیمه شده", kind: "checkbox", optional: true },
  { name: "acceptsTerms", label: "شرایط و قوانین سامانه را می‌پذیرد", kind: "checkbox", optional: true },
];

export const staffMember = z
  .object({
    firstName: persianNameFieldFor("نام"),
    lastName: persianNameFieldFor("نام خانوادگی"),
    birthDate: jalaliDateField,
    gender: choice(
      "جنسیت",
      GENDER_OPTIONS.map((o) => o.value),
    ),
    nationalId: nationalIdField,
    mobile: mobileField,
    disabled: z.boolean().default(false),
    insured: z.boolean().default(false),
    acceptsTerms: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    const born = parseJalaliDate(v.birthDate);
    if (born) {
      const age = (Date.now() - born.getTime()) / (365.25 * 86_400_000);
      if (age < 15 || age > 100)
        ctx.addIssue({ code: "custom", path: ["birthDate"], message: "تاریخ تولد درست به نظر نمی‌رسد (سن باید بین ۱۵ تا ۱۰۰ سال باشد)." });
    }
  });

export type StaffMemberInput = z.input<typeof staffMember>;
export type StaffMemberData = z.output<typeof staffMember>;

export const draft = draftSchemaOf(fields);

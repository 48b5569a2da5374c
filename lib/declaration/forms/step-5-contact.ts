// Step 5, اطلاعات تماس.
import { z } from "zod";
import { emailField, landlineField, mobileField, optionalField, postalCodeField } from "@/lib/validation/fields";
import { PROVINCES } from "@/lib/geo/regions";
import { draftSchemaOf, type FieldSpec } from "./field-spec";
import { choice, textField } from "./common-fields";

const PROVINCE_OPTIONS = PROVINCES.map((p) => ({ value: String(p.id), label: p.name }));

const website = z.string().transform((raw, ctx) => {
  const s = raw.trim();
  const withScheme = /^https?:\/\//i.test(s) ? s : `https://${s}`;
  try {
    const u = new URL(withScheme);
    if (!u.hostname.includes(".")) throw new Error("no dot");
    return u.toString();
  } catch {
    ctx.addIssue({ code: "custom", message: "نشانی وب‌سایت معتبر نیست (مانند example.ir)." });
    return z.NEVER;
  }
});

export const fields: readonly FieldSpec[] = [
  { name: "landline", label: "تلفن ثابت", kind: "tel", dir: "ltr", inputMode: "tel", hint: "با کد شهر، مانند ۰۲۱۸۸۱۲۳۴۵۶" },
  { name: "mobile", label: "تلفن همراه", kind: "tel", dir: "ltr", inputMode: "tel" },
  { name: "fax", label: "نمابر", kind: "tel", dir: "ltr", inputMode: "tel", optional: true },
  { name: "email", label: "پست الکترونیک", kind: "email", dir: "ltr", inputMode: "email", optional: true },
  { name: "website", label: "وب‌سایت", kind: "text", dir: "ltr", inputMode: "url", optional: true },
  { name: "provinceId", label: "استان", kind: "select", options: PROVINCE_OPTIONS },
  { name: "city", label: "شهر", kind: "text" },
  { name: "address", label: "نشانی", kind: "textarea" },
  { name: "postalCode", label: "کد پستی", kind: "text", dir: "ltr", inputMode: "numeric", hint: "۱۰ رقم" },
];

export const full = z.object({
  landline: landlineField,
  mobile: mobileField,
  fax: optionalField(landlineField),
  email: optionalField(emailField),
  website: optionalField(website),
  provinceId: choice(
    "استان",
    PROVINCE_OPTIONS.map((o) => o.value),
  ),
  city: textField("شهر", 2, 60),
  address: textField("نشانی", 10, 300),
  postalCode: postalCodeField,
});

export const draft = draftSchemaOf(fields);

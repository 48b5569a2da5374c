// Step 3, مشخصات دفتر: the office. Person type decides whether step 4 exists.
import { z } from "zod";
import { jalaliDateField } from "@/lib/validation/fields";
import { parseJalaliDate } from "@/lib/format/jalali";
import { toPersianDigits } from "@/lib/format/digits";
import { OFFICE_TYPE_LABEL, PERSON_TYPE_LABEL } from "@/lib/format/labels";
import { draftSchemaOf, type FieldSpec } from "./field-spec";
import { choice, decimalText, integerText, textField } from "./common-fields";

// The facilities checklist. Its keys are the items of the rule set's `facilities`
// checklist (lib/ranking/sample-ruleset.json), so a ticked box is a scored fact.
export const FACILITY_OPTIONS = [
  { value: "ramp", label: "رمپ یا سطح شیب‌دار برای ورود" },
  { value: "accessibleToilet", label: "سرویس بهداشتی مناسب افراد دارای معلولیت" },
  { value: "parking", label: "پارکینگ" },
  { value: "waitingSeats", label: "صندلی انتظار برای مراجعان" },
  { value: "queueSystem", label: "سامانه نوبت‌دهی" },
  { value: "airConditioning", label: "سیستم سرمایش و گرمایش" },
  { value: "posTerminal", label: "کارتخوان" },
  { value: "colorScanner", label: "اسکنر رنگی" },
  { value: "cctv", label: "دوربین مداربسته" },
  { value: "fireExtinguisher", label: "کپسول آتش‌نشانی" },
] as const;

const PERSON_TYPE_OPTIONS = (["REAL", "LEGAL"] as const).map((v) => ({ value: v, label: PERSON_TYPE_LABEL[v] }));
const OFFICE_TYPE_OPTIONS = (["PISHKHAN_GOVERNMENT", "PISHKHAN_NON_GOVERNMENT", "RURAL_ICT"] as const).map((v) => ({
  value: v,
  label: OFFICE_TYPE_LABEL[v],
}));

const MAX_STAFF = 200;

export const fields: readonly FieldSpec[] = [
  {
    name: "personType",
    label: "نوع شخصیت دارنده پروانه",
    kind: "radio",
    options: PERSON_TYPE_OPTIONS,
    hint: "با انتخاب «حقوقی» مرحله «اطلاعات حقوقی» اضافه می‌شود.",
  },
  { name: "officeType", label: "نوع دفتر", kind: "select", options: OFFICE_TYPE_OPTIONS },
  { name: "licenceNumber", label: "شماره پروانه", kind: "text", dir: "ltr" },
  { name: "licenceIssuedAt", label: "تاریخ صدور پروانه", kind: "date" },
  { name: "licenceExpiresAt", label: "تاریخ پایان اعتبار پروانه", kind: "date" },
  { name: "floorArea", label: "متراژ دفتر (متر مربع)", kind: "number", inputMode: "decimal", dir: "ltr" },
  { name: "groundFloor", label: "دفتر در طبقه همکف است و از معبر دسترسی مستقیم دارد", kind: "checkbox", optional: true },
  { name: "holderExperienceYears", label: "سابقه فعالیت دارنده پروانه (سال)", kind: "number", inputMode: "numeric", dir: "ltr" },
  {
    name: "staffCount",
    label: "تعداد کارکنان",
    kind: "number",
    inputMode: "numeric",
    dir: "ltr",
    hint: "باید با فهرست کارکنان در مرحله ۷ برابر باشد.",
  },
  { name: "disabledStaffCount", label: "تعداد کارکنان دارای معلولیت", kind: "number", inputMode: "numeric", dir: "ltr" },
  { name: "facilities", label: "امکانات و تجهیزات دفتر", kind: "checklist", options: FACILITY_OPTIONS, optional: true },
];

export const full = z
  .object({
    personType: choice(
      "نوع شخصیت",
      PERSON_TYPE_OPTIONS.map((o) => o.value),
    ),
    officeType: choice(
      "نوع دفتر",
      OFFICE_TYPE_OPTIONS.map((o) => o.value),
    ),
    licenceNumber: textField("شماره پروانه", 3, 40),
    licenceIssuedAt: jalaliDateField,
    licenceExpiresAt: jalaliDateField,
    floorArea: decimalText("متراژ دفتر", 1, 10_000),
    groundFloor: z.boolean().optional(),
    holderExperienceYears: integerText("سابقه فعالیت", 0, 70),
    staffCount: integerText("تعداد کارکنان", 0, MAX_STAFF),
    disabledStaffCount: integerText("تعداد کارکنان دارای معلولیت", 0, MAX_STAFF),
    facilities: z
      .array(
        choice(
          "امکانات",
          FACILITY_OPTIONS.map((o) => o.value),
        ),
      )
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (Number(v.disabledStaffCount) > Number(v.staffCount)) {
      ctx.addIssue({
        code: "custom",
        path: ["disabledStaffCount"],
        message: `تعداد کارکنان دارای معلولیت (${toPersianDigits(v.disabledStaffCount)}) نمی‌تواند بیشتر از تعداد کارکنان (${toPersianDigits(v.staffCount)}) باشد.`,
      });
    }
    const issued = parseJalaliDate(v.licenceIssuedAt);
    const expires = parseJalaliDate(v.licenceExpiresAt);
    if (issued && expires && expires <= issued) {
      ctx.addIssue({ code: "custom", path: ["licenceExpiresAt"], message: "تاریخ پایان اعتبار باید پس از تاریخ صدور باشد." });
    }
    if (issued && issued > new Date()) {
      ctx.addIssue({ code: "custom", path: ["licenceIssuedAt"], message: "تاریخ صدور نمی‌تواند در آینده باشد." });
    }
  });

export const draft = draftSchemaOf(fields);

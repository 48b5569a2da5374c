// zod pieces shared by several steps' `full` schemas.
import { z } from "zod";
import { toAsciiDigits } from "@/lib/validation/normalize";
import { toPersianDigits } from "@/lib/format/digits";

export const REQUIRED = "این فیلد الزامی است.";

/** A whole number typed as text (Persian digits accepted) within [min, max]. */
export function integerText(label: string, min: number, max: number) {
  return z.string({ error: REQUIRED }).transform((raw, ctx) => {
    const s = toAsciiDigits(raw).trim();
    if (s === "") {
      ctx.addIssue({ code: "custom", message: `${label} را وارد کنید.` });
      return z.NEVER;
    }
    if (!/^\d+$/.test(s)) {
      ctx.addIssue({ code: "custom", message: `${label} باید یک عدد صحیح باشد.` });
      return z.NEVER;
    }
    const n = Number(s);
    if (n < min || n > max) {
      ctx.addIssue({ code: "custom", message: `${label} باید بین ${toPersianDigits(min)} و ${toPersianDigits(max)} باشد.` });
      return z.NEVER;
    }
    return String(n);
  });
}

/** A decimal number typed as text (Persian digits and ٫ accepted) within [min, max]. */
export function decimalText(label: string, min: number, max: number) {
  return z.string({ error: REQUIRED }).transform((raw, ctx) => {
    const s = toAsciiDigits(raw).replace("٫", ".").trim();
    if (s === "") {
      ctx.addIssue({ code: "custom", message: `${label} را وارد کنید.` });
      return z.NEVER;
    }
    if (!/^\d+(\.\d{1,2})?$/.test(s)) {
      ctx.addIssue({ code: "custom", message: `${label} باید عدد باشد (حداکثر دو رقم اعشار).` });
      return z.NEVER;
    }
    const n = Number(s);
    if (n < min || n > max) {
      ctx.addIssue({ code: "custom", message: `${label} باید بین ${toPersianDigits(min)} و ${toPersianDigits(max)} باشد.` });
      return z.NEVER;
    }
    return String(n);
  });
}

/** Free Persian text (company name, address…): trimmed, ي/ك unified, length-bounded. */
export function textField(label: string, min: number, max: number) {
  return z.string({ error: REQUIRED }).transform((raw, ctx) => {
    const s = raw.replace(/ي/g, "ی").replace(/ك/g, "ک").replace(/\s+/g, " ").trim();
    if (s.length === 0) ctx.addIssue({ code: "custom", message: `${label} را وارد کنید.` });
    else if (s.length < min) ctx.addIssue({ code: "custom", message: `${label} باید دست‌کم ${toPersianDigits(min)} نویسه باشد.` });
    else if (s.length > max) ctx.addIssue({ code: "custom", message: `${label} نباید بیش از ${toPersianDigits(max)} نویسه باشد.` });
    else return s;
    return z.NEVER;
  });
}

export function choice(label: string, values: readonly string[]) {
  return z.string({ error: `${label} را انتخاب کنید.` }).refine((v) => values.includes(v), { error: `${label} را انتخاب کنید.` });
}

export const GENDER_OPTIONS = [
  { value: "MALE", label: "مرد" },
  { value: "FEMALE", label: "زن" },
] as const;

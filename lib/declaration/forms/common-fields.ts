// zod pieces shared by several steps' `full` schemas.
import { z } from "zod";
import { toAsciiDigits } from "@/lib/validation/normalize";
import { toPersianDigits } from "@/lib/format/digits";

export const REQUIRED = "این فیلد الزامی است.";

/**
 * A number typed as text (Persian digits and the Persian decimal separator accepted) within
 * [min, max]; whole unless `decimals` allows up to that many places. Kept as canonical text.
 */
function numberText(label: string, min: number, max: number, decimals: 0 | 2) {
  const pattern = decimals ? /^\d+(\.\d{1,2})?$/ : /^\d+$/;
  const shape = decimals ? `${label} باید عدد باشد (حداکثر دو رقم اعشار).` : `${label} باید یک عدد صحیح باشد.`;
  return z.string({ error: REQUIRED }).transform((raw, ctx) => {
    const s = toAsciiDigits(raw).replace("٫", ".").trim();
    const n = Number(s);
    const message =
      s === ""
        ? `${label} را وارد کنید.`
        : !pattern.test(s)
          ? shape
          : n < min || n > max
            ? `${label} باید بین ${toPersianDigits(min)} و ${toPersianDigits(max)} باشد.`
            : null;
    if (message) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return String(n);
  });
}

export const integerText = (label: string, min: number, max: number) => numberText(label, min, max, 0);
export const decimalText = (label: string, min: number, max: number) => numberText(label, min, max, 2);

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

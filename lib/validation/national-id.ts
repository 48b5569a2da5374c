// Iranian personal national code (کد ملی): 10 digits, the last one a mod-11
// check digit over the first nine with weights 10..2.
import { stripSeparators, toAsciiDigits } from "./normalize";

/** Stored form: ASCII digits, no spaces or hyphens. Leading zeros are significant and kept. */
export function normalizeNationalId(input: string): string {
  return stripSeparators(toAsciiDigits(input));
}

/** Check-digit test on an already-normalised 10-digit string. */
function checksumOk(id: string): boolean {
  const digits = Array.from(id, Number);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += digits[i]! * (10 - i); // weight 11 − position (1-based)
  const r = sum % 11;
  const expected = r < 2 ? r : 11 - r;
  return expected === digits[9];
}

export function isValidNationalId(input: string): boolean {
  return nationalIdIssue(input) === null;
}

/** Persian message describing why the value is not a valid national code, or null when it is. */
export function nationalIdIssue(input: string): string | null {
  const id = normalizeNationalId(input);
  if (id === "") return "کد ملی را وارد کنید.";
  if (!/^\d+$/.test(id)) return "کد ملی فقط باید شامل رقم باشد.";
  if (id.length !== 10) return "کد ملی باید ۱۰ رقم باشد.";
  // Codes made of one repeated digit pass the checksum (e.g. 1111111111) but are never issued.
  if (/^(\d)\1{9}$/.test(id)) return "کد ملی معتبر نیست.";
  if (!checksumOk(id)) return "کد ملی معتبر نیست.";
  return null;
}

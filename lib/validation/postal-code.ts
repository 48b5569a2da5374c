// Iranian postal code (کد پستی): exactly 10 digits. It is often printed as
// 12345-67890, so hyphens and spaces are accepted and removed.
import { stripSeparators, toAsciiDigits } from "./normalize";

export function normalizePostalCode(input: string): string {
  return stripSeparators(toAsciiDigits(input));
}

export function isValidPostalCode(input: string): boolean {
  return postalCodeIssue(input) === null;
}

export function postalCodeIssue(input: string): string | null {
  const code = normalizePostalCode(input);
  if (code === "") return "کد پستی را وارد کنید.";
  if (!/^\d+$/.test(code)) return "کد پستی فقط باید شامل رقم باشد.";
  if (code.length !== 10) return "کد پستی باید ۱۰ رقم باشد.";
  return null;
}

// Iranian phone numbers. We store the domestic form (leading 0) because that
// is what staff read and dial; international prefixes are accepted on input
// only. Parentheses are tolerated as separators since people write (021).
import { stripSeparators, toAsciiDigits } from "./normalize";

function clean(input: string): string {
  return stripSeparators(toAsciiDigits(input)).replace(/[()]/g, "");
}

// Optional +98 / 0098 / 98, then an optional trunk 0, then 9 + nine digits.
const MOBILE = /^(?:(?:\+|00)?98)?0?(9\d{9})$/;
// Landline: 0 or +98/0098 (optionally followed by a redundant 0), then a
// two-digit area code that cannot start with 0 or 9 (9 is the mobile range),
// then the 8-digit subscriber number.
const LANDLINE = /^(?:(?:\+|00)980?|0)([1-8]\d{9})$/;

/** Returns the stored form `09xxxxxxxxx`, or null if the input is not an Iranian mobile number. */
export function normalizeMobile(input: string): string | null {
  const m = MOBILE.exec(clean(input));
  return m ? `0${m[1]}` : null;
}

/** Returns the stored form `0` + area code + number (11 digits), or null. */
export function normalizeLandline(input: string): string | null {
  const m = LANDLINE.exec(clean(input));
  return m ? `0${m[1]}` : null;
}

export function isValidMobile(input: string): boolean {
  return normalizeMobile(input) !== null;
}

export function isValidLandline(input: string): boolean {
  return normalizeLandline(input) !== null;
}

export function mobileIssue(input: string): string | null {
  if (clean(input) === "") return "شماره همراه را وارد کنید.";
  if (normalizeMobile(input) !== null) return null;
  return "شماره همراه معتبر نیست؛ آن را به شکل ۰۹۱۲۱۲۳۴۵۶۷ وارد کنید.";
}

export function landlineIssue(input: string): string | null {
  if (clean(input) === "") return "شماره تلفن ثابت را وارد کنید.";
  if (normalizeLandline(input) !== null) return null;
  // A common mistake is putting the mobile number in the landline field; say so explicitly.
  if (normalizeMobile(input) !== null) return "این شماره همراه است؛ شماره تلفن ثابت را با پیش‌شماره وارد کنید.";
  return "شماره تلفن ثابت معتبر نیست؛ آن را با پیش‌شماره و به شکل ۰۲۱۱۲۳۴۵۶۷۸ وارد کنید.";
}

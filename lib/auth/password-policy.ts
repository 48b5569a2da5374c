// The password policy, shared by the browser forms and the server (no hashing here).
import { toPersianDigits } from "@/lib/format/digits";
import { toAsciiDigits } from "@/lib/validation/normalize";

export const PASSWORD_MIN_LENGTH = 10;
// Longer input is refused before hashing: a 5,000-character password is an attack or a
// paste error, and either way gets a clear message instead of work on the server.
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Passwords are compared with Persian and Arabic digits turned into ASCII: a holder types
 * the same password on a Persian or an English keyboard, and "contains the national ID"
 * cannot be dodged by typing it in Persian digits. Applied everywhere a password enters.
 */
export function normalizePassword(password: string): string {
  return toAsciiDigits(password);
}

/** Persian message for a new password that breaks the policy, or null. */
export function newPasswordIssue(raw: string, nationalId: string): string | null {
  const password = normalizePassword(raw);
  if (password.length < PASSWORD_MIN_LENGTH) return `رمز عبور باید دست‌کم ${toPersianDigits(PASSWORD_MIN_LENGTH)} نویسه باشد.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `رمز عبور نباید بیش از ${toPersianDigits(PASSWORD_MAX_LENGTH)} نویسه باشد.`;
  if (password.includes(nationalId)) return "رمز عبور نباید کد ملی شما را در خود داشته باشد.";
  if (/^(.)\1+$/.test(password)) return "رمز عبور نباید از یک نویسه تکراری ساخته شده باشد.";
  return null;
}

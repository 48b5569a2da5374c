// The password policy, shared by the browser forms and the server (no hashing here).
import { toPersianDigits } from "@/lib/format/digits";

export const PASSWORD_MIN_LENGTH = 10;
// Longer input is refused before hashing: a 5,000-character password is an attack or a
// paste error, and either way gets a clear message instead of work on the server.
export const PASSWORD_MAX_LENGTH = 128;

/** Persian message for a new password that breaks the policy, or null. */
export function newPasswordIssue(password: string, nationalId: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `رمز عبور باید دست‌کم ${toPersianDigits(PASSWORD_MIN_LENGTH)} نویسه باشد.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `رمز عبور نباید بیش از ${toPersianDigits(PASSWORD_MAX_LENGTH)} نویسه باشد.`;
  if (password.includes(nationalId)) return "رمز عبور نباید کد ملی شما را در خود داشته باشد.";
  if (/^(.)\1+$/.test(password)) return "رمز عبور نباید از یک نویسه تکراری ساخته شده باشد.";
  return null;
}


// The password limits and normalisation, light enough for the browser's form schemas
// (lib/auth/schemas.ts). The full policy, with the strength estimate, is password-policy.ts.
import { toPersianDigits } from "@/lib/format/digits";
import { toAsciiDigits } from "@/lib/validation/normalize";

export const PASSWORD_MIN_LENGTH = 12;
// Longer input is refused before hashing: a 5,000-character password is an attack or a
// paste error, and either way gets a clear message instead of work on the server.
export const PASSWORD_MAX_LENGTH = 128;

/** The hint shown under every new-password field. */
export const PASSWORD_HINT = `دست‌کم ${toPersianDigits(PASSWORD_MIN_LENGTH)} نویسه، بدون کد ملی و شماره همراه شما و دور از الگوهای ساده صفحه‌کلید؛ چند واژه نامرتبط کنار هم رمز خوبی است.`;

/**
 * Passwords are compared with Persian and Arabic digits turned into ASCII: a holder types
 * the same password on a Persian or an English keyboard, and "contains the national ID"
 * cannot be dodged by typing it in Persian digits. Applied everywhere a password enters.
 */
export function normalizePassword(password: string): string {
  return toAsciiDigits(password);
}

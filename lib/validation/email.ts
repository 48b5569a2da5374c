// Deliberately simple e-mail check: catches typos (missing @, missing TLD,
// spaces, Persian characters typed by keyboard-layout mistakes) without trying
// to implement RFC 5322. Delivery is the only real proof of an address.

/** Trimmed and lower-cased, so the same mailbox is not stored twice with different case. */
export function normalizeEmail(input: string): string {
  return input.trim().toLowerCase();
}

const LOCAL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/i;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

export function isValidEmail(input: string): boolean {
  return emailIssue(input) === null;
}

export function emailIssue(input: string): string | null {
  const email = normalizeEmail(input);
  if (email === "") return "نشانی ایمیل را وارد کنید.";
  const invalid = "نشانی ایمیل معتبر نیست (نمونه: name@example.com).";
  if (email.length > 254) return invalid;
  const at = email.lastIndexOf("@");
  if (at <= 0) return invalid;
  const local = email.slice(0, at);
  const labels = email.slice(at + 1).split(".");
  if (local.length > 64 || !LOCAL.test(local)) return invalid;
  // At least "domain.tld", and the TLD must be alphabetic (rules out 1.2.3.4 and "example.c0m").
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return invalid;
  if (!/^[a-z]{2,}$/i.test(labels[labels.length - 1]!)) return invalid;
  return null;
}

import type { z } from "zod";

// What every server action returns to its form: success, or Persian messages for the
// fields (shown beside each field) and/or for the whole form.
export type ActionResult<T = undefined> =
  | ({ ok: true } & (T extends undefined ? { data?: undefined } : { data: T }))
  | { ok: false; formError?: string; fieldErrors?: Record<string, string>; code?: "STALE" | "NOT_FOUND" | "SIGNED_OUT" };

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}

export const SESSION_EXPIRED_MESSAGE = "نشست شما به پایان رسیده است. لطفاً دوباره وارد شوید؛ آنچه وارد کرده‌اید در این صفحه باقی می‌ماند.";
export const NOT_FOUND_MESSAGE = "این پرونده یافت نشد یا به آن دسترسی ندارید.";
export const INVALID_REQUEST_MESSAGE = "درخواست نامعتبر است. صفحه را دوباره بارگذاری کنید.";
export const UNEXPECTED_MESSAGE = "خطای پیش‌بینی‌نشده‌ای رخ داد و چیزی ذخیره نشد. دوباره تلاش کنید.";

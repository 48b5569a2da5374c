import type { z } from "zod";
import "@/lib/validation/zod-locale";

// The one family of refusals. A service function throws an AppError with the Persian
// sentence its user sees (and, for a form, one message per field); the action frame turns it
// into an ActionResult (lib/actions/define-action.ts) and a route handler into a JSON answer
// (lib/http/error-response.ts). Nothing else decides what a refusal says or which status it gets.

/**
 * What kind of refusal, which decides the HTTP status and what the browser does next:
 * - NOT_FOUND: no such record, or not the caller's to see (the two are never told apart)
 * - STALE: someone changed the record since this page read it (the form offers a reload)
 * - INVALID: the input is wrong; the messages go beside the fields
 * - REFUSED: the record's state, the window or a rule forbids it now
 * - SIGNED_OUT: no session, or the session may not do this yet (password change first)
 * - TOO_LARGE: an upload over its limit, refused before it is read
 */
export type AppErrorCode = "NOT_FOUND" | "STALE" | "INVALID" | "REFUSED" | "SIGNED_OUT" | "TOO_LARGE";

const STATUS: Record<AppErrorCode, number> = {
  NOT_FOUND: 404,
  STALE: 409,
  INVALID: 422,
  REFUSED: 409,
  SIGNED_OUT: 401,
  TOO_LARGE: 413,
};

export type FieldErrors = Record<string, string>;

/**
 * The messages of a zod error by field. A form's own fields travel under `values` (the
 * wizard's steps, a staff or board row); their messages are keyed by the field's name alone,
 * as the form names them.
 */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path[0] === "values" && issue.path.length > 1 ? issue.path.slice(1) : issue.path;
    const key = path.join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}

export class AppError extends Error {
  readonly fieldErrors: FieldErrors;
  readonly status: number;

  constructor(
    readonly code: AppErrorCode,
    readonly userMessage: string,
    opts: { fieldErrors?: FieldErrors; status?: number } = {},
  ) {
    super(userMessage);
    this.name = new.target.name;
    this.fieldErrors = opts.fieldErrors ?? {};
    this.status = opts.status ?? STATUS[code];
  }
}

export const NOT_FOUND_MESSAGE = "این پرونده یافت نشد یا به آن دسترسی ندارید.";
export const SESSION_EXPIRED_MESSAGE = "نشست شما به پایان رسیده است. لطفاً دوباره وارد شوید؛ آنچه وارد کرده‌اید در این صفحه باقی می‌ماند.";
export const MUST_CHANGE_PASSWORD_MESSAGE = "پیش از ادامه، رمز عبور خود را تغییر دهید.";
export const MUST_ENROLL_TOTP_MESSAGE = "پیش از ادامه، ورود دومرحله‌ای (برنامه احراز هویت) را برای حساب خود فعال کنید.";
export const INVALID_REQUEST_MESSAGE = "درخواست نامعتبر است. صفحه را دوباره بارگذاری کنید.";
const INVALID_FIELDS_MESSAGE = "برخی از فیلدها کامل یا درست نیستند. پیام کنار هر فیلد را ببینید.";
export const UNEXPECTED_MESSAGE = "خطای پیش‌بینی‌نشده‌ای رخ داد و چیزی ذخیره نشد. دوباره تلاش کنید.";

/**
 * No such record, or one outside the caller's office or region: the same answer for both, so
 * that an attacker cannot tell "exists but not yours" from "does not exist". `what` names the
 * record for logs only; the user sees `userMessage`.
 */
export class NotFoundError extends AppError {
  constructor(
    readonly what = "record",
    userMessage = NOT_FOUND_MESSAGE,
  ) {
    super("NOT_FOUND", userMessage);
    this.message = `${what} not found`;
  }
}

/** The input is wrong: one Persian message per field, shown beside it. */
export class InvalidInputError extends AppError {
  constructor(fieldErrors: FieldErrors, message = INVALID_FIELDS_MESSAGE) {
    super("INVALID", message, { fieldErrors });
  }
}

export class SignedOutError extends AppError {
  constructor(message = SESSION_EXPIRED_MESSAGE) {
    super("SIGNED_OUT", message);
  }
}

/** The record's state, a window or a rule forbids the change now. */
export class RefusedError extends AppError {
  constructor(userMessage: string) {
    super("REFUSED", userMessage);
  }
}

export const UNSAFE_TEXT_MESSAGE =
  "این متن نویسه‌ای دارد که پذیرفته نمی‌شود (نویسه تهی یا نیمی از یک نویسه). آن را پاک کنید و دوباره بنویسید.";

// A NUL, or half of a UTF-16 surrogate pair: PostgreSQL cannot store either in text or JSON,
// and no keyboard types them. They reach us only from a forged call or a broken paste.
const UNSAFE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The fields (form names, as fieldErrorsOf keys them) whose text holds a character no column can store. */
export function unsafeTextFields(raw: unknown): FieldErrors {
  const out: FieldErrors = {};
  const walk = (value: unknown, path: (string | number)[], depth: number) => {
    if (typeof value === "string") {
      if (UNSAFE_TEXT.test(value)) {
        const shown = path[0] === "values" && path.length > 1 ? path.slice(1) : path;
        out[shown.join(".") || "_form"] ??= UNSAFE_TEXT_MESSAGE;
      }
    } else if (depth < 8 && value !== null && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) {
        if (UNSAFE_TEXT.test(k)) out[path.join(".") || "_form"] ??= UNSAFE_TEXT_MESSAGE;
        walk(v, [...path, Array.isArray(value) ? Number(k) : k], depth + 1);
      }
    }
  };
  walk(raw, [], 0);
  return out;
}

/**
 * The input, parsed once with its schema; a refusal names each field (the form keeps what was
 * typed). Text with a NUL or a lone surrogate is refused beside its field before the schema
 * runs, so it never reaches a column (where PostgreSQL would answer with an error).
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const unsafe = unsafeTextFields(raw);
  if (Object.keys(unsafe).length > 0) throw new InvalidInputError(unsafe);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new InvalidInputError(fieldErrorsOf(parsed.error));
  return parsed.data;
}

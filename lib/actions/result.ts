import type { AppError, AppErrorCode, FieldErrors } from "@/lib/errors/app-error";

// What every server action returns to its form: success, or Persian messages for the
// fields (shown beside each field) and/or for the whole form. The upload routes answer in
// the same shape (lib/http/error-response.ts), so a form reads both alike.
export type ActionFailure = { ok: false; formError?: string; fieldErrors?: FieldErrors; code?: AppErrorCode };
export type ActionResult<T = undefined> = ({ ok: true } & (T extends undefined ? { data?: undefined } : { data: T })) | ActionFailure;

/** The one translation of a refusal into what the form shows; anything else is not a refusal. */
export function failureOf(e: AppError): ActionFailure {
  return {
    ok: false,
    code: e.code,
    formError: e.userMessage,
    ...(Object.keys(e.fieldErrors).length > 0 ? { fieldErrors: e.fieldErrors } : {}),
  };
}

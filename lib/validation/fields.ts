// zod 4 schemas for form fields. Each takes the raw string the user typed,
// reports the Persian message from the matching validator, and outputs the
// normalised (stored) form, so server actions and react-hook-form share
// exactly one definition of "valid".
import { z } from "zod";
import { jalaliDateIssue, normalizeJalaliDate } from "../format/jalali";
import { emailIssue, normalizeEmail } from "./email";
import { legalIdIssue, normalizeLegalId } from "./legal-id";
import { nationalIdIssue, normalizeNationalId } from "./national-id";
import { persianNameIssue, normalizePersianName } from "./persian-name";
import { landlineIssue, mobileIssue, normalizeLandline, normalizeMobile } from "./phone";
import { normalizePostalCode, postalCodeIssue } from "./postal-code";

const REQUIRED = "این فیلد الزامی است.";

/** Builds a string → normalised-string schema from an issue function and a normaliser. */
function validatedString(issue: (s: string) => string | null, normalize: (s: string) => string) {
  return z.string({ error: REQUIRED }).transform((raw, ctx) => {
    const message = issue(raw);
    if (message !== null) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return normalize(raw);
  });
}

// Normalisers for phones return null only for inputs the issue function already rejected.
const mobileOrRaw = (s: string) => normalizeMobile(s) ?? s;
const landlineOrRaw = (s: string) => normalizeLandline(s) ?? s;
const jalaliOrRaw = (s: string) => normalizeJalaliDate(s) ?? s;

export const nationalIdField = validatedString(nationalIdIssue, normalizeNationalId);
export const legalIdField = validatedString(legalIdIssue, normalizeLegalId);
export const mobileField = validatedString(mobileIssue, mobileOrRaw);
export const landlineField = validatedString(landlineIssue, landlineOrRaw);
export const postalCodeField = validatedString(postalCodeIssue, normalizePostalCode);
export const emailField = validatedString(emailIssue, normalizeEmail);
/** Validated Jalali date kept as canonical "yyyy/mm/dd" (ASCII digits); convert with parseJalaliDate where an instant is needed. */
export const jalaliDateField = validatedString(jalaliDateIssue, jalaliOrRaw);

/**
 * Persian name; `label` is used in messages (e.g. «نام خانوادگی»). The input is
 * trimmed and ي/ك are normalised before checking, inner spacing is still checked.
 */
export function persianNameFieldFor(label: string) {
  return validatedString((s) => persianNameIssue(normalizePersianName(s), label), normalizePersianName);
}
export const persianNameField = persianNameFieldFor("نام");

/**
 * Makes a field optional for HTML forms, where an untouched input submits ""
 * (and FormData.get returns null for a missing one): "", whitespace-only,
 * null and undefined all become undefined; anything else goes through `schema`.
 */
export function optionalField<T extends z.ZodType>(schema: T) {
  return z.preprocess(
    (value) => (value === null || (typeof value === "string" && value.trim() === "") ? undefined : value),
    schema.optional(),
  );
}

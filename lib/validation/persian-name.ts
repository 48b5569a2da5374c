// Persian personal names (first name, last name, father's name …).
// Only the Arabic-script letters used in Persian are allowed, without
// diacritics or tatweel, so names compare equal however they were typed;
// ZWNJ (نیم‌فاصله) is allowed because it is part of correct spelling
// (e.g. «عبدالله‌زاده»).
import { toPersianDigits } from "../format/digits";
import { normalizePersianLetters } from "./normalize";

const ZWNJ = "\u200C";
// ی and ک are the Persian code points; Arabic ي/ى/ك are mapped to them before this check.
const LETTERS = "ءآأؤئابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیۀ";
const LETTER = new RegExp(`[${LETTERS}]`);
const ALLOWED = new RegExp(`^[${LETTERS} ${ZWNJ}]*$`);
const DIACRITICS = /[\u064B-\u0652\u0670]/; // fathatan … sukun, superscript alef

const PERSIAN_NAME_MIN = 3;
const PERSIAN_NAME_MAX = 30;

/**
 * Form-level normalisation: Arabic ي/ى/ك → ی/ک, NBSP → space, and trimming.
 * Trimming here is a convenience for forms; the validator itself still
 * reports leading/trailing spaces when given an untrimmed string.
 */
export function normalizePersianName(input: string): string {
  return normalizePersianLetters(input)
    .replace(/\u00A0/g, " ")
    .trim();
}

export function isValidPersianName(input: string): boolean {
  return persianNameIssue(input) === null;
}

/**
 * Persian message for the first problem found, or null. Only letter forms are
 * normalised (ي/ك), not spacing, so " علی" and "علی  رضا" are rejected.
 * `label` names the field in messages, e.g. «نام خانوادگی».
 */
export function persianNameIssue(input: string, label = "نام"): string | null {
  const name = normalizePersianLetters(input);
  if (name.trim() === "") return `${label} را وارد کنید.`;
  if (DIACRITICS.test(name)) return `${label} را بدون اعراب (حرکت‌گذاری) بنویسید.`;
  if (!ALLOWED.test(name)) return `${label} فقط باید شامل حروف فارسی باشد.`;
  if (name !== name.trim() || name.startsWith(ZWNJ) || name.endsWith(ZWNJ)) return `${label} نباید با فاصله یا نیم‌فاصله شروع یا تمام شود.`;
  if (/ {2}/.test(name)) return `بین کلمه‌های ${label} فقط یک فاصله بگذارید.`;
  // A ZWNJ joins two letters; next to a space or another ZWNJ it is a typing error.
  const zwnjMisplaced = Array.from(name).some(
    (ch, i, all) => ch === ZWNJ && !(LETTER.test(all[i - 1] ?? "") && LETTER.test(all[i + 1] ?? "")),
  );
  if (zwnjMisplaced) return "نیم‌فاصله فقط باید بین دو حرف بیاید.";
  // ZWNJ is invisible, so it does not count towards the length the user sees.
  const length = Array.from(name.replaceAll(ZWNJ, "")).length;
  if (length < PERSIAN_NAME_MIN) return `${label} باید دست‌کم ${toPersianDigits(PERSIAN_NAME_MIN)} حرف باشد.`;
  if (length > PERSIAN_NAME_MAX) return `${label} نباید بیش از ${toPersianDigits(PERSIAN_NAME_MAX)} حرف باشد.`;
  return null;
}

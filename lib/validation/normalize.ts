// Character-level normalisation shared by every validator and formatter.
// Users type on Persian, Arabic and Latin keyboards (and paste from PDFs and
// Word), so the same value can arrive with three digit sets and two spellings
// of ی and ک. We canonicalise before validating or storing so that look-ups
// and uniqueness checks do not depend on the keyboard that was used.

const PERSIAN_ZERO = 0x06f0; // ۰
const ARABIC_INDIC_ZERO = 0x0660; // ٠

/** Converts Persian (۰-۹) and Arabic-Indic (٠-٩) digits to ASCII 0-9; everything else is kept. */
export function toAsciiDigits(s: string): string {
  return s.replace(/[\u06F0-\u06F9\u0660-\u0669]/g, (ch) => {
    const code = ch.charCodeAt(0);
    const zero = code >= PERSIAN_ZERO ? PERSIAN_ZERO : ARABIC_INDIC_ZERO;
    return String(code - zero);
  });
}

/**
 * Canonical Persian text: ASCII digits, Persian ی/ک instead of the Arabic
 * code points (ي U+064A, ى U+0649, ك U+0643), surrounding whitespace trimmed.
 */
export function normalizePersianText(s: string): string {
  return normalizePersianLetters(toAsciiDigits(s)).trim();
}

/** Only the ی/ک letter mapping, without trimming (validators that must see spacing use this). */
export function normalizePersianLetters(s: string): string {
  return s.replace(/[\u064A\u0649]/g, "\u06CC").replace(/\u0643/g, "\u06A9");
}

/**
 * Removes characters that are only visual separators or invisible noise in numeric codes:
 * whitespace (incl. NBSP), hyphens, ZWNJ and the LRM/RLM marks that copy-paste from RTL text adds.
 */
export function stripSeparators(s: string): string {
  return s.replace(/[\s\u200C\u200F\u200E-]/g, "");
}

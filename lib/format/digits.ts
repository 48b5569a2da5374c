// Persian digit rendering for display. We format by hand instead of relying on
// Intl "fa-IR" because ICU builds differ (small-icu Node, older browsers) and
// fa-IR inserts invisible bidi marks around the minus sign, which makes output
// differ between server and client and breaks hydration and string equality.

const PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹";
const DECIMAL_SEPARATOR = "٫"; // U+066B ARABIC DECIMAL SEPARATOR
const THOUSANDS_SEPARATOR = "٬"; // U+066C ARABIC THOUSANDS SEPARATOR

function digitsToPersian(s: string): string {
  // ASCII and Arabic-Indic (٠-٩) digits both become Persian (۰-۹).
  return s.replace(/[0-9\u0660-\u0669]/g, (ch) => {
    const code = ch.charCodeAt(0);
    return PERSIAN_DIGITS[code >= 0x0660 ? code - 0x0660 : code - 48]!;
  });
}

/**
 * Persian digits. A number is rendered with its decimal point as «٫»; a string
 * only has its digits replaced (so "1404/09/02" keeps its slashes and "2.5" its dot,
 * since in arbitrary text a dot is usually punctuation).
 */
export function toPersianDigits(value: string | number): string {
  if (typeof value === "number") return digitsToPersian(plainNumber(value).replace(".", DECIMAL_SEPARATOR));
  return digitsToPersian(value);
}

/**
 * Number with Persian digits, «٬» between thousands and «٫» as decimal separator.
 * `fractionDigits` fixes the number of decimals (rounded); without it the
 * shortest exact representation is used.
 */
export function formatNumberFa(n: number, fractionDigits?: number): string {
  if (!Number.isFinite(n)) return digitsToPersian(String(n));
  let text = fractionDigits === undefined ? plainNumber(n) : n.toFixed(fractionDigits);
  // Rounding can produce "-0.00"; a negative zero is meaningless to readers.
  if (/^-0(?:\.0*)?$/.test(text)) text = text.slice(1);
  const negative = text.startsWith("-");
  const [intPart = "", fracPart] = (negative ? text.slice(1) : text).split(".");
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, THOUSANDS_SEPARATOR);
  const body = fracPart === undefined ? grouped : `${grouped}${DECIMAL_SEPARATOR}${fracPart}`;
  return digitsToPersian(`${negative ? "-" : ""}${body}`);
}

/** Decimal notation without exponent (String(1e21) would give "1e+21"), no grouping. */
function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Object.is(n, -0)) return "0";
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 });
}

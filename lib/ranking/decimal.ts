// Exact two-place decimals for scores, as integer hundredths ("cents").
//
// Every score is held as an integer number of hundredths of a point and summed as
// integers, so there is no floating-point drift (0.1 + 0.2 is 30 cents, never
// 0.30000000000000004). Numbers become plain JS numbers again only at the edges
// (`fromCents`), and `c / 100` is then the double nearest to the two-place decimal,
// i.e. exactly what `Number("12.34")` gives.
//
// What decimal does a JS number stand for? The shortest decimal that round-trips to
// it: ECMAScript `Number.prototype.toString`. That is what was written in the JSON
// (`0.1` stays 0.1, not 0.1000000000000000055…). All conversions go through that
// string and integer (BigInt) arithmetic; `Math.round(x * 100)` is never used, because
// it is wrong for inputs such as 1.005 (1.005 * 100 = 100.49999999999999).
//
// Rounding, where a value has more than two places (facts only; a rule set must be
// exact): round half away from zero to two places. Facts are never negative where
// this applies, so this is the usual "round half up": 0.125 → 0.13, 0.124 → 0.12.

/** A finite decimal `mantissa / 10^scale` (scale ≥ 0). */
export interface Decimal {
  mantissa: bigint;
  scale: number;
}

const DECIMAL_RE = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;
/** Integers up to this magnitude turn into cents by a single exact multiplication. */
const FAST_INTEGER_LIMIT = 90_000_000_000_000; // 9e13 × 100 < 2^53

const POW10: bigint[] = [];
function pow10(n: number): bigint {
  if (n < 64) {
    let p = POW10[n];
    if (p === undefined) {
      p = 10n ** BigInt(n);
      POW10[n] = p;
    }
    return p;
  }
  return 10n ** BigInt(n);
}

/** The shortest decimal that round-trips to `x` (see the file comment). Throws on NaN/±Infinity. */
export function toDecimal(x: number): Decimal {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const m = DECIMAL_RE.exec(String(x));
  /* c8 ignore next -- String(finite number) always matches */
  if (!m) throw new RangeError(`unexpected number format: ${String(x)}`);
  const [, sign = "", intPart = "0", frac = "", exp = "0"] = m;
  let mantissa = BigInt(intPart + frac);
  let scale = frac.length - Number(exp);
  if (scale < 0) {
    mantissa *= pow10(-scale);
    scale = 0;
  }
  return { mantissa: sign === "-" ? -mantissa : mantissa, scale };
}

function centsOrNull(c: bigint): number | null {
  const n = Number(c);
  return Number.isSafeInteger(n) ? n : null;
}

/** Integer division rounding half away from zero. `d` > 0. */
function divRoundHalfAway(n: bigint, d: bigint): bigint {
  const neg = n < 0n;
  const a = neg ? -n : n;
  let q = a / d;
  if ((a % d) * 2n >= d) q += 1n;
  return neg ? -q : q;
}

/**
 * Fast path: hundredths of `x` when `x` is (the double of) a decimal with at most two places
 * and |x| ≤ 1e13, else `undefined` (then take the string path).
 *
 * Why it is exact: below 1e13 the doubles are less than 0.01 apart, so distinct two-place
 * decimals are distinct doubles, and `r / 100` (a correctly rounded division) is the double
 * of the decimal r/100. If that double is `x`, the shortest decimal of `x` is r/100 (any
 * shorter string is also a decimal with ≤ 2 places, hence the same value). `Math.round`
 * only proposes `r`; the equality check is what makes it safe.
 */
function fastCents(x: number): number | undefined {
  if (Number.isInteger(x)) return Math.abs(x) <= FAST_INTEGER_LIMIT ? x * 100 + 0 : undefined; // + 0: no -0
  if (!(Math.abs(x) <= FAST_FRACTION_LIMIT)) return undefined;
  const r = Math.round(x * 100);
  return r / 100 === x ? r + 0 : undefined;
}
const FAST_FRACTION_LIMIT = 1e13;

/**
 * `x` in hundredths when `x` has at most two decimal places (and the result is a safe
 * integer); otherwise `null`. Used for every number in a rule set that is a score.
 */
export function toCentsExact(x: number): number | null {
  const fast = fastCents(x);
  if (fast !== undefined) return fast;
  if (!Number.isFinite(x)) return null;
  const { mantissa, scale } = toDecimal(x);
  if (scale <= 2) return centsOrNull(mantissa * pow10(2 - scale));
  // "1.50" cannot occur (toString drops trailing zeros), so scale > 2 means a third
  // significant decimal place.
  return null;
}

/** `x` in hundredths, rounded half away from zero to two places. Throws on NaN/±Infinity or overflow. */
export function toCentsRounded(x: number): number {
  const fast = fastCents(x);
  if (fast !== undefined) return fast;
  const { mantissa, scale } = toDecimal(x);
  const c = scale <= 2 ? mantissa * pow10(2 - scale) : divRoundHalfAway(mantissa, pow10(scale - 2));
  const n = centsOrNull(c);
  if (n === null) throw new RangeError(`number too large: ${x}`);
  return n;
}

/**
 * `value × (centsPerUnit / 100)` in hundredths, exact, then rounded half away from zero
 * to two places. `value` may be fractional (a floor area of 45.5). The result is capped
 * at `cap` (hundredths) when given, which also keeps it a safe integer.
 */
export function mulCents(value: number, centsPerUnit: number, cap = Number.MAX_SAFE_INTEGER): number {
  if (Number.isInteger(value)) {
    const p = value * centsPerUnit;
    // If the float product is ≤ MAX_SAFE_INTEGER the exact product is too (rounding is
    // monotonic and 2^53 is representable), so `p` is exact.
    if (Math.abs(p) <= Number.MAX_SAFE_INTEGER) return Math.min(p + 0, cap);
  } else {
    const v = fastCents(value);
    if (v !== undefined) {
      // value = v / 100 exactly, so the product in hundredths is v × centsPerUnit / 100:
      // integer arithmetic (exact while ≤ MAX_SAFE_INTEGER), then round half away from zero.
      const p = v * centsPerUnit;
      if (Math.abs(p) <= Number.MAX_SAFE_INTEGER) {
        const a = Math.abs(p);
        const rem = a % 100;
        const q = (a - rem) / 100 + (rem >= 50 ? 1 : 0);
        return Math.min(p < 0 ? -q : q, cap);
      }
    }
  }
  const { mantissa, scale } = toDecimal(value);
  const product = mantissa * BigInt(centsPerUnit);
  const c = scale === 0 ? product : divRoundHalfAway(product, pow10(scale));
  return c >= BigInt(cap) ? cap : Number(c);
}

/** Hundredths → the number with two decimals (at most). */
export function fromCents(cents: number): number {
  return cents / 100 + 0;
}

/** Hundredths → a fixed two-place string, e.g. 1250 → "12.50", -5 → "-0.05". */
export function formatCents(cents: number): string {
  const neg = cents < 0;
  const a = Math.abs(cents);
  const s = `${Math.trunc(a / 100)}.${String(a % 100).padStart(2, "0")}`;
  return neg ? `-${s}` : s;
}

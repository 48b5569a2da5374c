// The password policy, shared by every place a new password is set (change, reset,
// activation). No hashing here. Server-side: the strength estimate loads zxcvbn's
// dictionaries (about 1 MB); the browser forms take the limits from password-rules.ts.
import { ZxcvbnFactory, type ZxcvbnResult } from "@zxcvbn-ts/core";
import * as zxcvbnCommon from "@zxcvbn-ts/language-common";
import * as zxcvbnEn from "@zxcvbn-ts/language-en";
import { toPersianDigits } from "@/lib/format/digits";
import { toAsciiDigits } from "@/lib/validation/normalize";
import { normalizePassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";

export { normalizePassword, PASSWORD_HINT, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
/** zxcvbn's score (0–4) a new password must reach: 3 = "safely unguessable" (~10⁸ guesses). */
export const PASSWORD_MIN_SCORE = 3;

// ── The Persian keyboard ────────────────────────────────────────────────────────────────
// The standard Persian layout (ISIRI 9147) over a QWERTY keyboard: which Latin key types
// which Persian letter. A password typed "in the wrong layout" is the same keystrokes, so
// «ضصثقفغعهخحجچ» is qwertyuiop[] and «sghl» is «سلام»; both are checked as keystrokes.
const PERSIAN_KEYS: Record<string, string> = {
  ض: "q",
  ص: "w",
  ث: "e",
  ق: "r",
  ف: "t",
  غ: "y",
  ع: "u",
  ه: "i",
  خ: "o",
  ح: "p",
  ج: "[",
  چ: "]",
  ش: "a",
  س: "s",
  ی: "d",
  ي: "d",
  ب: "f",
  ل: "g",
  ا: "h",
  آ: "H",
  ت: "j",
  ن: "k",
  م: "l",
  ک: ";",
  ك: ";",
  گ: "'",
  ظ: "z",
  ط: "x",
  ز: "c",
  ژ: "C",
  ر: "v",
  ذ: "b",
  د: "n",
  پ: "m",
  و: ",",
  ئ: "m",
  ء: "M",
  أ: "H",
  "؟": "?",
  "،": "~",
};

/** The Latin keys that type `s` on the Persian layout (characters without a Persian key are kept). */
export function persianToLatinKeys(s: string): string {
  return Array.from(s, (c) => PERSIAN_KEYS[c] ?? c).join("");
}

// A small list of what Iranians often put in passwords, each checked in three spellings:
// Persian script, the keystrokes of that script on a Latin keyboard (so «سلام» and «sghl»
// both count), and the usual Latin transliteration. Covers greetings and feelings, the
// system's own words, the largest cities, the commonest first names and surnames. Kept
// small on purpose: the English lists of zxcvbn do the bulk; this closes the Persian gap.
const PERSIAN_WORDS: readonly [string, ...string[]][] = [
  ["سلام", "salam"],
  ["خدا", "khoda"],
  ["عشق", "eshgh", "eshq"],
  ["دوستت", "doostet", "dooset"],
  ["مرسی", "mersi"],
  ["رمز", "ramz"],
  ["عبور", "obour", "oboor"],
  ["پیشخوان", "pishkhan"],
  ["دفتر", "daftar"],
  ["دولت", "dolat", "dowlat"],
  ["ایران", "iran"],
  ["تهران", "tehran"],
  ["اصفهان", "esfahan", "isfahan"],
  ["شیراز", "shiraz"],
  ["مشهد", "mashhad"],
  ["تبریز", "tabriz"],
  ["کرج", "karaj"],
  ["آزادی", "azadi"],
  ["بهار", "bahar"],
  ["خورشید", "khorshid"],
  ["محمد", "mohammad", "mohamad", "mamad"],
  ["علی", "ali"],
  ["حسین", "hossein", "hosein", "hussein"],
  ["حسن", "hasan", "hassan"],
  ["رضا", "reza"],
  ["مهدی", "mahdi", "mehdi"],
  ["امیر", "amir"],
  ["احمد", "ahmad"],
  ["جواد", "javad"],
  ["امید", "omid"],
  ["فاطمه", "fatemeh", "fatima"],
  ["زهرا", "zahra"],
  ["مریم", "maryam"],
  ["سارا", "sara"],
  ["زینب", "zeinab", "zeynab"],
  ["نرگس", "narges"],
  ["محمدی", "mohammadi"],
  ["حسینی", "hosseini"],
  ["احمدی", "ahmadi"],
  ["رضایی", "rezaei", "rezaie"],
  ["کریمی", "karimi"],
  ["جعفری", "jafari"],
  ["قربانی", "ghorbani"],
];

/** The Persian list as zxcvbn dictionaries (exported for the test that documents its coverage). */
export function persianDictionaries(): Record<string, string[]> {
  return {
    "persian-words-fa": PERSIAN_WORDS.map(([fa]) => fa),
    "persian-words-keys": PERSIAN_WORDS.map(([fa]) => persianToLatinKeys(fa)),
    "persian-words-latin": PERSIAN_WORDS.flatMap(([, ...latin]) => latin),
  };
}

// zxcvbn's feedback, in Persian (its translation keys; a key left out falls back to the key).
const FA_FEEDBACK = {
  warnings: {
    straightRow: "ردیف پشت‌سرهم کلیدهای صفحه‌کلید به آسانی حدس زده می‌شود.",
    keyPattern: "الگوهای کوتاه صفحه‌کلید به آسانی حدس زده می‌شوند.",
    simpleRepeat: "نویسه‌های تکراری مانند «aaa» به آسانی حدس زده می‌شوند.",
    extendedRepeat: "الگوهای تکراری مانند «abcabcabc» به آسانی حدس زده می‌شوند.",
    sequences: "دنباله‌های رایج مانند «abc» یا «۱۲۳۴» به آسانی حدس زده می‌شوند.",
    recentYears: "سال‌های اخیر به آسانی حدس زده می‌شوند.",
    dates: "تاریخ‌ها به آسانی حدس زده می‌شوند.",
    topTen: "این رمز از پرکاربردترین رمزهای جهان است.",
    topHundred: "این رمز بسیار پرکاربرد است.",
    common: "این رمز پرکاربرد است.",
    similarToCommon: "این رمز شبیه یک رمز پرکاربرد است.",
    wordByItself: "یک واژه به‌تنهایی به آسانی حدس زده می‌شود.",
    namesByThemselves: "یک نام یا نام خانوادگی به‌تنهایی به آسانی حدس زده می‌شود.",
    commonNames: "نام‌ها و نام‌های خانوادگی رایج به آسانی حدس زده می‌شوند.",
    userInputs: "رمز نباید اطلاعات شخصی شما را در خود داشته باشد.",
    pwned: "این رمز در افشای اطلاعات در اینترنت دیده شده است.",
  },
  suggestions: {
    l33t: "جایگزینی‌های قابل پیش‌بینی مانند «@» به جای «a» کمکی نمی‌کند.",
    reverseWords: "واژه‌های رایج وارونه هم به آسانی حدس زده می‌شوند.",
    allUppercase: "همه حروف بزرگ کمکی نمی‌کند.",
    capitalization: "بزرگ کردن حرف اول کمکی نمی‌کند.",
    dates: "از تاریخ‌ها و سال‌های مربوط به خودتان پرهیز کنید.",
    recentYears: "از سال‌های اخیر پرهیز کنید.",
    associatedYears: "از سال‌های مربوط به خودتان پرهیز کنید.",
    sequences: "از دنباله‌های رایج نویسه‌ها پرهیز کنید.",
    repeated: "از واژه‌ها و نویسه‌های تکراری پرهیز کنید.",
    longerKeyboardPattern: "از الگوهای صفحه‌کلید پرهیز کنید.",
    anotherWord: "چند واژه کم‌کاربرد دیگر بیفزایید.",
    useWords: "چند واژه نامرتبط کنار هم بنویسید، نه یک عبارت رایج.",
    noNeed: "رمز قوی بدون نماد و رقم و حرف بزرگ هم ساخته می‌شود؛ طول مهم‌تر است.",
    pwned: "اگر این رمز را جای دیگری هم به کار برده‌اید، آن را عوض کنید.",
  },
  timeEstimation: {
    ltSecond: "کمتر از یک ثانیه",
    second: "{base} ثانیه",
    seconds: "{base} ثانیه",
    minute: "{base} دقیقه",
    minutes: "{base} دقیقه",
    hour: "{base} ساعت",
    hours: "{base} ساعت",
    day: "{base} روز",
    days: "{base} روز",
    month: "{base} ماه",
    months: "{base} ماه",
    year: "{base} سال",
    years: "{base} سال",
    centuries: "چند سده",
  },
};

let zxcvbn: ZxcvbnFactory | null = null;
function estimator(): ZxcvbnFactory {
  zxcvbn ??= new ZxcvbnFactory({
    translations: FA_FEEDBACK,
    graphs: zxcvbnCommon.adjacencyGraphs,
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary, ...persianDictionaries() },
    useLevenshteinDistance: false,
  });
  return zxcvbn;
}

/** Whose password it is: what it must not contain and what zxcvbn should treat as guessable. */
export type PasswordOwner = { nationalId: string; mobile?: string | null; names?: readonly string[] };

const reversed = (s: string) => Array.from(s).reverse().join("");

/** 09121234567, +989121234567 → 9121234567: the part of a mobile number nobody drops. */
function mobileCore(mobile: string | null | undefined): string | null {
  const digits = toAsciiDigits(mobile ?? "").replace(/\D/g, "");
  const core = digits.slice(-10);
  return core.length === 10 ? core : null;
}

/** The owner's numbers in the password, typed as is, backwards or with separators in between. */
function containsNumber(password: string, number: string): boolean {
  const digits = password.replace(/\D/g, "");
  return [password, digits].some((p) => p.includes(number) || p.includes(reversed(number)));
}

/** The weakest of the password's readings: as typed, and as keystrokes of the Persian layout. */
function weakestEstimate(password: string, owner: PasswordOwner): ZxcvbnResult {
  const mobile = mobileCore(owner.mobile);
  const names = (owner.names ?? []).filter((n) => n.trim().length >= 2);
  const userInputs = [owner.nationalId, ...(mobile ? [mobile, `0${mobile}`] : []), ...names, ...names.map(persianToLatinKeys)];
  const readings = new Set([password, persianToLatinKeys(password)]);
  let weakest: ZxcvbnResult | null = null;
  for (const r of readings) {
    const result = estimator().check(r, userInputs);
    if (!weakest || result.guessesLog10 < weakest.guessesLog10) weakest = result;
  }
  return weakest!;
}

/** Persian message for a new password that breaks the policy, or null. */
export function newPasswordIssue(raw: string, ownerOrNationalId: PasswordOwner | string): string | null {
  const owner = typeof ownerOrNationalId === "string" ? { nationalId: ownerOrNationalId } : ownerOrNationalId;
  const password = normalizePassword(raw);
  if (password.length < PASSWORD_MIN_LENGTH) return `رمز عبور باید دست‌کم ${toPersianDigits(PASSWORD_MIN_LENGTH)} نویسه باشد.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `رمز عبور نباید بیش از ${toPersianDigits(PASSWORD_MAX_LENGTH)} نویسه باشد.`;
  if (containsNumber(password, owner.nationalId)) return "رمز عبور نباید کد ملی شما را در خود داشته باشد.";
  const mobile = mobileCore(owner.mobile);
  if (mobile && containsNumber(password, mobile)) return "رمز عبور نباید شماره همراه شما را در خود داشته باشد.";
  if (/^(.)\1+$/u.test(password)) return "رمز عبور نباید از یک نویسه تکراری ساخته شده باشد.";
  const estimate = weakestEstimate(password, owner);
  if (estimate.score < PASSWORD_MIN_SCORE) {
    const why = estimate.feedback.warning ?? "این رمز با الگوها و واژه‌های رایج به آسانی حدس زده می‌شود.";
    const tip = estimate.feedback.suggestions[0] ?? "چند واژه نامرتبط کنار هم بنویسید.";
    return `رمز عبور به آسانی حدس زده می‌شود: ${why} ${tip}`;
  }
  return null;
}

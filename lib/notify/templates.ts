// Persian SMS texts, one per template. The outbox stores the template name and its data;
// the text is rendered when the message is sent (so a wording fix reaches queued messages).
// Digits are Persian; links stay ASCII (a phone only makes Latin URLs clickable) and sit on
// their own line so that the right-to-left text around them cannot reorder them.
import { toPersianDigits } from "@/lib/format/digits";
import { formatJalaliDateTime } from "@/lib/format/jalali";

export type TemplateData = {
  "password-reset": { code: string };
  "declaration-returned": { officeCode: string; dueAt: string; declarationId: string };
  "correction-reminder": { officeCode: string; dueAt: string; declarationId: string };
  "result-approved": { officeCode: string; declarationId: string; objectionDays: number };
  /** decision, total and rank: absent in messages queued before they were added. */
  "objection-decided": { officeCode: string; declarationId: string; decision?: "UPHELD" | "CHANGED"; total?: number; rank?: number };
  "declaration-submitted": { officeCode: string; trackingCode: string; declarationId: string };
  "declaration-resubmitted": { officeCode: string; declarationId: string };
  "round-opened": { roundTitle: string; closesAt: string };
  "window-reminder": { officeCode: string; roundTitle: string; roundId: string; closesAt: string };
  "not-submitted": { officeCode: string; roundTitle: string };
  /** To the OLD number: the licence registry import replaced the holder's mobile (the reset channel); only the new number's last 4 digits. */
  "registry-mobile-changed": { officeCode: string; newMobileEnd: string };
  /** A one-time code (lib/auth/one-time-code.ts) for `purpose`, a CodePurpose. */
  "one-time-code": { purpose: "PASSWORD_RESET" | "FIRST_SIGN_IN" | "ACTIVATION" | "MOBILE_CONFIRM"; code: string };
  // Account security (lib/auth, lib/admin/account-help.ts). A `code` in any template's data
  // is sealed in the outbox and wiped after sending (lib/notify/code-seal.ts).
  "activation-code": { code: string };
  "password-changed": { via: "change" | "reset" | "activation" };
  "account-help": { step: "unlocked" | "activation-issued" };
};

export type SmsTemplate = keyof TemplateData;

export const SMS_TEMPLATES = [
  "password-reset",
  "declaration-returned",
  "correction-reminder",
  "result-approved",
  "objection-decided",
  "not-submitted",
  "registry-mobile-changed",
  "one-time-code",
  "activation-code",
  "password-changed",
  "account-help",
  "declaration-submitted",
  "declaration-resubmitted",
  "round-opened",
  "window-reminder",
] as const satisfies readonly SmsTemplate[];

export function isSmsTemplate(name: string): name is SmsTemplate {
  return (SMS_TEMPLATES as readonly string[]).includes(name);
}

/** The public address of the app, without a trailing slash. */
function appBaseUrl(): string {
  return (process.env.APP_BASE_URL || "http://localhost:3000").replace(/\/+$/, "");
}

const declarationLink = (id: string) => `${appBaseUrl()}/declarations/${encodeURIComponent(id)}`;
const office = (code: string) => `دفتر پیشخوان ${toPersianDigits(code)}`;
/** «۱۴۰۵/۰۹/۰۲ ساعت ۱۴:۳۰» in Tehran; throws on a malformed instant rather than sending "Invalid Date". */
const tehranDeadline = (iso: string) => formatJalaliDateTime(new Date(iso));

const ONE_TIME_CODE_PURPOSE: Record<TemplateData["one-time-code"]["purpose"], string> = {
  PASSWORD_RESET: "کد بازیابی رمز عبور",
  FIRST_SIGN_IN: "کد تأیید نخستین ورود",
  ACTIVATION: "کد فعال‌سازی حساب",
  MOBILE_CONFIRM: "کد تأیید شماره همراه",
};

const RENDERERS: { [K in SmsTemplate]: (data: TemplateData[K]) => string } = {
  "password-reset": (d) =>
    `کد بازیابی رمز عبور سامانه رتبه‌بندی دفاتر پیشخوان: ${toPersianDigits(d.code)}\nاین کد تا ۱۰ دقیقه معتبر است. آن را به کسی ندهید.`,
  "declaration-returned": (d) =>
    `خوداظهاری ${office(d.officeCode)} برای اصلاح برگشت داده شد.\nمهلت اصلاح: ${tehranDeadline(d.dueAt)} به وقت تهران\n${declarationLink(d.declarationId)}`,
  "correction-reminder": (d) =>
    `یادآوری: ۲ روز به پایان مهلت اصلاح خوداظهاری ${office(d.officeCode)} مانده است.\nمهلت: ${tehranDeadline(d.dueAt)} به وقت تهران\n${declarationLink(d.declarationId)}`,
  "result-approved": (d) =>
    `امتیاز ${office(d.officeCode)} نهایی شد و در نشانی زیر دیده می‌شود. اعتراض تا ${toPersianDigits(d.objectionDays)} روز پس از این پیامک پذیرفته است.\n${declarationLink(d.declarationId)}`,
  "objection-decided": (d) =>
    d.decision === undefined
      ? `اعتراض ${office(d.officeCode)} بررسی و درباره آن تصمیم گرفته شد. نتیجه:\n${declarationLink(d.declarationId)}`
      : `اعتراض ${office(d.officeCode)} بررسی شد: ${d.decision === "CHANGED" ? "پذیرفته شد و امتیاز منطقه تغییر کرد" : "پذیرفته نشد و نتیجه پیشین برقرار ماند"}. امتیاز نهایی ${toPersianDigits(String(d.total))}، رتبه ${toPersianDigits(String(d.rank))} (قطعی).\n${declarationLink(d.declarationId)}`,
  "declaration-submitted": (d) =>
    `خوداظهاری ${office(d.officeCode)} ارسال شد. کد رهگیری: ${toPersianDigits(d.trackingCode)}\nرسید و وضعیت پرونده:\n${declarationLink(d.declarationId)}`,
  "declaration-resubmitted": (d) =>
    `خوداظهاری اصلاح‌شده ${office(d.officeCode)} دوباره ارسال شد و به بررسی منطقه بازگشت.\n${declarationLink(d.declarationId)}`,
  "round-opened": (d) =>
    `دوره «${toPersianDigits(d.roundTitle)}» ارزیابی دفاتر پیشخوان باز شد. مهلت ثبت خوداظهاری: تا ${tehranDeadline(d.closesAt)} به وقت تهران.\n${appBaseUrl()}/`,
  "window-reminder": (d) =>
    `یادآوری: ۲ روز به پایان مهلت ثبت خوداظهاری ${office(d.officeCode)} در دوره «${toPersianDigits(d.roundTitle)}» مانده است.\nمهلت: ${tehranDeadline(d.closesAt)} به وقت تهران\n${appBaseUrl()}/`,
  "one-time-code": (d) =>
    `${ONE_TIME_CODE_PURPOSE[d.purpose] ?? "کد تأیید"} سامانه رتبه‌بندی دفاتر پیشخوان: ${toPersianDigits(d.code)}\nاین کد تا ۱۰ دقیقه معتبر است. آن را به کسی ندهید؛ کارکنان سامانه هرگز آن را نمی‌پرسند.`,
  "registry-mobile-changed": (d) =>
    `شماره همراه دارنده پروانه ${office(d.officeCode)} در سامانه رتبه‌بندی دفاتر پیشخوان، با به‌روزرسانی اطلاعات پروانه‌ها، به شماره‌ای با رقم‌های پایانی ${toPersianDigits(d.newMobileEnd)} تغییر کرد. اگر این تغییر را نخواسته‌اید، همین حالا با اداره کل منطقه خود تماس بگیرید.\n${appBaseUrl()}/`,
  "not-submitted": (d) =>
    `خوداظهاری ${office(d.officeCode)} برای دوره «${toPersianDigits(d.roundTitle)}» در مهلت ثبت نشد.\n${appBaseUrl()}/`,
  "activation-code": (d) =>
    `کد فعال‌سازی حساب سامانه رتبه‌بندی دفاتر پیشخوان: ${toPersianDigits(d.code)}\nاین کد تا ۶۰ دقیقه معتبر است. آن را به کسی ندهید.\n${appBaseUrl()}/forgot-password/activate`,
  "password-changed": (d) =>
    `رمز عبور حساب شما در سامانه رتبه‌بندی دفاتر پیشخوان ${d.via === "reset" ? "با کد بازیابی " : d.via === "activation" ? "با کد فعال‌سازی " : ""}تغییر کرد. اگر این کار شما نبود، همین حالا با کارشناس منطقه خود تماس بگیرید.`,
  "account-help": (d) =>
    d.step === "unlocked"
      ? "قفل حساب شما در سامانه رتبه‌بندی دفاتر پیشخوان به درخواست کارشناس منطقه باز شد. اگر درخواستی نداده‌اید، با کارشناس منطقه خود تماس بگیرید."
      : "برای حساب شما در سامانه رتبه‌بندی دفاتر پیشخوان کد فعال‌سازی صادر شد. اگر درخواستی نداده‌اید، با کارشناس منطقه خود تماس بگیرید.",
};

export function renderSms<T extends SmsTemplate>(template: T, data: TemplateData[T]): string {
  const render = RENDERERS[template];
  // Templates come back from the database as strings: an unknown one is a bug, not a message.
  if (!render) throw new Error(`unknown SMS template ${String(template)}`);
  return render(data);
}

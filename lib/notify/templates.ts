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
  "objection-decided": { officeCode: string; declarationId: string };
  "not-submitted": { officeCode: string; roundTitle: string };
};

export type SmsTemplate = keyof TemplateData;

export const SMS_TEMPLATES = [
  "password-reset",
  "declaration-returned",
  "correction-reminder",
  "result-approved",
  "objection-decided",
  "not-submitted",
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

const RENDERERS: { [K in SmsTemplate]: (data: TemplateData[K]) => string } = {
  "password-reset": (d) =>
    `کد بازیابی رمز عبور سامانه رتبه‌بندی دفاتر پیشخوان: ${toPersianDigits(d.code)}\nاین کد تا ۱۰ دقیقه معتبر است. آن را به کسی ندهید.`,
  "declaration-returned": (d) =>
    `اظهارنامه ${office(d.officeCode)} برای اصلاح برگشت داده شد.\nمهلت اصلاح: ${tehranDeadline(d.dueAt)} به وقت تهران\n${declarationLink(d.declarationId)}`,
  "correction-reminder": (d) =>
    `یادآوری: ۲ روز به پایان مهلت اصلاح اظهارنامه ${office(d.officeCode)} مانده است.\nمهلت: ${tehranDeadline(d.dueAt)} به وقت تهران\n${declarationLink(d.declarationId)}`,
  "result-approved": (d) =>
    `امتیاز ${office(d.officeCode)} نهایی شد و در نشانی زیر دیده می‌شود. اعتراض تا ${toPersianDigits(d.objectionDays)} روز پس از این پیامک پذیرفته است.\n${declarationLink(d.declarationId)}`,
  "objection-decided": (d) =>
    `اعتراض ${office(d.officeCode)} بررسی و درباره آن تصمیم گرفته شد. نتیجه:\n${declarationLink(d.declarationId)}`,
  "not-submitted": (d) =>
    `اظهارنامه ${office(d.officeCode)} برای دوره «${toPersianDigits(d.roundTitle)}» در مهلت ثبت نشد.\n${appBaseUrl()}/`,
};

export function renderSms<T extends SmsTemplate>(template: T, data: TemplateData[T]): string {
  const render = RENDERERS[template];
  // Templates come back from the database as strings: an unknown one is a bug, not a message.
  if (!render) throw new Error(`unknown SMS template ${String(template)}`);
  return render(data);
}

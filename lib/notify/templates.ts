// Persian SMS texts, one per template. The outbox stores the template name and its data;
// the text is rendered when the message is sent.
import { toPersianDigits } from "@/lib/format/digits";

export type SmsTemplate = "password-reset";

export type TemplateData = { "password-reset": { code: string } };

export function renderSms<T extends SmsTemplate>(template: T, data: TemplateData[T]): string {
  switch (template) {
    case "password-reset":
      return `کد بازیابی رمز عبور سامانه رتبه‌بندی دفاتر پیشخوان: ${toPersianDigits(data.code)}\nاین کد تا ۱۰ دقیقه معتبر است. آن را به کسی ندهید.`;
    default:
      throw new Error(`unknown SMS template ${String(template)}`);
  }
}

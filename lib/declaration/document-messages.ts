// The Persian sentences of the documents step, shared by the upload service, the route
// handler (which refuses oversized bodies before reading them) and the upload form.
import { FILE_TYPE_LABEL, MAX_DOCUMENT_BYTES, type FileType } from "@/lib/documents/kinds";
import { formatNumberFa, toPersianDigits } from "@/lib/format/digits";

/** "۱٫۴ مگابایت" / "۳۲۰ کیلوبایت" / "۱۲ بایت". */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${formatNumberFa(Math.floor((bytes / (1024 * 1024)) * 10) / 10)} مگابایت`;
  if (bytes >= 1024) return `${formatNumberFa(Math.ceil(bytes / 1024))} کیلوبایت`;
  return `${toPersianDigits(bytes)} بایت`;
}

const MAX_MB = toPersianDigits(MAX_DOCUMENT_BYTES / (1024 * 1024));

export function tooLargeMessage(size: number): string {
  // Show a size that visibly exceeds the limit (2 MB + 1 byte is not "۲ مگابایت").
  const shown = size > MAX_DOCUMENT_BYTES && size < MAX_DOCUMENT_BYTES + 105 * 1024 ? `${formatNumberFa(size)} بایت` : formatFileSize(size);
  return `حجم فایل (${shown}) بیش از ${MAX_MB} مگابایت است. فایل کوچک‌تری بارگذاری کنید؛ برای عکس، کیفیت یا ابعاد آن را کم کنید.`;
}

export const BODY_TOO_LARGE_MESSAGE = `حجم فایل بیش از ${MAX_MB} مگابایت است. فایل کوچک‌تری بارگذاری کنید؛ برای عکس، کیفیت یا ابعاد آن را کم کنید.`;

export function wrongTypeMessage(accepts: readonly FileType[]): string {
  const names = accepts.map((t) => FILE_TYPE_LABEL[t]);
  const list = names.length > 1 ? `${names.slice(0, -1).join("، ")} یا ${names.at(-1)}` : (names[0] ?? "");
  return `این فایل ${list} نیست؛ نوع فایل از روی محتوای آن بررسی می‌شود، نه از روی نام آن.`;
}

export const EMPTY_FILE_MESSAGE = "فایلی انتخاب نشده یا فایل خالی است. فایل را دوباره انتخاب کنید.";
export const UNKNOWN_KIND_MESSAGE = "نوع مدرک شناخته نشد. صفحه را دوباره بارگذاری کنید.";
export const DOCUMENT_NOT_FOUND_MESSAGE = "این مدرک در پرونده شما نیست یا پیش‌تر حذف شده است. صفحه را دوباره بارگذاری کنید.";

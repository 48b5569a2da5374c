// The Persian sentences of the documents step, shared by the upload service, the route
// handler (which refuses oversized bodies before reading them) and the upload form.
import { FILE_TYPE_LABEL, MAX_DOCUMENT_BYTES, type FileType } from "@/lib/documents/kinds";
import type { UnsafeContent } from "@/lib/documents/inspect";
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

const REMAKE_PDF = "فایل اصلی را باز کنید و با «چاپ به PDF» (Print to PDF) یک PDF تازه بسازید و آن را بارگذاری کنید.";
const REMAKE_DOCX = "محتوا را در یک سند تازه Word (‎.docx) رونویسی کنید یا فایل را به PDF تبدیل کنید و دوباره بارگذاری کنید.";

/** Why a file that is really a PDF, JPEG or Word file is still refused: what it carries, for the reviewer's safety. */
export const UNSAFE_CONTENT_MESSAGE: Record<UnsafeContent, string> = {
  html: `این فایل کد صفحه وب (HTML یا اسکریپت) در خود دارد و برای امنیت کارشناسان پذیرفته نمی‌شود. ${REMAKE_PDF} برای عکس، آن را دوباره ذخیره کنید.`,
  pdf_active: `این PDF محتوای فعال دارد (اسکریپت، اجرای برنامه یا فایل پیوست‌شده) و پذیرفته نمی‌شود. ${REMAKE_PDF}`,
  pdf_unreadable: `ساختار این PDF برای بررسی امنیتی خوانا نیست و پذیرفته نمی‌شود. ${REMAKE_PDF}`,
  docx_external: `این فایل Word به نشانی یا فایلی بیرون از خود پیوند دارد (مثلاً تصویر پیوندی یا نشانی وب) و پذیرفته نمی‌شود. پیوندها را بردارید یا ${REMAKE_DOCX}`,
  docx_template: `این فایل Word به قالب (Template) بیرونی وصل است و پذیرفته نمی‌شود. ${REMAKE_DOCX}`,
  docx_field: `این فایل Word فیلدی دارد که برنامه یا داده‌ای بیرونی را فرا می‌خواند (DDE یا INCLUDE) و پذیرفته نمی‌شود. ${REMAKE_DOCX}`,
  docx_macro: "این فایل Word ماکرو دارد و پذیرفته نمی‌شود. آن را با قالب «سند Word (‎.docx)» بدون ماکرو ذخیره کنید و دوباره بارگذاری کنید.",
  docx_ole: `این فایل Word شیء یا فایل جاسازی‌شده دارد (OLE، ActiveX یا سند درون سند) و پذیرفته نمی‌شود. ${REMAKE_DOCX}`,
  docx_unreadable: `این فایل Word رمزگذاری شده، فشرده‌سازی غیرعادی دارد یا پس از باز شدن بیش از حد بزرگ است و پذیرفته نمی‌شود. ${REMAKE_DOCX}`,
};

// The documents of step 1 (DOMAIN.md): which kinds are required and what each accepts.
// Pure data shared by the upload form, the upload handler and the step's completion rule.
import type { DocumentKind } from "@/lib/generated/prisma/enums";

export type FileType = "jpeg" | "pdf" | "docx";

export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;

export const DOCUMENT_KINDS: readonly { kind: DocumentKind; label: string; accepts: readonly FileType[]; hint?: string }[] = [
  { kind: "SIGNBOARD", label: "تصویر تابلوی دفتر از بیرون", accepts: ["jpeg", "pdf"] },
  { kind: "INTERIOR", label: "تصویر داخل دفتر از درِ ورودی", accepts: ["jpeg", "pdf"] },
  { kind: "COUNTER_VIEW", label: "تصویر دفتر از پشت پیشخوان", accepts: ["jpeg", "pdf"] },
  { kind: "LICENCE", label: "تصویر پروانه", accepts: ["jpeg", "pdf"] },
  { kind: "NATIONAL_CARD", label: "کارت ملی (هر دو رو در یک فایل)", accepts: ["jpeg", "pdf"] },
  { kind: "BIRTH_CERTIFICATE", label: "شناسنامه (صفحه‌های ۱ و ۲ در یک فایل)", accepts: ["jpeg", "pdf"] },
  { kind: "DEGREE", label: "مدرک تحصیلی دارنده پروانه", accepts: ["jpeg", "pdf"] },
  {
    kind: "CONTRACTS_LIST",
    label: "فهرست قراردادهای خدمات (پرشده از روی فرم Word)",
    accepts: ["docx", "pdf"],
    hint: "فرم خام را از پیوند «دریافت فرم فهرست قراردادها» بگیرید، پر کنید و بارگذاری کنید.",
  },
  { kind: "CONTRACTS", label: "همه قراردادها در یک فایل Word یا PDF", accepts: ["docx", "pdf"] },
];

export const REQUIRED_DOCUMENT_KINDS: readonly DocumentKind[] = DOCUMENT_KINDS.map((d) => d.kind);

export const FILE_TYPE_LABEL: Record<FileType, string> = { jpeg: "JPEG", pdf: "PDF", docx: "Word (.docx)" };

export const FILE_EXTENSION: Record<FileType, string> = { jpeg: "jpg", pdf: "pdf", docx: "docx" };

export const CONTENT_TYPE: Record<FileType, string> = {
  jpeg: "image/jpeg",
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

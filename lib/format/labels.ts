// Persian labels of enum values, in one place for every page.
import type { DeclarationStatus, LicenceStatus, OfficeType, PersonType, Role } from "@/lib/generated/prisma/enums";

export const ROLE_LABEL: Record<Role, string> = { HOLDER: "دارنده پروانه", EXPERT: "کارشناس منطقه", ADMIN: "دفتر نظارت" };

export const OFFICE_TYPE_LABEL: Record<OfficeType, string> = {
  PISHKHAN_GOVERNMENT: "دفتر پیشخوان خدمات دولت",
  PISHKHAN_NON_GOVERNMENT: "دفتر پیشخوان غیردولتی عمومی",
  RURAL_ICT: "دفتر ICT روستایی",
};

export const PERSON_TYPE_LABEL: Record<PersonType, string> = { REAL: "حقیقی", LEGAL: "حقوقی" };

export const LICENCE_STATUS_LABEL: Record<LicenceStatus, string> = { VALID: "معتبر", EXPIRED: "منقضی", INCOMPLETE: "ناقص" };

export const DECLARATION_STATUS_LABEL: Record<DeclarationStatus, string> = {
  DRAFT: "پیش‌نویس",
  SUBMITTED: "ارسال‌شده",
  IN_REVIEW: "در حال بررسی",
  RETURNED: "بازگشت برای اصلاح",
  RESUBMITTED: "ارسال پس از اصلاح",
  APPROVED: "تأیید منطقه",
  OBJECTED: "اعتراض ثبت‌شده",
  OBJECTION_DECIDED: "رسیدگی به اعتراض",
  FINAL: "قطعی",
  NOT_SUBMITTED: "ارسال‌نشده",
};

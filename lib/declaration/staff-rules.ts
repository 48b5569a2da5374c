// The staff list must match the numbers declared in step 3.
import { toPersianDigits } from "@/lib/format/digits";
import type { StepValues } from "@/lib/declaration/forms/field-spec";

export function declaredCounts(step3: StepValues | undefined): { staff: number; disabled: number } | null {
  const staff = Number(step3?.staffCount);
  const disabled = Number(step3?.disabledStaffCount);
  if (!Number.isInteger(staff) || !Number.isInteger(disabled) || step3?.staffCount === "" || step3?.disabledStaffCount === "") return null;
  return { staff, disabled };
}

export type StaffCounts = { total: number; disabled: number };

/** A Persian sentence naming both numbers when the list does not match step 3, else null. */
export function staffCountIssue(step3: StepValues | undefined, listed: StaffCounts): string | null {
  const declared = declaredCounts(step3);
  if (!declared) return "ابتدا تعداد کارکنان را در مرحله ۳ (مشخصات دفتر) وارد کنید.";
  const disabled = listed.disabled;
  if (listed.total !== declared.staff) {
    return `تعداد کارکنان ثبت‌شده (${toPersianDigits(listed.total)} نفر) با تعداد اعلام‌شده در مرحله ۳ (${toPersianDigits(declared.staff)} نفر) برابر نیست.`;
  }
  if (disabled !== declared.disabled) {
    return `تعداد کارکنان دارای معلولیت در فهرست (${toPersianDigits(disabled)} نفر) با تعداد اعلام‌شده در مرحله ۳ (${toPersianDigits(declared.disabled)} نفر) برابر نیست.`;
  }
  return null;
}

import { parseJalaliDay } from "@/lib/format/jalali";
import type { StaffMemberData } from "@/lib/declaration/forms/step-7-staff";
import { rowList } from "@/lib/declaration/row-list";

/**
 * Step 7's staff list. A national ID twice in one office is refused; the same national ID
 * in another office is allowed (people do move) and shows up for the region as a
 * discrepancy (lib/declaration/discrepancies.ts).
 */
const staffList = rowList<StaffMemberData>({
  step: 7,
  table: (tx) => tx.staffMember,
  targetType: "StaffMember",
  audit: { added: "declaration.staff_added", updated: "declaration.staff_updated", removed: "declaration.staff_removed" },
  duplicateMessage: "این کد ملی قبلاً در فهرست کارکنان همین دفتر ثبت شده است.",
  notHereMessage: "این نفر در فهرست کارکنان پرونده شما نیست.",
  columns: (m) => ({ ...m, gender: m.gender as "MALE" | "FEMALE", birthDate: parseJalaliDay(m.birthDate)! }),
});

export const addStaffMember = staffList.add;
export const updateStaffMember = staffList.update;
export const removeStaffMember = staffList.remove;

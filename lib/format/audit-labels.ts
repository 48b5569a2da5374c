// Persian descriptions of audit actions, for a file's timeline.
const AUDIT_ACTION_LABEL: Record<string, string> = {
  "declaration.created": "شروع خوداظهاری",
  "declaration.step_saved": "ذخیره یک مرحله",
  "declaration.staff_added": "افزودن کارمند",
  "declaration.staff_updated": "ویرایش کارمند",
  "declaration.staff_removed": "حذف کارمند",
  "declaration.board_member_added": "افزودن عضو هیئت مدیره",
  "declaration.board_member_updated": "ویرایش عضو هیئت مدیره",
  "declaration.board_member_removed": "حذف عضو هیئت مدیره",
  "declaration.submitted": "ارسال نهایی",
  "declaration.claimed": "برداشتن پرونده",
  "declaration.released": "واگذاشتن پرونده به صف",
  "declaration.assigned": "واگذاری به کارشناس",
  "declaration.start_review": "شروع بررسی",
  "declaration.return_for_correction": "بازگشت برای اصلاح",
  "declaration.resubmit": "ارسال پس از اصلاح",
  "declaration.expire_correction": "پایان مهلت اصلاح",
  "declaration.region_scores_saved": "ثبت امتیاز منطقه",
  "declaration.approve": "تأیید و ثبت امتیاز نهایی",
  "declaration.object": "ثبت اعتراض",
  "declaration.decide_objection": "تصمیم درباره اعتراض",
  "declaration.finalize": "قطعی شدن رتبه",
  "declaration.expire_window": "پایان مهلت بدون ارسال",
  "declaration.reminder_queued": "پیامک یادآوری مهلت اصلاح",
  "document.uploaded": "بارگذاری مدرک",
  "document.deleted": "حذف مدرک",
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABEL[action] ?? action;
}

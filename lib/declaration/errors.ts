// Why a change to a declaration was refused, each with the Persian sentence the holder
// sees: members of the one AppError family (lib/errors/app-error.ts).
import { AppError, InvalidInputError, RefusedError, type FieldErrors } from "@/lib/errors/app-error";
import { toPersianDigits } from "@/lib/format/digits";

/** The file's state, its window or a rule of the wizard forbids the change now. */
export class DeclarationError extends RefusedError {
  constructor(userMessage: string) {
    super(userMessage);
  }
}

/** Someone saved the file since this page read it (docs/decisions/0005). */
export class StaleVersionError extends AppError {
  constructor() {
    super(
      "STALE",
      "این پرونده پس از باز شدن این صفحه، در زبانه یا دستگاه دیگری تغییر کرده است و برای جلوگیری از پاک شدن آن تغییرها ذخیره نشد. صفحه را دوباره بارگذاری کنید؛ آنچه اینجا نوشته‌اید را پیش از آن یادداشت کنید.",
    );
  }
}

export class StepLockedError extends DeclarationError {
  constructor(step: number) {
    super(`مرحله ${toPersianDigits(step)} هنوز باز نشده است: ابتدا مرحله‌های پیش از آن را کامل کنید.`);
  }
}

export class StepNotNeededError extends DeclarationError {
  constructor() {
    super("این مرحله برای دارنده پروانه حقیقی لازم نیست.");
  }
}

export class NotEditableError extends DeclarationError {
  constructor() {
    super("این پرونده ارسال شده است و دیگر قابل ویرایش نیست.");
  }
}

export class WindowClosedError extends DeclarationError {
  constructor() {
    super("مهلت ثبت خوداظهاری این دوره به پایان رسیده است و تغییری ذخیره نمی‌شود.");
  }
}

/** What the holder typed is incomplete or wrong: a message beside each field. */
export class StepInvalidError extends InvalidInputError {
  constructor(fieldErrors: FieldErrors, message?: string) {
    super(fieldErrors, message);
  }
}

export class SubmitWindowClosedError extends DeclarationError {
  constructor() {
    super("مهلت ثبت خوداظهاری این دوره به پایان رسیده است و پرونده دیگر ارسال نمی‌شود. برای پیگیری با منطقه خود تماس بگیرید.");
  }
}

/** Steps not complete at submission, named so the holder knows where to go. */
export class SubmitIncompleteError extends DeclarationError {
  constructor(readonly steps: readonly { number: number; title: string }[]) {
    super(
      `پیش از ارسال، همه مرحله‌ها را کامل کنید. ${steps.length === 1 ? "مرحله" : "مرحله‌های"} کامل‌نشده: ${steps
        .map((s) => `${toPersianDigits(s.number)} (${s.title})`)
        .join("، ")}.`,
    );
  }
}

export class CorrectionClosedError extends DeclarationError {
  constructor() {
    super("مهلت اصلاح این پرونده به پایان رسیده است؛ منطقه بر اساس اطلاعات موجود تصمیم می‌گیرد.");
  }
}

export class NotFlaggedError extends DeclarationError {
  constructor() {
    super("این بخش برای اصلاح باز نشده است؛ فقط مواردی را که منطقه مشخص کرده است می‌توانید تغییر دهید.");
  }
}

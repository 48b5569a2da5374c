// Why a regional review action was refused, each with the Persian sentence the expert sees:
// members of the one AppError family (lib/errors/app-error.ts).
import { InvalidInputError, RefusedError, type FieldErrors } from "@/lib/errors/app-error";

/** The file's state or the review's rules forbid the decision now. */
export class ReviewError extends RefusedError {
  constructor(userMessage: string) {
    super(userMessage);
  }
}

export class NotAssigneeError extends ReviewError {
  constructor() {
    super("این پرونده به شما واگذار نشده است. برای رسیدگی، ابتدا آن را بردارید یا از مدیر بخواهید به شما واگذار کند.");
  }
}

export class AlreadyAssignedError extends ReviewError {
  constructor() {
    super("این پرونده را همکار دیگری برداشته است.");
  }
}

export class ReviewInvalidError extends InvalidInputError {
  constructor(fieldErrors: FieldErrors, message = "برخی از موارد کامل یا درست نیستند. پیام کنار هر مورد را ببینید.") {
    super(fieldErrors, message);
  }
}

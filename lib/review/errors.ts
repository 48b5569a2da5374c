// Why a regional review action was refused, each with the Persian sentence the expert sees.
export class ReviewError extends Error {
  constructor(readonly userMessage: string, readonly fieldErrors: Record<string, string> = {}) {
    super(userMessage);
    this.name = new.target.name;
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

export class ReviewInvalidError extends ReviewError {
  constructor(fieldErrors: Record<string, string>, message = "برخی از موارد کامل یا درست نیستند. پیام کنار هر مورد را ببینید.") {
    super(message, fieldErrors);
  }
}

// Errors a service function throws; pages turn NotFound into a 404 and actions into a
// Persian message. NotFound is also the answer for records the caller may not see, so
// that an attacker cannot tell "exists but not yours" from "does not exist".
export class NotFoundError extends Error {
  constructor(what = "record") {
    super(`${what} not found`);
    this.name = "NotFoundError";
  }
}

export class ForbiddenError extends Error {
  constructor(message = "forbidden") {
    super(message);
    this.name = "ForbiddenError";
  }
}

export class UnauthenticatedError extends Error {
  constructor() {
    super("not signed in");
    this.name = "UnauthenticatedError";
  }
}

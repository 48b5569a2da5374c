// Shared parts of the route handlers that take multipart uploads (documents of step 1, an
// objection with attachments, a registry file): the same-origin check, a body reader that
// stops at a size limit, and the opening steps they all take. Refusals are AppErrors,
// answered by lib/http/error-response.ts in the server actions' shape.
import { getActingUser } from "@/lib/auth/current-user";
import { mustEnrollTotp } from "@/lib/auth/totp";
import {
  AppError,
  INVALID_REQUEST_MESSAGE,
  MUST_CHANGE_PASSWORD_MESSAGE,
  MUST_ENROLL_TOTP_MESSAGE,
  SignedOutError,
} from "@/lib/errors/app-error";
import { BODY_TOO_LARGE_MESSAGE } from "@/lib/declaration/document-messages";

/** A request the browser's own forms never send (cross-site, not multipart, unreadable). */
export class BadRequestError extends AppError {
  constructor(status: 400 | 403 = 400) {
    super("INVALID", INVALID_REQUEST_MESSAGE, { status });
  }
}

/** A body over the route's limit, with its message beside the file input. */
export class BodyTooLargeError extends AppError {
  constructor(field: string, message = BODY_TOO_LARGE_MESSAGE) {
    super("TOO_LARGE", message, { fieldErrors: { [field]: message } });
  }
}

/** Same-origin requests only (the session cookie is SameSite=Lax already; this is the second lock). */
function crossSite(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return true;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** The body, or null as soon as it exceeds `limit` (chunked bodies have no Content-Length). */
async function readBody(request: Request, limit: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * The start of every multipart upload route: same origin, a signed-in user who need not
 * change their password first, a multipart body of at most `limit` bytes (refused before it
 * is read when Content-Length says so). Returns the user and the form; refusals are thrown.
 * `allowed` is the route's own check of the user (e.g. the head office only), before a byte is read.
 */
export async function openUpload(
  request: Request,
  limit: number,
  tooLargeField: string,
  opts: { allowed?: (user: NonNullable<Awaited<ReturnType<typeof getActingUser>>>) => void; tooLargeMessage?: string } = {},
): Promise<{ user: NonNullable<Awaited<ReturnType<typeof getActingUser>>>; form: FormData }> {
  if (crossSite(request)) throw new BadRequestError(403);
  const user = await getActingUser();
  if (!user) throw new SignedOutError();
  if (user.mustChangePassword) throw new SignedOutError(MUST_CHANGE_PASSWORD_MESSAGE);
  if (mustEnrollTotp(user)) throw new SignedOutError(MUST_ENROLL_TOTP_MESSAGE);
  opts.allowed?.(user);
  const tooLarge = new BodyTooLargeError(tooLargeField, opts.tooLargeMessage);
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > limit) throw tooLarge;
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) throw new BadRequestError();
  const body = await readBody(request, limit);
  if (!body) throw tooLarge;
  try {
    return { user, form: await new Response(body as BodyInit, { headers: { "content-type": contentType } }).formData() };
  } catch {
    throw new BadRequestError();
  }
}

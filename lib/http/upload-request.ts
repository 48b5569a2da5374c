// Shared parts of the route handlers that take multipart uploads (documents of step 1, an
// objection with attachments): the JSON failure shape of the server actions, the same-origin
// check and a body reader that stops at a size limit.
import { NextResponse } from "next/server";
import { getActingUser } from "@/lib/auth/current-user";
import { INVALID_REQUEST_MESSAGE, SESSION_EXPIRED_MESSAGE, type ActionResult } from "@/lib/actions/result";
import { BODY_TOO_LARGE_MESSAGE } from "@/lib/declaration/document-messages";

export const MUST_CHANGE_PASSWORD_MESSAGE = "پیش از ادامه، رمز عبور خود را تغییر دهید.";

// The same failure shape as every server action, so the upload form reads both alike.
export type Failure = Extract<ActionResult, { ok: false }> & { formError: string };

export function fail(status: number, body: Failure) {
  return NextResponse.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

/** Same-origin requests only (the session cookie is SameSite=Lax already; this is the second lock). */
export function crossSite(request: Request): boolean {
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
export async function readBody(request: Request, limit: number): Promise<Uint8Array | null> {
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
 * is read when Content-Length says so). Returns the user and the form, or the failure to send.
 */
export async function openUpload(
  request: Request,
  limit: number,
  tooLargeField: string,
): Promise<{ user: NonNullable<Awaited<ReturnType<typeof getActingUser>>>; form: FormData } | { failure: Response }> {
  if (crossSite(request)) return { failure: fail(403, { ok: false, formError: INVALID_REQUEST_MESSAGE }) };
  const user = await getActingUser();
  if (!user) return { failure: fail(401, { ok: false, formError: SESSION_EXPIRED_MESSAGE, code: "SIGNED_OUT" }) };
  if (user.mustChangePassword) return { failure: fail(401, { ok: false, formError: MUST_CHANGE_PASSWORD_MESSAGE, code: "SIGNED_OUT" }) };
  const tooLarge = { failure: fail(413, { ok: false, formError: BODY_TOO_LARGE_MESSAGE, fieldErrors: { [tooLargeField]: BODY_TOO_LARGE_MESSAGE } }) };
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > limit) return tooLarge;
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) return { failure: fail(400, { ok: false, formError: INVALID_REQUEST_MESSAGE }) };
  const body = await readBody(request, limit);
  if (!body) return tooLarge;
  try {
    return { user, form: await new Response(body as BodyInit, { headers: { "content-type": contentType } }).formData() };
  } catch {
    return { failure: fail(400, { ok: false, formError: INVALID_REQUEST_MESSAGE }) };
  }
}

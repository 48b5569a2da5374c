// Shared parts of the route handlers that take multipart uploads (documents of step 1, an
// objection with attachments): the JSON failure shape of the server actions, the same-origin
// check and a body reader that stops at a size limit.
import { NextResponse } from "next/server";
import type { ActionResult } from "@/lib/actions/result";

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


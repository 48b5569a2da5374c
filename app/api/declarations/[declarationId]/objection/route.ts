// POST multipart/form-data (text, files…): the holder's objection to the approved result,
// with up to three PDF/JPEG attachments of at most 2 MB each. A route handler (not a server
// action) so that the body size is checked before it is read. The rules — own file,
// approved, within the window, another expert than the approver — are in
// lib/declaration/file-objection.ts.
import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { clientIp, userAgent } from "@/lib/auth/request-context";
import { INVALID_REQUEST_MESSAGE, NOT_FOUND_MESSAGE, UNEXPECTED_MESSAGE } from "@/lib/actions/result";
import { NotFoundError } from "@/lib/authz/errors";
import { DeclarationError, StepInvalidError } from "@/lib/declaration/errors";
import { fileObjection, MAX_OBJECTION_ATTACHMENTS } from "@/lib/declaration/file-objection";
import { MAX_DOCUMENT_BYTES } from "@/lib/documents/kinds";
import { fail, openUpload } from "@/lib/http/upload-request";
import { ConcurrentChangeError } from "@/lib/workflow/apply-transition";
import { IllegalTransitionError } from "@/lib/workflow/transitions";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = MAX_OBJECTION_ATTACHMENTS * MAX_DOCUMENT_BYTES + 512 * 1024;

export async function POST(request: Request, { params }: { params: Promise<{ declarationId: string }> }) {
  const { declarationId } = await params;
  const opened = await openUpload(request, MAX_BODY_BYTES, "files");
  if ("failure" in opened) return opened.failure;
  const { user, form } = opened;
  const text = form.get("text");
  if (typeof text !== "string") return fail(400, { ok: false, formError: INVALID_REQUEST_MESSAGE });
  const files = form.getAll("files").filter((f): f is File => f instanceof Blob && f.size > 0);

  const actor = { userId: user.id, role: user.role, ip: clientIp(request.headers), userAgent: userAgent(request.headers) };
  const caller = { id: user.id, role: user.role, regionId: user.regionId };
  try {
    const attachments = await Promise.all(files.map(async (f) => ({ fileName: f.name ?? "", bytes: new Uint8Array(await f.arrayBuffer()) })));
    const data = await fileObjection(db, actor, caller, { declarationId, text }, { attachments });
    return NextResponse.json({ ok: true, data }, { status: 200, headers: { "Cache-Control": "no-store" } });
  } catch (e) {
    if (e instanceof NotFoundError) return fail(404, { ok: false, formError: NOT_FOUND_MESSAGE, code: "NOT_FOUND" });
    if (e instanceof StepInvalidError) return fail(422, { ok: false, formError: e.userMessage, fieldErrors: e.fieldErrors });
    if (e instanceof DeclarationError || e instanceof IllegalTransitionError || e instanceof ConcurrentChangeError) return fail(409, { ok: false, formError: e.userMessage });
    console.error("[objection] failed", e);
    return fail(500, { ok: false, formError: UNEXPECTED_MESSAGE });
  }
}

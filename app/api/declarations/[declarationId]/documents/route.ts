// POST multipart/form-data (kind, version, file): uploads one document of step 1.
// A route handler rather than a server action so that the browser can show real upload
// progress (XMLHttpRequest) and so that the body size is under our control: bodies over
// ~2.5 MB are refused before they are read. Everything else — the file's type read from
// its bytes, the holder's own draft, the window, the version, the transaction and the
// audit entry — is in lib/declaration/upload-document.ts.
import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { clientIp, userAgent } from "@/lib/auth/request-context";
import { INVALID_REQUEST_MESSAGE, NOT_FOUND_MESSAGE, UNEXPECTED_MESSAGE } from "@/lib/actions/result";
import { NotFoundError } from "@/lib/authz/errors";
import { DeclarationError, StaleVersionError, StepInvalidError } from "@/lib/declaration/errors";
import { EMPTY_FILE_MESSAGE } from "@/lib/declaration/document-messages";
import { uploadDocument } from "@/lib/declaration/upload-document";
import { MAX_DOCUMENT_BYTES } from "@/lib/documents/kinds";
import { fail, openUpload } from "@/lib/http/upload-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The file plus the multipart envelope and the other two fields. */
const MAX_BODY_BYTES = MAX_DOCUMENT_BYTES + 512 * 1024;

export async function POST(request: Request, { params }: { params: Promise<{ declarationId: string }> }) {
  const { declarationId } = await params;
  const opened = await openUpload(request, MAX_BODY_BYTES, "file");
  if ("failure" in opened) return opened.failure;
  const { user, form } = opened;
  const kind = form.get("kind");
  const version = Number(form.get("version"));
  const file = form.get("file");
  if (typeof kind !== "string" || !Number.isSafeInteger(version) || version < 1) return fail(400, { ok: false, formError: INVALID_REQUEST_MESSAGE });
  if (!(file instanceof Blob) || file.size === 0) return fail(422, { ok: false, formError: EMPTY_FILE_MESSAGE, fieldErrors: { file: EMPTY_FILE_MESSAGE } });

  const actor = { userId: user.id, role: user.role, ip: clientIp(request.headers), userAgent: userAgent(request.headers) };
  const caller = { id: user.id, role: user.role, regionId: user.regionId };
  try {
    const data = await uploadDocument(db, { actor, caller }, {
      declarationId,
      version,
      kind,
      fileName: "name" in file && typeof file.name === "string" ? file.name : "",
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    return NextResponse.json({ ok: true, data }, { status: 200, headers: { "Cache-Control": "no-store" } });
  } catch (e) {
    if (e instanceof NotFoundError) return fail(404, { ok: false, formError: NOT_FOUND_MESSAGE, code: "NOT_FOUND" });
    if (e instanceof StaleVersionError) return fail(409, { ok: false, formError: e.userMessage, code: "STALE" });
    if (e instanceof StepInvalidError) return fail(422, { ok: false, formError: e.userMessage, fieldErrors: e.fieldErrors });
    // Not a draft any more, window closed, step not open: the state forbids the change.
    if (e instanceof DeclarationError) return fail(409, { ok: false, formError: e.userMessage });
    console.error("[documents] upload failed", e);
    return fail(500, { ok: false, formError: UNEXPECTED_MESSAGE });
  }
}

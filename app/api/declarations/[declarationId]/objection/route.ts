// POST multipart/form-data (text, files…): the holder's objection to the approved result,
// with up to three PDF/JPEG attachments of at most 2 MB each. A route handler (not a server
// action) so that the body size is checked before it is read. The rules — own file,
// approved, within the window, another expert than the approver — are in
// lib/declaration/file-objection.ts.
import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { clientIp, userAgent } from "@/lib/auth/request-context";
import { parseInput } from "@/lib/errors/app-error";
import { fileObjection, MAX_OBJECTION_ATTACHMENTS, objectionInput } from "@/lib/declaration/file-objection";
import { MAX_DOCUMENT_BYTES } from "@/lib/documents/kinds";
import { NO_STORE, routeHandler } from "@/lib/http/error-response";
import { openUpload } from "@/lib/http/upload-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = MAX_OBJECTION_ATTACHMENTS * MAX_DOCUMENT_BYTES + 512 * 1024;

export const POST = routeHandler<{ declarationId: string }>("objection", async (request, { declarationId }) => {
  const { user, form } = await openUpload(request, MAX_BODY_BYTES, "files");
  const input = parseInput(objectionInput, { declarationId, text: form.get("text") });
  const files = form.getAll("files").filter((f): f is File => f instanceof Blob && f.size > 0);

  const actor = { userId: user.id, role: user.role, ip: clientIp(request.headers), userAgent: userAgent(request.headers) };
  const caller = { id: user.id, role: user.role, regionId: user.regionId };
  const attachments = await Promise.all(files.map(async (f) => ({ fileName: f.name ?? "", bytes: new Uint8Array(await f.arrayBuffer()) })));
  const data = await fileObjection(db, actor, caller, input, { attachments });
  return NextResponse.json({ ok: true, data }, { status: 200, headers: NO_STORE });
});

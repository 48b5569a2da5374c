// POST multipart/form-data (kind, version, file): uploads one document of step 1.
// A route handler rather than a server action so that the browser can show real upload
// progress (XMLHttpRequest) and so that the body size is under our control: bodies over
// ~2.5 MB are refused before they are read. Everything else — the file's type read from
// its bytes, the holder's own draft, the window, the version, the transaction and the
// audit entry — is in lib/declaration/upload-document.ts.
import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { clientIp, userAgent } from "@/lib/auth/request-context";
import { InvalidInputError } from "@/lib/errors/app-error";
import { EMPTY_FILE_MESSAGE } from "@/lib/declaration/document-messages";
import { uploadDocument } from "@/lib/declaration/upload-document";
import { MAX_DOCUMENT_BYTES } from "@/lib/documents/kinds";
import { NO_STORE, routeHandler } from "@/lib/http/error-response";
import { BadRequestError, openUpload } from "@/lib/http/upload-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The file plus the multipart envelope and the other two fields. */
const MAX_BODY_BYTES = MAX_DOCUMENT_BYTES + 512 * 1024;

export const POST = routeHandler<{ declarationId: string }>("documents", async (request, { declarationId }) => {
  const { user, form } = await openUpload(request, MAX_BODY_BYTES, "file");
  const kind = form.get("kind");
  const version = Number(form.get("version"));
  const file = form.get("file");
  if (typeof kind !== "string" || !Number.isSafeInteger(version) || version < 1) throw new BadRequestError();
  if (!(file instanceof Blob) || file.size === 0) throw new InvalidInputError({ file: EMPTY_FILE_MESSAGE }, EMPTY_FILE_MESSAGE);

  const actor = { userId: user.id, role: user.role, ip: clientIp(request.headers), userAgent: userAgent(request.headers) };
  const caller = { id: user.id, role: user.role, regionId: user.regionId };
  const data = await uploadDocument(
    db,
    { actor, caller },
    {
      declarationId,
      version,
      kind,
      fileName: "name" in file && typeof file.name === "string" ? file.name : "",
      bytes: new Uint8Array(await file.arrayBuffer()),
    },
  );
  return NextResponse.json({ ok: true, data }, { status: 200, headers: NO_STORE });
});

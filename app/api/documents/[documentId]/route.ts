// GET: the bytes of one uploaded document, only to those who may see its declaration —
// the office's holder, an expert of its region, an admin — and "not found" to anyone else
// (the same answer as for a document that does not exist): lib/declaration/read-document.ts.
// Never cached, never sniffed: the type is the one read from the bytes at upload. Images
// and PDFs open in the browser (a PDF in a CSP sandbox) unless ?download=1; Word files are
// always downloaded.
import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { getActingUser } from "@/lib/auth/current-user";
import { NotFoundError } from "@/lib/authz/errors";
import { SESSION_EXPIRED_MESSAGE } from "@/lib/actions/result";
import { readDocument } from "@/lib/declaration/read-document";
import { CONTENT_TYPE, type FileType } from "@/lib/documents/kinds";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const TYPE_OF_CONTENT_TYPE = new Map(Object.entries(CONTENT_TYPE).map(([type, ct]) => [ct, type as FileType]));
const EXTENSION: Record<FileType, string> = { jpeg: "jpg", pdf: "pdf", docx: "docx" };
const NO_STORE = { "Cache-Control": "no-store" };

/** RFC 6266 / 5987: an ASCII fallback name plus the real (Persian) name, percent-encoded. */
function contentDisposition(disposition: "inline" | "attachment", fileName: string, type: FileType | null): string {
  const ext = type ? EXTENSION[type] : "bin";
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="document.${ext}"; filename*=UTF-8''${encoded}`;
}

export async function GET(request: Request, { params }: { params: Promise<{ documentId: string }> }) {
  const { documentId } = await params;
  const user = await getActingUser();
  if (!user || user.mustChangePassword) return NextResponse.json({ error: SESSION_EXPIRED_MESSAGE }, { status: 401, headers: NO_STORE });

  let found: Awaited<ReturnType<typeof readDocument>>;
  try {
    found = await readDocument(db, { id: user.id, role: user.role, regionId: user.regionId }, documentId);
  } catch (e) {
    if (e instanceof NotFoundError) return NextResponse.json({ error: "این مدرک یافت نشد یا به آن دسترسی ندارید." }, { status: 404, headers: NO_STORE });
    throw e;
  }
  const { document: doc, bytes } = found;
  const type = TYPE_OF_CONTENT_TYPE.get(doc.contentType) ?? null;
  const inline = (type === "jpeg" || type === "pdf") && new URL(request.url).searchParams.get("download") !== "1";
  const headers = new Headers({
    "Content-Type": type ? CONTENT_TYPE[type] : "application/octet-stream",
    "Content-Length": String(bytes.length),
    "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", doc.fileName, type),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
    "Cross-Origin-Resource-Policy": "same-origin",
    // A PDF shown by the browser runs sandboxed (no scripts, no access to this origin);
    // anything else opened directly may load nothing but itself.
    "Content-Security-Policy": type === "pdf" ? "sandbox" : "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
  });
  return new Response(new Uint8Array(bytes), { status: 200, headers });
}

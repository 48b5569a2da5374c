// GET: the bytes of one uploaded document, only to those who may see its declaration —
// the office's holder, an expert of its region, an admin — and "not found" to anyone else
// (the same answer as for a document that does not exist): lib/declaration/read-document.ts.
// Never cached, never sniffed: the type is the one read from the bytes at upload, and so is
// the saved name's extension (an upload named "x.pdf.html" downloads as "x.pdf"). Images
// and PDFs open in the browser (in a CSP sandbox) unless ?download=1; Word files and
// anything unknown are always downloaded. Staff views of identity documents are audited.
import { db } from "@/lib/db";
import { clientIp, userAgent } from "@/lib/auth/request-context";
import { contentDisposition, downloadFileName } from "@/lib/http/content-disposition";
import { routeHandler } from "@/lib/http/error-response";
import { routeCaller } from "@/lib/http/route-access";
import { readDocument } from "@/lib/declaration/read-document";
import { CONTENT_TYPE, FILE_EXTENSION, type FileType } from "@/lib/documents/kinds";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const TYPE_OF_CONTENT_TYPE = new Map(Object.entries(CONTENT_TYPE).map(([type, ct]) => [ct, type as FileType]));

export const GET = routeHandler<{ documentId: string }>(
  "documents",
  async (request, { documentId }) => {
    const caller = await routeCaller();
    const wantsDownload = new URL(request.url).searchParams.get("download") === "1";
    const actor = { userId: caller.id, role: caller.role, ip: clientIp(request.headers), userAgent: userAgent(request.headers) };
    const { document: doc, bytes, inline } = await readDocument(db, caller, documentId, { view: { actor, wantsDownload } });
    const type = TYPE_OF_CONTENT_TYPE.get(doc.contentType) ?? null;
    const extension = type ? FILE_EXTENSION[type] : "bin";
    const headers = new Headers({
      "Content-Type": type ? CONTENT_TYPE[type] : "application/octet-stream",
      "Content-Length": String(bytes.length),
      "Content-Disposition": contentDisposition(
        inline ? "inline" : "attachment",
        `document.${extension}`,
        downloadFileName(doc.fileName, extension),
      ),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Cross-Origin-Resource-Policy": "same-origin",
      // Whatever the browser shows runs sandboxed (no scripts, no access to this origin) and
      // may load nothing but itself.
      "Content-Security-Policy": type === "pdf" ? "sandbox" : "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    });
    return new Response(new Uint8Array(bytes), { status: 200, headers });
  },
  { notFound: "این مدرک یافت نشد یا به آن دسترسی ندارید." },
);

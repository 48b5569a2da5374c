import "server-only";
import type { Db } from "@/lib/db-client";
import type { DocumentKind } from "@/lib/generated/prisma/enums";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { loadDeclarationFor, type Caller } from "@/lib/authz/guards";
import { NotFoundError } from "@/lib/errors/app-error";
import { scopeOf } from "@/lib/authz/permissions";
import { CONTENT_TYPE } from "@/lib/documents/kinds";
import { fileStore, type FileStore } from "@/lib/storage/storage";

/** Only images and PDFs are ever shown by the browser (sandboxed); everything else is downloaded. */
export function servedInline(contentType: string, wantsDownload: boolean): boolean {
  return (contentType === CONTENT_TYPE.jpeg || contentType === CONTENT_TYPE.pdf) && !wantsDownload;
}

/** Identity documents: every time staff open one, the audit says who, which and how. */
export const IDENTITY_DOCUMENT_KINDS: readonly DocumentKind[] = ["NATIONAL_CARD", "BIRTH_CERTIFICATE"];

/**
 * One uploaded document and its bytes, for those who may see its declaration: the
 * office's holder, an expert of the declaration's region, an admin. Anyone else, a
 * missing document and missing bytes all get NotFoundError (the same answer, so that the
 * existence of someone else's document is not revealed). An expert or admin who opens a
 * national card or birth certificate is recorded ("document.viewed", inline or download)
 * when `view` says how it was asked for; `inline` is how it is to be served.
 */
export async function readDocument(
  db: Db,
  caller: Caller,
  documentId: string,
  opts: { store?: FileStore; view?: { actor: AuditActor; wantsDownload: boolean } } = {},
) {
  if (!scopeOf(caller.role, "document:read") || documentId.length === 0 || documentId.length > 64) throw new NotFoundError("document");
  const doc = await db.document.findUnique({ where: { id: documentId } });
  if (!doc) throw new NotFoundError("document");
  await loadDeclarationFor(db, caller, doc.declarationId, "declaration:view", { select: { id: true } });
  const bytes = await (opts.store ?? fileStore()).get(doc.storageKey);
  if (!bytes) {
    console.error("[documents] bytes missing from the store", doc.id, doc.storageKey);
    throw new NotFoundError("document");
  }
  const inline = servedInline(doc.contentType, opts.view?.wantsDownload ?? false);
  if (opts.view && (caller.role === "EXPERT" || caller.role === "ADMIN") && IDENTITY_DOCUMENT_KINDS.includes(doc.kind)) {
    // Before the bytes leave: a view that cannot be recorded is not served (the caller gets a 500 and may retry).
    await recordAudit(db, opts.view.actor, {
      action: "document.viewed",
      targetType: "Document",
      targetId: doc.id,
      after: { declarationId: doc.declarationId, kind: doc.kind, disposition: inline ? "inline" : "download", sha256: doc.sha256 },
    });
  }
  return { document: doc, bytes, inline };
}

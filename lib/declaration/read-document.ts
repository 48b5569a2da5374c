import "server-only";
import type { Db } from "@/lib/db-client";
import { loadDeclarationFor, type Caller } from "@/lib/authz/guards";
import { NotFoundError } from "@/lib/errors/app-error";
import { scopeOf } from "@/lib/authz/permissions";
import { fileStore, type FileStore } from "@/lib/storage/storage";

/**
 * One uploaded document and its bytes, for those who may see its declaration: the
 * office's holder, an expert of the declaration's region, an admin. Anyone else, a
 * missing document and missing bytes all get NotFoundError (the same answer, so that the
 * existence of someone else's document is not revealed).
 */
export async function readDocument(db: Db, caller: Caller, documentId: string, opts: { store?: FileStore } = {}) {
  if (!scopeOf(caller.role, "document:read") || documentId.length === 0 || documentId.length > 64) throw new NotFoundError("document");
  const doc = await db.document.findUnique({ where: { id: documentId } });
  if (!doc) throw new NotFoundError("document");
  await loadDeclarationFor(db, caller, doc.declarationId, "declaration:view");
  const bytes = await (opts.store ?? fileStore()).get(doc.storageKey);
  if (!bytes) {
    console.error("[documents] bytes missing from the store", doc.id, doc.storageKey);
    throw new NotFoundError("document");
  }
  return { document: doc, bytes };
}

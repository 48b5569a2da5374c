import "server-only";
import type { Db } from "@/lib/db-client";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Caller } from "@/lib/authz/guards";
import { commitDeclaration, loadForEdit } from "@/lib/declaration/editable";
import { StepInvalidError } from "@/lib/declaration/errors";
import { DOCUMENT_NOT_FOUND_MESSAGE } from "@/lib/declaration/document-messages";
import type { StepStatusMap } from "@/lib/declaration/steps";
import { removeBytes } from "@/lib/declaration/upload-document";
import { fileStore, type FileStore } from "@/lib/storage/storage";

type Who = { actor: AuditActor & { userId: string }; caller: Caller };

export type DeleteDocumentInput = { declarationId: string; version: number; documentId: string };

/**
 * Deletes one document of step 1 from the holder's own draft (same gate as an upload:
 * loadForEdit, in one transaction with the step status, the version and the audit entry),
 * then removes its bytes from the store once the transaction has committed.
 */
export async function deleteDocument(
  db: Db,
  who: Who,
  input: DeleteDocumentInput,
  opts: { now?: Date; store?: FileStore } = {},
): Promise<{ version: number; stepStatus: StepStatusMap }> {
  const store = opts.store ?? fileStore();
  const { storageKey, ...result } = await db.$transaction(async (tx) => {
    const declaration = await loadForEdit(tx, who.caller, {
      declarationId: input.declarationId,
      step: 1,
      version: input.version,
      now: opts.now,
    });
    const doc = await tx.document.findFirst({ where: { id: input.documentId, declarationId: declaration.id, objectionId: null } });
    if (!doc) throw new StepInvalidError({}, DOCUMENT_NOT_FOUND_MESSAGE);
    await tx.document.delete({ where: { id: doc.id } });
    const committed = await commitDeclaration(tx, declaration, {});
    await recordAudit(tx, who.actor, {
      action: "document.deleted",
      targetType: "Document",
      targetId: doc.id,
      before: {
        declarationId: declaration.id,
        kind: doc.kind,
        fileName: doc.fileName,
        contentType: doc.contentType,
        size: doc.size,
        sha256: doc.sha256,
      },
      after: { version: committed.version },
    });
    return { ...committed, storageKey: doc.storageKey };
  });
  await removeBytes(store, [storageKey]);
  return result;
}

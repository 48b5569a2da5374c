import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db-client";
import type { DocumentKind } from "@/lib/generated/prisma/enums";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Caller } from "@/lib/authz/guards";
import { CONTENT_TYPE, DOCUMENT_KINDS, FILE_EXTENSION, MAX_DOCUMENT_BYTES, type FileType } from "@/lib/documents/kinds";
import { sniffFileType } from "@/lib/documents/sniff";
import { unsafeContentOf } from "@/lib/documents/inspect";
import { commitDeclaration, loadForEdit } from "@/lib/declaration/editable";
import { StepInvalidError } from "@/lib/declaration/errors";
import {
  EMPTY_FILE_MESSAGE,
  UNKNOWN_KIND_MESSAGE,
  UNSAFE_CONTENT_MESSAGE,
  tooLargeMessage,
  wrongTypeMessage,
} from "@/lib/declaration/document-messages";
import type { StepStatusMap } from "@/lib/declaration/steps";
import { fileStore, newStorageKey, type FileStore } from "@/lib/storage/storage";

type Who = { actor: AuditActor & { userId: string }; caller: Caller };

export type UploadDocumentInput = {
  declarationId: string;
  version: number;
  kind: string;
  fileName: string;
  bytes: Uint8Array;
};

/** What the documents step shows of a stored document (no storage key). */
export type DocumentSummary = {
  id: string;
  kind: DocumentKind;
  fileName: string;
  size: number;
  contentType: string;
  createdAt: string;
};

export type UploadDocumentResult = { version: number; stepStatus: StepStatusMap; document: DocumentSummary };

const MAX_FILE_NAME = 120;

/**
 * A display name only (the storage key never comes from it): the last path segment,
 * without control or bidi-override characters, at most 120 characters (keeping the
 * extension when it has to cut).
 */
export function sanitizeFileName(name: string, fallbackExtension = ""): string {
  let base = name.split(/[\\/]/).pop() ?? "";
  base = Array.from(base)
    .filter((ch) => !isUnsafeNameChar(ch.codePointAt(0)!))
    .join("");
  base = base.replace(/\s+/g, " ").trim().replace(/^\.+/, "");
  if (!base) base = `file${fallbackExtension ? `.${fallbackExtension}` : ""}`;
  const chars = Array.from(base);
  if (chars.length > MAX_FILE_NAME) {
    const dot = base.lastIndexOf(".");
    const ext = dot > 0 ? Array.from(base.slice(dot)) : [];
    const keepExt = ext.length > 0 && ext.length <= 10;
    base = keepExt ? chars.slice(0, MAX_FILE_NAME - ext.length).join("") + ext.join("") : chars.slice(0, MAX_FILE_NAME).join("");
  }
  return base;
}

/** Control characters, bidi marks/overrides/isolates (which can disguise an extension) and quotes. */
function isUnsafeNameChar(cp: number): boolean {
  return (
    cp < 0x20 ||
    (cp >= 0x7f && cp <= 0x9f) ||
    cp === 0x200e ||
    cp === 0x200f ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2066 && cp <= 0x2069) ||
    cp === 0x22
  );
}

function toSummary(d: {
  id: string;
  kind: DocumentKind;
  fileName: string;
  size: number;
  contentType: string;
  createdAt: Date;
}): DocumentSummary {
  return { id: d.id, kind: d.kind, fileName: d.fileName, size: d.size, contentType: d.contentType, createdAt: d.createdAt.toISOString() };
}

/**
 * Checks a file for a kind: known kind, size, type read from the bytes, and nothing inside it
 * that would act on the reviewer's computer (lib/documents/inspect.ts). Throws StepInvalidError({file}).
 */
export function checkDocumentFile(kind: string, bytes: Uint8Array): { kind: DocumentKind; type: FileType } {
  const spec = DOCUMENT_KINDS.find((d) => d.kind === kind);
  if (!spec) throw new StepInvalidError({ kind: UNKNOWN_KIND_MESSAGE }, UNKNOWN_KIND_MESSAGE);
  const fail = (message: string): never => {
    throw new StepInvalidError({ file: message }, message);
  };
  if (bytes.length === 0) fail(EMPTY_FILE_MESSAGE);
  if (bytes.length > MAX_DOCUMENT_BYTES) fail(tooLargeMessage(bytes.length));
  const type = sniffFileType(bytes);
  if (!type || !spec.accepts.includes(type)) fail(wrongTypeMessage(spec.accepts));
  const unsafe = unsafeContentOf(type!, bytes);
  if (unsafe) fail(UNSAFE_CONTENT_MESSAGE[unsafe]);
  return { kind: spec.kind, type: type! };
}

/**
 * Uploads one document of step 1, replacing the one of the same kind if any. Nothing is
 * stored for a refused upload: the file is checked first (kind, ≤ 2 MB, JPEG/PDF/DOCX by its
 * bytes, no active content), then the caller and the declaration (loadForEdit: own file,
 * draft, window open, step open, version) in a short read; only then are the bytes written
 * under a fresh random key. The row, the step status, the version and the audit entry are
 * written in one transaction behind loadForEdit again (the check that counts: a concurrent
 * save may have moved the version meanwhile). If that transaction fails the new bytes are
 * removed; once it has committed the replaced file's bytes are removed.
 */
export async function uploadDocument(
  db: Db,
  who: Who,
  input: UploadDocumentInput,
  opts: { now?: Date; store?: FileStore } = {},
): Promise<UploadDocumentResult> {
  const { kind, type } = checkDocumentFile(input.kind, input.bytes);
  const store = opts.store ?? fileStore();
  const bytes = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const fileName = sanitizeFileName(input.fileName, FILE_EXTENSION[type]);
  const contentType = CONTENT_TYPE[type];
  const storageKey = newStorageKey();
  const edit = { declarationId: input.declarationId, step: 1, version: input.version, now: opts.now };

  // The caller may change this step now — before a byte is written.
  await loadForEdit(db, who.caller, edit);
  await store.put(storageKey, bytes, contentType);
  let result: UploadDocumentResult & { replacedKeys: string[] };
  try {
    result = await db.$transaction(async (tx) => {
      const declaration = await loadForEdit(tx, who.caller, edit);
      const replaced = await tx.document.findMany({ where: { declarationId: declaration.id, kind, objectionId: null } });
      if (replaced.length > 0) await tx.document.deleteMany({ where: { id: { in: replaced.map((d) => d.id) } } });
      const row = await tx.document.create({
        data: {
          declarationId: declaration.id,
          kind,
          storageKey,
          fileName,
          contentType,
          size: bytes.length,
          sha256,
          uploadedById: who.actor.userId,
        },
      });
      const committed = await commitDeclaration(tx, declaration, {});
      await recordAudit(tx, who.actor, {
        action: "document.uploaded",
        targetType: "Document",
        targetId: row.id,
        before:
          replaced.length > 0
            ? replaced.map((d) => ({ id: d.id, kind: d.kind, fileName: d.fileName, size: d.size, sha256: d.sha256 }))
            : undefined,
        after: { declarationId: declaration.id, kind, fileName, contentType, size: bytes.length, sha256, version: committed.version },
      });
      return { ...committed, document: toSummary(row), replacedKeys: replaced.map((d) => d.storageKey) };
    });
  } catch (e) {
    await store
      .delete(storageKey)
      .catch((cleanupError: unknown) => console.error("[documents] could not remove bytes of a failed upload", storageKey, cleanupError));
    throw e;
  }
  const { replacedKeys, ...out } = result;
  await removeBytes(store, replacedKeys);
  return out;
}

/** Best effort: the rows are gone already; a failure leaves an orphan file, logged for cleanup. */
export async function removeBytes(store: FileStore, keys: readonly string[]): Promise<void> {
  for (const key of keys) {
    await store.delete(key).catch((e: unknown) => console.error("[documents] could not remove bytes of a removed document", key, e));
  }
}

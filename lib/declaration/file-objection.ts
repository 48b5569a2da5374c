import { createHash } from "node:crypto";
import { z } from "zod";
import { CONTENT_TYPE, FILE_EXTENSION, MAX_DOCUMENT_BYTES } from "@/lib/documents/kinds";
import { sniffFileType } from "@/lib/documents/sniff";
import { unsafeContentOf } from "@/lib/documents/inspect";
import { EMPTY_FILE_MESSAGE, UNSAFE_CONTENT_MESSAGE, tooLargeMessage, wrongTypeMessage } from "@/lib/declaration/document-messages";
import { sanitizeFileName } from "@/lib/declaration/upload-document";
import { fileStore, newStorageKey, type FileStore } from "@/lib/storage/storage";
import type { Db, Tx } from "@/lib/db-client";
import type { AuditActor } from "@/lib/audit/record-audit";
import { loadDeclarationFor, type Caller } from "@/lib/authz/guards";
import { DeclarationError, StepInvalidError } from "@/lib/declaration/errors";
import { approverOf } from "@/lib/review/assignment";
import { applyTransition } from "@/lib/workflow/apply-transition";
import { objectionDeadline } from "@/lib/workflow/objection-window";
import { roundDeadline } from "@/lib/workflow/round-deadline";

const OBJECTION_MIN = 20;
export const MAX_OBJECTION_ATTACHMENTS = 3;

export type ObjectionAttachment = { fileName: string; bytes: Uint8Array };

/** Each attachment a PDF or JPEG (read from its bytes) of at most 2 MB, without active content; a Persian message otherwise. */
function checkObjectionAttachments(files: readonly ObjectionAttachment[]): ("pdf" | "jpeg")[] {
  if (files.length > MAX_OBJECTION_ATTACHMENTS) throw new StepInvalidError({ files: "حداکثر ۳ فایل پیوست کنید." });
  return files.map((f) => {
    if (f.bytes.length === 0) throw new StepInvalidError({ files: EMPTY_FILE_MESSAGE });
    if (f.bytes.length > MAX_DOCUMENT_BYTES) throw new StepInvalidError({ files: `${f.fileName}: ${tooLargeMessage(f.bytes.length)}` });
    const type = sniffFileType(f.bytes);
    if (type !== "pdf" && type !== "jpeg") throw new StepInvalidError({ files: `${f.fileName}: ${wrongTypeMessage(["pdf", "jpeg"])}` });
    const unsafe = unsafeContentOf(type, f.bytes);
    if (unsafe) throw new StepInvalidError({ files: `${f.fileName}: ${UNSAFE_CONTENT_MESSAGE[unsafe]}` });
    return type;
  });
}

export const objectionInput = z.object({
  declarationId: z.string().min(1).max(64),
  text: z
    .string()
    .trim()
    .min(OBJECTION_MIN, { error: "متن اعتراض را بنویسید (دست‌کم ۲۰ حرف)." })
    .max(4000, { error: "متن اعتراض بیش از حد طولانی است." }),
});

class ObjectionClosedError extends DeclarationError {
  constructor() {
    super("مهلت اعتراض به نتیجه این پرونده به پایان رسیده است.");
  }
}

/**
 * The holder objects to the approved result within the window. The objection goes to an
 * expert of the region other than the one who approved (the least busy one); if there is
 * none, it waits unassigned for the head office to assign. The region's deadline to decide
 * is the round's re-review period.
 */
export async function fileObjection(
  db: Db,
  actor: AuditActor & { userId: string },
  caller: Caller,
  input: z.output<typeof objectionInput>,
  opts: { now?: Date; attachments?: readonly ObjectionAttachment[]; store?: FileStore } = {},
) {
  const now = opts.now ?? new Date();
  const attachments = opts.attachments ?? [];
  const types = checkObjectionAttachments(attachments);
  // The caller, the file's state and the window are checked before a byte is stored; the
  // transaction checks them again (the answer that counts). Bytes under fresh random keys,
  // removed again if the transaction fails.
  if (attachments.length > 0) await objectionTarget(db, caller, input.declarationId, now);
  const store = attachments.length > 0 ? (opts.store ?? fileStore()) : null;
  const stored = attachments.map((f, i) => ({
    ...f,
    type: types[i]!,
    key: newStorageKey(),
    sha256: createHash("sha256").update(f.bytes).digest("hex"),
  }));
  for (const f of stored) await store!.put(f.key, Buffer.from(f.bytes), CONTENT_TYPE[f.type]);
  try {
    return await fileObjectionTx(db, actor, caller, input, stored, now);
  } catch (e) {
    for (const f of stored) await store!.delete(f.key).catch(() => undefined);
    throw e;
  }
}

/** The caller's own approved file whose objection window is open, else the refusal. */
async function objectionTarget(tx: Db | Tx, caller: Caller, declarationId: string, now: Date) {
  const d = await loadDeclarationFor(tx, caller, declarationId, "objection:file", {
    select: {
      id: true,
      status: true,
      regionId: true,
      approvedAt: true,
      round: { select: { objectionDays: true, reReviewDays: true, dayKind: true } },
    },
  });
  if (d.status !== "APPROVED") throw new DeclarationError("برای این پرونده در وضعیت کنونی نمی‌توان اعتراض ثبت کرد.");
  const closesAt = await objectionDeadline(tx, d);
  if (!closesAt || now >= closesAt) throw new ObjectionClosedError();
  return d;
}

async function fileObjectionTx(
  db: Db,
  actor: AuditActor & { userId: string },
  caller: Caller,
  input: z.infer<typeof objectionInput>,
  stored: readonly (ObjectionAttachment & { type: "pdf" | "jpeg"; key: string; sha256: string })[],
  now: Date,
) {
  return db.$transaction(async (tx) => {
    const d = await objectionTarget(tx, caller, input.declarationId, now);

    const approver = await approverOf(tx, d.id);
    const [assignee] = await tx.$queryRaw<{ id: string }[]>`
      SELECT u."id" FROM "User" u
      WHERE u."role" = 'EXPERT' AND u."active" AND u."regionId" = ${d.regionId} AND u."id" IS DISTINCT FROM ${approver}
      ORDER BY (SELECT count(*) FROM "Declaration" x WHERE x."assigneeId" = u."id" AND x."status" IN ('SUBMITTED','IN_REVIEW','RESUBMITTED','RETURNED','OBJECTED')), u."createdAt"
      LIMIT 1`;
    const objection = await tx.objection.create({
      data: { declarationId: d.id, text: input.text, filedById: caller.id, filedAt: now, assigneeId: assignee?.id ?? null },
    });
    if (stored.length > 0) {
      await tx.document.createMany({
        data: stored.map((f) => ({
          declarationId: d.id,
          objectionId: objection.id,
          kind: "OBJECTION_ATTACHMENT" as const,
          storageKey: f.key,
          fileName: sanitizeFileName(f.fileName, FILE_EXTENSION[f.type]),
          contentType: CONTENT_TYPE[f.type],
          size: f.bytes.length,
          sha256: f.sha256,
          uploadedById: caller.id,
        })),
      });
    }
    await applyTransition(
      tx,
      d,
      "object",
      { actor: "HOLDER", audit: actor },
      {
        data: { assigneeId: assignee?.id ?? null, dueAt: await roundDeadline(tx, d.round, now, d.round.reReviewDays) },
        audit: { objectionId: objection.id, assigneeId: assignee?.id ?? null, attachments: stored.map((f) => f.sha256) },
      },
    );
    return { objectionId: objection.id };
  });
}

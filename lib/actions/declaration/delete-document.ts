"use server";

import { db } from "@/lib/db";
import { defineAction } from "@/lib/actions/define-action";
import { deleteDocument } from "@/lib/declaration/delete-document";
import { declarationTarget, recordId } from "@/lib/validation/record-id";

/** «حذف» of one document in step 1 (uploads go through POST /api/declarations/[id]/documents). */
export const deleteDocumentAction = defineAction(
  declarationTarget.extend({ documentId: recordId }),
  (i, who) => deleteDocument(db, who, i),
  { name: "declaration.delete-document" },
);

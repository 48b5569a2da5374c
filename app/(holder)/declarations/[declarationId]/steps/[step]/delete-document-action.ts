"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { declarationTarget, runParsedAction } from "@/lib/actions/run-action";
import { deleteDocument } from "@/lib/declaration/delete-document";

const input = declarationTarget.extend({ documentId: z.string().min(1).max(64) });

/** «حذف» of one document in step 1 (uploads go through POST /api/declarations/[id]/documents). */
export async function deleteDocumentAction(raw: unknown) {
  return runParsedAction(input, raw, (i, who) => deleteDocument(db, who, i));
}

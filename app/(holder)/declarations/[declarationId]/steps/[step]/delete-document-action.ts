"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { declarationTarget, runParsedDeclarationAction } from "@/lib/actions/declaration-action";
import { deleteDocument } from "@/lib/declaration/delete-document";

const input = declarationTarget.extend({ documentId: z.string().min(1).max(64) });

/** «حذف» of one document in step 1 (uploads go through POST /api/declarations/[id]/documents). */
export async function deleteDocumentAction(raw: unknown) {
  return runParsedDeclarationAction(input, raw, (i, who) => deleteDocument(db, who, i));
}

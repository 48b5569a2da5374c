"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { runDeclarationAction } from "@/lib/actions/declaration-action";
import type { ActionResult } from "@/lib/actions/result";
import { deleteDocument } from "@/lib/declaration/delete-document";
import type { StepStatusMap } from "@/lib/declaration/steps";

const input = z.object({
  declarationId: z.string().min(1).max(64),
  documentId: z.string().min(1).max(64),
  version: z.number().int().min(1),
});

/** «حذف» of one document in step 1 (uploads go through POST /api/declarations/[id]/documents). */
export async function deleteDocumentAction(raw: unknown): Promise<ActionResult<{ version: number; stepStatus: StepStatusMap }>> {
  const parsed = input.safeParse(raw);
  if (!parsed.success) return { ok: false, formError: "درخواست نامعتبر است. صفحه را دوباره بارگذاری کنید." };
  return runDeclarationAction((who) => deleteDocument(db, who, parsed.data));
}

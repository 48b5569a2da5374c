"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { runDeclarationAction } from "@/lib/actions/declaration-action";
import { removeBoardMember } from "@/lib/declaration/board-members";

const input = z.object({ declarationId: z.string().min(1).max(64), version: z.number().int().min(1), rowId: z.string().min(1).max(64) });

export async function removeBoardMemberAction(raw: unknown) {
  const parsed = input.safeParse(raw);
  if (!parsed.success) return { ok: false as const, formError: "درخواست نامعتبر است. صفحه را دوباره بارگذاری کنید." };
  const { rowId, ...target } = parsed.data;
  return runDeclarationAction((who) => removeBoardMember(db, who, { ...target, memberId: rowId }));
}

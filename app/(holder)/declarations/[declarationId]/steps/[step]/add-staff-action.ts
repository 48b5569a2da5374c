"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { runDeclarationAction } from "@/lib/actions/declaration-action";
import { addStaffMember } from "@/lib/declaration/staff";

const input = z.object({ declarationId: z.string().min(1).max(64), version: z.number().int().min(1), values: z.unknown() });

export async function addStaffMemberAction(raw: unknown) {
  const parsed = input.safeParse(raw);
  if (!parsed.success) return { ok: false as const, formError: "درخواست نامعتبر است. صفحه را دوباره بارگذاری کنید." };
  const { values, ...target } = parsed.data;
  return runDeclarationAction((who) => addStaffMember(db, who, target, values));
}

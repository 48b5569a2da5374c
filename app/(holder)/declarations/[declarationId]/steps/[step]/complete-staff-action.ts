"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { runDeclarationAction } from "@/lib/actions/declaration-action";
import { completeStaffStep } from "@/lib/declaration/save-step";

const input = z.object({ declarationId: z.string().min(1).max(64), version: z.number().int().min(1) });

export async function completeStaffAction(raw: unknown) {
  const parsed = input.safeParse(raw);
  if (!parsed.success) return { ok: false as const, formError: "درخواست نامعتبر است. صفحه را دوباره بارگذاری کنید." };
  return runDeclarationAction((who) => completeStaffStep(db, who.actor, who.caller, parsed.data));
}

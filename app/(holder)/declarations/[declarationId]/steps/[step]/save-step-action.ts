"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { runDeclarationAction } from "@/lib/actions/declaration-action";
import type { ActionResult } from "@/lib/actions/result";
import { saveStep, type SaveStepResult } from "@/lib/declaration/save-step";

const input = z.object({
  declarationId: z.string().min(1).max(64),
  step: z.number().int().min(2).max(6),
  version: z.number().int().min(1),
  values: z.unknown(),
  mode: z.enum(["draft", "complete"]),
});

/** Autosave, explicit save and "complete this step" of the form steps 2–6. */
export async function saveStepAction(raw: unknown): Promise<ActionResult<SaveStepResult>> {
  const parsed = input.safeParse(raw);
  if (!parsed.success) return { ok: false, formError: "درخواست نامعتبر است. صفحه را دوباره بارگذاری کنید." };
  return runDeclarationAction((who) => saveStep(db, who.actor, who.caller, parsed.data));
}

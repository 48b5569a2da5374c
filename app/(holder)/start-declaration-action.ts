"use server";

import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { actionContext } from "@/lib/actions/action-context";
import { SESSION_EXPIRED_MESSAGE, NOT_FOUND_MESSAGE, type ActionResult } from "@/lib/actions/result";
import { can } from "@/lib/authz/permissions";
import { startDeclaration, RoundClosedError } from "@/lib/declaration/start-declaration";
import { NotFoundError } from "@/lib/authz/errors";

export async function startDeclarationAction(): Promise<ActionResult> {
  const ctx = await actionContext();
  if (!ctx) return { ok: false, formError: SESSION_EXPIRED_MESSAGE };
  if (!can(ctx.user.role, "declaration:edit:own")) return { ok: false, formError: NOT_FOUND_MESSAGE };
  let id: string;
  try {
    id = (await startDeclaration(db, ctx.actor)).id;
  } catch (e) {
    if (e instanceof RoundClosedError) return { ok: false, formError: "مهلت ثبت خوداظهاری این دوره به پایان رسیده یا دوره‌ای باز نیست." };
    if (e instanceof NotFoundError) return { ok: false, formError: NOT_FOUND_MESSAGE };
    throw e;
  }
  redirect(`/declarations/${id}`);
}

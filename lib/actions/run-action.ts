import "server-only";
import { actionContext } from "@/lib/actions/action-context";
import { z } from "zod";
import { INVALID_REQUEST_MESSAGE, NOT_FOUND_MESSAGE, SESSION_EXPIRED_MESSAGE, type ActionResult } from "@/lib/actions/result";
import type { AuditActor } from "@/lib/audit/record-audit";
import type { Caller } from "@/lib/authz/guards";
import { NotFoundError } from "@/lib/authz/errors";
import { DeclarationError, StaleVersionError, StepInvalidError } from "@/lib/declaration/errors";
import { ReviewError } from "@/lib/review/errors";
import { ConcurrentChangeError } from "@/lib/workflow/apply-transition";
import { IllegalTransitionError } from "@/lib/workflow/transitions";

export type ActionCaller = { actor: AuditActor & { userId: string }; caller: Caller };

/**
 * The frame of every server action that changes data (the holder's wizard, the region's
 * review decisions, the head office's rounds and accounts): authenticate (a signed-out
 * caller gets a message, and the form keeps what was typed), then run the
 * service function, turning its refusals into Persian messages for the form. Validation,
 * authorization against the record, the state checks and the audit entry happen in the
 * service function, inside its transaction.
 */
export async function runAction<T>(fn: (who: ActionCaller) => Promise<T>): Promise<ActionResult<T>> {
  const ctx = await actionContext();
  if (!ctx) return { ok: false, formError: SESSION_EXPIRED_MESSAGE, code: "SIGNED_OUT" };
  const who: ActionCaller = {
    actor: ctx.actor,
    caller: { id: ctx.user.id, role: ctx.user.role, regionId: ctx.user.regionId },
  };
  try {
    const data = await fn(who);
    return { ok: true, data } as ActionResult<T>;
  } catch (e) {
    if (e instanceof NotFoundError) return { ok: false, formError: NOT_FOUND_MESSAGE, code: "NOT_FOUND" };
    if (e instanceof StaleVersionError) return { ok: false, formError: e.userMessage, code: "STALE" };
    if (e instanceof StepInvalidError) return { ok: false, formError: e.userMessage, fieldErrors: e.fieldErrors };
    if (e instanceof DeclarationError) return { ok: false, formError: e.userMessage };
    if (e instanceof ReviewError) return { ok: false, formError: e.userMessage, ...(Object.keys(e.fieldErrors).length > 0 ? { fieldErrors: e.fieldErrors } : {}) };
    if (e instanceof IllegalTransitionError || e instanceof ConcurrentChangeError) return { ok: false, formError: e.userMessage, code: "STALE" };
    throw e;
  }
}

/** The declaration and the version the browser's copy started from: part of every change. */
export const declarationTarget = z.object({ declarationId: z.string().min(1).max(64), version: z.number().int().min(1) });

/** Parses the action's input with `schema` (a malformed call writes nothing), then runs it. */
export async function runParsedAction<S extends z.ZodType, T>(
  schema: S,
  raw: unknown,
  fn: (input: z.output<S>, who: ActionCaller) => Promise<T>,
): Promise<ActionResult<T>> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, formError: INVALID_REQUEST_MESSAGE };
  return runAction((who) => fn(parsed.data, who));
}

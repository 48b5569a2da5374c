import "server-only";
import { headers } from "next/headers";
import type { z } from "zod";
import { getActingUser } from "@/lib/auth/current-user";
import { clientIp, userAgent } from "@/lib/auth/request-context";
import type { AuditActor } from "@/lib/audit/record-audit";
import type { Caller } from "@/lib/authz/guards";
import { AppError, MUST_ENROLL_TOTP_MESSAGE, RefusedError, SignedOutError, parseInput } from "@/lib/errors/app-error";
import { mustEnrollTotp } from "@/lib/auth/totp";
import { failureOf, type ActionResult } from "@/lib/actions/result";
import { isRecordedRefusal, recordRefusal } from "@/lib/audit/record-refusal";

type ActingUser = NonNullable<Awaited<ReturnType<typeof getActingUser>>>;

/** Who calls a server action: the user read from the database, as a record guard and as the audit's actor. */
export type ActionCaller = { user: ActingUser; caller: Caller; actor: AuditActor & { userId: string } };

/** `name`: what the audit calls the action ("review.approve-declaration"), for refused accesses. */
type ActionOptions = { allowMustChangePassword?: boolean; allowMustEnrollTotp?: boolean; name?: string };

/** Who calls a public action (sign-in help): only the request's address and browser. */
export type RequestActor = { ip: string; userAgent: string | null };

async function requestActor(): Promise<RequestActor> {
  const h = await headers();
  return { ip: clientIp(h), userAgent: userAgent(h) };
}

/** The signed-in caller of an action, or SignedOutError (also while a forced password change is pending). */
async function authenticate(opts: ActionOptions): Promise<ActionCaller> {
  const user = await getActingUser();
  if (!user || (user.mustChangePassword && !opts.allowMustChangePassword)) throw new SignedOutError();
  // Staff without a second factor may only enrol it (or change the forced password first).
  if (!opts.allowMustChangePassword && !opts.allowMustEnrollTotp && mustEnrollTotp(user)) throw new RefusedError(MUST_ENROLL_TOTP_MESSAGE);
  const request = await requestActor();
  return {
    user,
    caller: { id: user.id, role: user.role, regionId: user.regionId },
    actor: { userId: user.id, role: user.role, ...request },
  };
}

async function settle<T>(run: () => Promise<T>, onRefusal?: (e: AppError) => Promise<void>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await run() } as ActionResult<T>;
  } catch (e) {
    // Only refusals become messages; anything else (a bug, next/navigation's redirect) goes on.
    if (e instanceof AppError) {
      if (onRefusal && isRecordedRefusal(e)) await onRefusal(e);
      return failureOf(e);
    }
    throw e;
  }
}

/**
 * The frame of every server action that changes data: authenticate (a signed-out caller
 * gets a message and the form keeps what was typed), parse the input with `schema` once
 * (its field messages reach the form), then run the handler — the service function that
 * authorizes against the record, checks the state and writes with its audit entry in one
 * transaction. Its AppError refusals become the form's messages. The browser's call is typed
 * by the schema's input. A signed-in caller's "not found" or REFUSED is audited
 * ("access.refused", under `name`, with the record ids of the input), after the failed
 * transaction and without changing the answer.
 */
export function defineAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>, who: ActionCaller) => Promise<T>,
  opts: ActionOptions = {},
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (raw) => {
    let who: ActionCaller | null = null;
    const audit = (e: AppError) => (who ? recordRefusal(who.actor, e, opts.name ?? "action", raw) : Promise.resolve());
    return settle(async () => {
      const caller = await authenticate(opts);
      who = caller;
      return handler(parseInput(schema, raw), caller);
    }, audit);
  };
}

/** The same frame for the few actions a signed-out visitor may call (forgotten password). */
export function definePublicAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>, request: RequestActor) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (raw) => settle(async () => handler(parseInput(schema, raw), await requestActor()));
}

import "server-only";
import { NextResponse } from "next/server";
import { failureOf } from "@/lib/actions/result";
import { AppError, NotFoundError, UNEXPECTED_MESSAGE } from "@/lib/errors/app-error";
import { getActingUser } from "@/lib/auth/current-user";
import { clientIp, userAgent } from "@/lib/auth/request-context";
import { isRecordedRefusal, recordRefusal } from "@/lib/audit/record-refusal";

// The one translation of a refusal into an HTTP answer, for every route handler: the
// AppError's status and the same JSON body a server action returns ({ ok: false, code,
// formError, fieldErrors }), never cached. Anything that is not a refusal is logged and
// answered 500 with a message that says nothing was saved.

export const NO_STORE = { "Cache-Control": "no-store" } as const;

function refusalResponse(e: AppError): Response {
  return NextResponse.json(failureOf(e), { status: e.status, headers: NO_STORE });
}

function errorResponse(e: unknown, where: string): Response {
  if (e instanceof AppError) return refusalResponse(e);
  console.error(`[${where}] failed`, e);
  return NextResponse.json({ ok: false, formError: UNEXPECTED_MESSAGE }, { status: 500, headers: NO_STORE });
}

type RouteContext<P> = { params: Promise<P> };

/** A signed-in caller's NOT_FOUND or REFUSED, audited under the route's name with its params' ids. */
async function auditRefusal(request: Request, e: AppError, where: string, params: unknown): Promise<void> {
  try {
    const user = await getActingUser();
    if (!user) return;
    const actor = { userId: user.id, role: user.role, ip: clientIp(request.headers), userAgent: userAgent(request.headers) };
    await recordRefusal(actor, e, where, params);
  } catch (err) {
    console.error(`[${where}] could not audit a refusal`, err);
  }
}

/**
 * A route handler whose refusals are answered by `errorResponse`. `notFound` is the route's own
 * sentence for a NotFoundError (what is missing: a file, a job, a page). A signed-in caller's
 * "not found" or REFUSED is audited ("access.refused") before the answer goes out.
 */
export function routeHandler<P = Record<string, never>>(
  where: string,
  handler: (request: Request, params: P) => Promise<Response>,
  opts: { notFound?: string } = {},
): (request: Request, context?: RouteContext<P>) => Promise<Response> {
  return async (request, context) => {
    let params: unknown = {};
    try {
      params = (await context?.params) ?? {};
      return await handler(request, params as P);
    } catch (e) {
      if (isRecordedRefusal(e)) await auditRefusal(request, e, where, params);
      if (e instanceof NotFoundError && opts.notFound) return refusalResponse(new NotFoundError(e.what, opts.notFound));
      return errorResponse(e, where);
    }
  };
}

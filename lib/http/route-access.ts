import "server-only";
import { NextResponse } from "next/server";
import { getActingUser } from "@/lib/auth/current-user";
import type { Caller } from "@/lib/authz/guards";
import { NotFoundError } from "@/lib/authz/errors";
import { SESSION_EXPIRED_MESSAGE } from "@/lib/actions/result";

// The access steps every GET route handler shares (downloads, job status): a signed-in
// caller who need not change their password first, else 401; the record loaded through its
// service, whose NotFoundError (no such record, or not the caller's to see) becomes 404 with
// the route's Persian message. Never cached.

export const NO_STORE = { "Cache-Control": "no-store" } as const;

export function jsonError(status: number, message: string): Response {
  return NextResponse.json({ error: message }, { status, headers: NO_STORE });
}

/** The caller of a route, or the 401 answer to return as it is. */
export async function routeCaller(): Promise<Caller | Response> {
  const user = await getActingUser();
  if (!user || user.mustChangePassword) return jsonError(401, SESSION_EXPIRED_MESSAGE);
  return { id: user.id, role: user.role, regionId: user.regionId };
}

/** What `load` returns, or the 404 answer (with `message`) when it throws NotFoundError. */
export async function loadOr404<T>(load: () => Promise<T>, message: string): Promise<T | Response> {
  try {
    return await load();
  } catch (e) {
    if (e instanceof NotFoundError) return jsonError(404, message);
    throw e;
  }
}

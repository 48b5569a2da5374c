// Session lifetimes: 30 minutes idle, 12 hours at most. Shared by the
// next-auth options and proxy.ts.
export const SESSION_IDLE_SECONDS = 30 * 60;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;

export function tokenIsLive(token: { uid?: unknown; loginAt?: unknown } | null, now = Date.now()): boolean {
  return !!token && typeof token.uid === "string" && typeof token.loginAt === "number" && now - token.loginAt <= SESSION_ABSOLUTE_MS;
}

// Session lifetimes: 30 minutes idle, 12 hours at most. Shared by the
// next-auth options and proxy.ts.
export const SESSION_IDLE_SECONDS = 30 * 60;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;

export function tokenIsLive(token: { uid?: unknown; loginAt?: unknown } | null, now = Date.now()): boolean {
  return !!token && typeof token.uid === "string" && typeof token.loginAt === "number" && now - token.loginAt <= SESSION_ABSOLUTE_MS;
}

/** What a live session cookie says: who, when the session was opened, and its generation. */
export type SessionClaims = { uid: string; loginAt: number; gen: number };

/**
 * A session holds while its account is active, no password change happened since it was
 * opened, and the account's session generation is still the one it was opened under:
 * sign-out, deactivation, a reset and "sign out everywhere" bump the generation, so every
 * older cookie — a copied one included — stops working at once, and a reactivated account
 * does not bring old sessions back.
 */
export function sessionStillValid(
  user: { active: boolean; passwordChangedAt: Date | null; sessionGeneration: number } | null,
  claims: SessionClaims,
): boolean {
  return (
    !!user &&
    user.active &&
    user.sessionGeneration === claims.gen &&
    !(user.passwordChangedAt && claims.loginAt < user.passwordChangedAt.getTime())
  );
}

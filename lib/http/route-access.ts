import "server-only";
import { getActingUser } from "@/lib/auth/current-user";
import type { Caller } from "@/lib/authz/guards";
import { mustEnrollTotp } from "@/lib/auth/totp";
import { MUST_CHANGE_PASSWORD_MESSAGE, MUST_ENROLL_TOTP_MESSAGE, SignedOutError } from "@/lib/errors/app-error";

/**
 * The signed-in caller of a route handler, read from the database; SignedOutError (401)
 * without a session or while a forced password change is pending.
 */
export async function routeCaller(): Promise<Caller> {
  const user = await getActingUser();
  if (!user) throw new SignedOutError();
  if (user.mustChangePassword) throw new SignedOutError(MUST_CHANGE_PASSWORD_MESSAGE);
  if (mustEnrollTotp(user)) throw new SignedOutError(MUST_ENROLL_TOTP_MESSAGE);
  return { id: user.id, role: user.role, regionId: user.regionId };
}

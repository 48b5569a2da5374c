import "server-only";
import { headers } from "next/headers";
import { getActingUser } from "@/lib/auth/current-user";
import { clientIp, userAgent } from "@/lib/auth/request-context";
import type { AuditActor } from "@/lib/audit/record-audit";

type ActingUser = NonNullable<Awaited<ReturnType<typeof getActingUser>>>;

// The caller of a server action: the signed-in user (read from the database) and the
// audit actor with IP and user agent. Returns null when signed out or deactivated.
export async function actionContext(opts: { allowMustChangePassword?: boolean } = {}): Promise<{
  user: ActingUser;
  actor: AuditActor & { userId: string };
} | null> {
  const user = await getActingUser();
  if (!user) return null;
  if (user.mustChangePassword && !opts.allowMustChangePassword) return null;
  const h = await headers();
  return { user, actor: { userId: user.id, role: user.role, ip: clientIp(h), userAgent: userAgent(h) } };
}

export async function requestActor(): Promise<{ ip: string; userAgent: string | null }> {
  const h = await headers();
  return { ip: clientIp(h), userAgent: userAgent(h) };
}

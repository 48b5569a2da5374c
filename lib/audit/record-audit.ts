import type { Tx } from "@/lib/db-client";
import type { Prisma, Role } from "@/lib/generated/prisma/client";
import type { TransitionName } from "@/lib/workflow/transitions";

// Every mutation writes one of these in the same transaction as the change it records.
export type AuditAction =
  | "auth.sign_in"
  | "auth.sign_in_failed"
  | "auth.sign_in_refused"
  | "auth.locked_out"
  | "auth.sign_out"
  | "auth.password_changed"
  | "auth.password_confirm_failed"
  | "auth.password_reset_requested"
  | "auth.password_reset"
  | "auth.code_failed"
  | "auth.account_activated"
  | "account.unlocked"
  | "account.activation_issued"
  | "auth.totp_enrolled"
  | "declaration.created"
  | "declaration.step_saved"
  | "declaration.staff_added"
  | "declaration.staff_updated"
  | "declaration.staff_removed"
  | "declaration.board_member_added"
  | "declaration.board_member_updated"
  | "declaration.board_member_removed"
  | "declaration.submitted"
  | `declaration.${TransitionName}`
  | "declaration.claimed"
  | "declaration.released"
  | "declaration.assigned"
  | "declaration.region_scores_saved"
  | "declaration.reminder_queued"
  | "round.created"
  | "round.updated"
  | "round.opened"
  | "round.closed"
  | "round.close_requested"
  | "ruleset.uploaded"
  | "ruleset.approved"
  | "ruleset.deleted"
  | "registry.import_checked"
  | "registry.imported"
  | "user.created"
  | "user.deactivate"
  | "user.activate"
  | "user.reset_password"
  | "user.unlock"
  | "user.reset_totp"
  | "user.end_sessions"
  | "document.uploaded"
  | "document.deleted"
  | "document.viewed"
  | "access.refused"
  | "round.exported"
  | "registry.holder_mobile_changed"
  | "audit.exported";

export type AuditActor = { userId: string | null; role: Role | null; ip: string | null; userAgent?: string | null };

export type AuditEntry = {
  action: AuditAction;
  targetType: string;
  targetId?: string | null;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
};

export async function recordAudit(tx: Tx, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: actor.userId,
      actorRole: actor.role,
      ip: actor.ip,
      userAgent: actor.userAgent?.slice(0, 300) ?? null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      before: entry.before,
      after: entry.after,
    },
  });
}

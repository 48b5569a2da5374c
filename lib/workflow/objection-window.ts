import type { Db, Tx } from "@/lib/db-client";
import { roundDeadline } from "@/lib/workflow/round-deadline";

/**
 * When the holder's objection window ends. It starts when the approval SMS was handed to
 * the provider (docs/decisions/0008); if that SMS was never sent (no mobile number, a failed
 * send) it starts at the approval itself, so every window ends.
 */
export async function objectionDeadline(
  db: Db | Tx,
  d: { id: string; approvedAt: Date | null; round: { objectionDays: number; dayKind: "CALENDAR" | "WORKING" } },
): Promise<Date | null> {
  if (!d.approvedAt) return null;
  const sms = await db.notification.findFirst({
    where: { declarationId: d.id, template: "result-approved", sentAt: { not: null, gte: d.approvedAt } },
    orderBy: { sentAt: "asc" },
    select: { sentAt: true },
  });
  return roundDeadline(db, d.round, sms?.sentAt ?? d.approvedAt, d.round.objectionDays);
}

import type { Tx } from "@/lib/db-client";
import type { AuditActor } from "@/lib/audit/record-audit";
import { enqueueHolderSms } from "@/lib/notify/enqueue-sms";
import { applyTransition } from "@/lib/workflow/apply-transition";

/**
 * A draft whose round's window ended without a submission: NOT_SUBMITTED with the rule
 * set's lowest rank until the next round, and one SMS to the holder. Used by the deadline
 * sweep and by closing a round; the compare-and-set transition makes it happen once.
 */
export async function markNotSubmitted(
  tx: Tx,
  d: { id: string; status: "DRAFT" },
  who: { actor: "SYSTEM" | "ADMIN"; audit: AuditActor },
  info: { lowestRank: number; roundTitle: string; officeCode: string; holder: { id: string; mobile: string | null } },
  now: Date,
): Promise<void> {
  await applyTransition(tx, d, "expire_window", who, { data: { finalRank: info.lowestRank, finalizedAt: now, dueAt: null } });
  await enqueueHolderSms(tx, { declarationId: d.id, holder: info.holder }, "not-submitted", {
    officeCode: info.officeCode,
    roundTitle: info.roundTitle,
  });
}

import type { Db } from "@/lib/db-client";

/**
 * Figures for the admin dashboard. `held` > 0 is the "SMS account cannot send" alert (no
 * credit, bad key): those messages are kept and go out once the account works again.
 * `failed` are messages given up on, each with a Persian reason in lastError.
 */
export async function smsOutboxHealth(db: Db, now = new Date()) {
  const [held, pending, failedLastWeek, stuck, oldestHeld] = await Promise.all([
    db.notification.count({ where: { status: "HELD" } }),
    db.notification.count({ where: { status: "PENDING" } }),
    db.notification.count({ where: { status: "FAILED", updatedAt: { gte: new Date(now.getTime() - 7 * 86_400_000) } } }),
    // SENDING past its lease: a worker died mid-send; the next claim sorts it out.
    db.notification.count({ where: { status: "SENDING", nextAttemptAt: { lt: now } } }),
    db.notification.findFirst({ where: { status: "HELD" }, orderBy: { createdAt: "asc" }, select: { createdAt: true, lastError: true } }),
  ]);
  return { held, pending, failedLastWeek, stuck, oldestHeldAt: oldestHeld?.createdAt ?? null, heldReason: oldestHeld?.lastError ?? null };
}

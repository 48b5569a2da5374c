// The outbox's state changes, in SQL. A row is claimed (status SENDING, attempts + 1, a
// lease in nextAttemptAt) in its own committed statement BEFORE the provider is called, so
// no other worker can pick it up while the HTTP request is in flight. Every later change is
// fenced on (status = SENDING, attempts = the claimed value): a worker whose lease expired
// and whose row was taken over cannot overwrite the newer outcome.
//
// Times are computed by PostgreSQL: every worker compares nextAttemptAt with the same
// clock (UTC_NOW, lib/sql-time.ts).
import type { Db } from "@/lib/db-client";
import { UTC_NOW } from "@/lib/sql-time";
import { Prisma } from "@/lib/generated/prisma/client";

export type ClaimedSms = {
  id: string;
  recipient: string;
  template: string;
  data: unknown;
  /** After this claim: 1 on the first attempt. */
  attempts: number;
  createdAt: Date;
  /** SENDING means a previous worker's lease expired: its attempt's fate is unknown. */
  previousStatus: "PENDING" | "HELD" | "SENDING";
};

const after = (ms: number) => Prisma.sql`(${UTC_NOW} + ${Math.max(0, ms)}::double precision * interval '1 millisecond')`;

const RETURNING = Prisma.sql`RETURNING n.id, n.recipient, n.template, n.data, n.attempts, n."createdAt", picked.previous AS "previousStatus"`;

/** Claims up to `limit` due rows (pending, held whose pause is over, or SENDING whose lease expired). */
export function claimDue(db: Db, limit: number, leaseMs: number): Promise<ClaimedSms[]> {
  return db.$queryRaw<ClaimedSms[]>`
    WITH picked AS (
      SELECT id, status AS previous FROM "Notification"
      WHERE status IN ('PENDING', 'HELD', 'SENDING') AND "nextAttemptAt" <= ${UTC_NOW}
      ORDER BY "nextAttemptAt", id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "Notification" n
    SET status = 'SENDING', attempts = n.attempts + 1, "nextAttemptAt" = ${after(leaseMs)}, "updatedAt" = ${UTC_NOW}
    FROM picked WHERE n.id = picked.id
    ${RETURNING}`;
}

/** Claims one given pending row now, whatever its nextAttemptAt (immediate delivery). */
export async function claimOne(db: Db, id: string, leaseMs: number): Promise<ClaimedSms | null> {
  const rows = await db.$queryRaw<ClaimedSms[]>`
    WITH picked AS (
      SELECT id, status AS previous FROM "Notification"
      WHERE id = ${id} AND status = 'PENDING'
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "Notification" n
    SET status = 'SENDING', attempts = n.attempts + 1, "nextAttemptAt" = ${after(leaseMs)}, "updatedAt" = ${UTC_NOW}
    FROM picked WHERE n.id = picked.id
    ${RETURNING}`;
  return rows[0] ?? null;
}

// A one-time code (sealed, or in clear in a row queued before codes were sealed) is needed
// only until the SMS is sent or given up: both outcomes wipe the row's data.
const WIPE_CODE = Prisma.sql`"data" = CASE WHEN "data" ?| array['codeSealed', 'code'] THEN '{}'::jsonb ELSE "data" END`;

const fence = (row: ClaimedSms) => Prisma.sql`id = ${row.id} AND status = 'SENDING' AND attempts = ${row.attempts}`;

/**
 * Accepted by the provider. sentAt is now — never before the provider's acceptance — and
 * starts the objection window (docs/decisions/0008-sms-outbox.md).
 */
export async function markSent(db: Db, row: ClaimedSms, providerMessageId: string): Promise<boolean> {
  const n = await db.$executeRaw`
    UPDATE "Notification" SET status = 'SENT', "providerMessageId" = ${providerMessageId}, "sentAt" = ${UTC_NOW},
      "lastError" = NULL, "deliveryStatus" = NULL, "deliveryCheckedAt" = NULL, "updatedAt" = ${UTC_NOW}, ${WIPE_CODE}
    WHERE ${fence(row)}`;
  return n === 1;
}

export async function markRetry(db: Db, row: ClaimedSms, delayMs: number, reason: string): Promise<boolean> {
  const n = await db.$executeRaw`
    UPDATE "Notification" SET status = 'PENDING', "nextAttemptAt" = ${after(delayMs)}, "lastError" = ${reason}, "updatedAt" = ${UTC_NOW}
    WHERE ${fence(row)}`;
  return n === 1;
}

/**
 * The account cannot send (no credit, bad key). The attempt is given back: the retry limit
 * is for messages that keep failing, not for days without credit.
 */
export async function markHeld(db: Db, row: ClaimedSms, delayMs: number, reason: string): Promise<boolean> {
  const n = await db.$executeRaw`
    UPDATE "Notification" SET status = 'HELD', attempts = attempts - 1, "nextAttemptAt" = ${after(delayMs)},
      "lastError" = ${reason}, "updatedAt" = ${UTC_NOW}
    WHERE ${fence(row)}`;
  return n === 1;
}

export async function markFailed(db: Db, row: ClaimedSms, reason: string): Promise<boolean> {
  const n = await db.$executeRaw`
    UPDATE "Notification" SET status = 'FAILED', "lastError" = ${reason}, "updatedAt" = ${UTC_NOW}, ${WIPE_CODE}
    WHERE ${fence(row)}`;
  return n === 1;
}

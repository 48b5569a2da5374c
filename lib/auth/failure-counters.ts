import type { Db, Tx } from "@/lib/db-client";
import { bumpCounter, counterValue, resetCounter } from "@/lib/rate-counter";

// The account's failure counter, shared by everything that checks a secret of the account:
// sign-in passwords, the current password asked again (change password), and one-time
// codes (forgotten password, activation). All count into the same fixed-window counter
// (RateCounter, lib/rate-counter.ts) under `accountCounterKey(nationalId)`, bumped BEFORE
// the secret is compared, so N parallel guesses see 1…N and at most ACCOUNT_MAX_FAILURES
// of them are ever compared. A right secret gives its count back.
//
// The sign-in (lib/auth/sign-in.ts) must use the same key and window: then five wrong codes
// lock the sign-in too, and five wrong passwords stop codes. Reaching the limit also sets
// User.lockedUntil, which every path (and the sign-in as it is today) already honours.

export const ACCOUNT_FAILURE_WINDOW_MS = 15 * 60 * 1000;
export const ACCOUNT_MAX_FAILURES = 5;

/** The end of the counter window containing `now`: when a lock reached in it ends (as lib/auth/sign-in.ts lockEnd). */
export const accountLockEnd = (now: Date) =>
  new Date((Math.floor(now.getTime() / ACCOUNT_FAILURE_WINDOW_MS) + 1) * ACCOUNT_FAILURE_WINDOW_MS);

/** The counter key of an account's failed secrets, by its (normalised) national ID: unknown IDs count alike. */
export const accountCounterKey = (nationalId: string) => `auth:fail:account:${nationalId}`;

export const ACCOUNT_LOCKED_MESSAGE = "به دلیل چند تلاش ناموفق، حساب حداکثر تا ۱۵ دقیقه قفل است. پس از آن دوباره تلاش کنید.";

/**
 * Counts one attempt at a secret of the account, before it is compared. `allowed` is false
 * once the account is over its limit (or locked until later): then do not compare at all.
 */
export async function spendAccountAttempt(
  db: Db | Tx,
  account: { nationalId: string; lockedUntil?: Date | null },
  now = new Date(),
): Promise<{ allowed: boolean; count: number }> {
  const count = await bumpCounter(db, accountCounterKey(account.nationalId), ACCOUNT_FAILURE_WINDOW_MS, now);
  const locked = account.lockedUntil != null && account.lockedUntil > now;
  return { allowed: !locked && count <= ACCOUNT_MAX_FAILURES, count };
}

/** The secret was right: the attempt does not count as a failure. */
export async function refundAccountAttempt(db: Db | Tx, nationalId: string, now = new Date()): Promise<void> {
  await bumpCounter(db, accountCounterKey(nationalId), ACCOUNT_FAILURE_WINDOW_MS, now, -1);
}

/**
 * The secret was wrong (its attempt already counted): the failure that reaches the limit
 * also marks the account's row locked until the window ends (the counter decides; the row mirrors it for the lists). Returns whether the account is now locked.
 */
export async function recordAccountFailure(db: Db | Tx, userId: string | null, count: number, now = new Date()): Promise<boolean> {
  if (count < ACCOUNT_MAX_FAILURES) return false;
  if (userId) await db.user.update({ where: { id: userId }, data: { lockedUntil: accountLockEnd(now), failedAttempts: count } });
  return true;
}

/** Whether the account is locked now (its row, or its counter over the limit). */
export async function accountLocked(db: Db | Tx, account: { nationalId: string; lockedUntil?: Date | null }, now = new Date()) {
  if (account.lockedUntil != null && account.lockedUntil > now) return true;
  return (await counterValue(db, accountCounterKey(account.nationalId), ACCOUNT_FAILURE_WINDOW_MS, now)) >= ACCOUNT_MAX_FAILURES;
}

/** Clears the lock-out (a successful reset, or the region unlocking the account). */
export async function clearAccountFailures(db: Db | Tx, user: { id: string; nationalId: string }, now = new Date()): Promise<void> {
  await resetCounter(db, accountCounterKey(user.nationalId), ACCOUNT_FAILURE_WINDOW_MS, now);
  await db.user.update({ where: { id: user.id }, data: { lockedUntil: null, failedAttempts: 0, failedWindowStart: null } });
}

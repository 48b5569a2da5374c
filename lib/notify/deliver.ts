// What happens to one claimed outbox row: render, (for a row tried before) ask the provider
// whether the earlier attempt went through, send, and record the outcome. Used by the
// worker's batches and by immediate delivery, so both follow the same claim and the same
// rules and can never both send one notification.
import type { Db } from "@/lib/db-client";
import { toPersianDigits } from "@/lib/format/digits";
import type { SendResult, SmsAdapter } from "@/lib/notify/adapter";
import { claimOne, markFailed, markHeld, markRetry, markSent, type ClaimedSms } from "@/lib/notify/outbox";
import { isSmsTemplate, renderSms, type SmsTemplate, type TemplateData } from "@/lib/notify/templates";
import { openTemplateData } from "@/lib/notify/code-seal";

export type OutboxOptions = {
  /** How long a claimed row belongs to its worker. Far longer than one HTTP request. */
  leaseMs?: number;
  /** First retry delay; doubles with each attempt up to retryMaxMs (±20% jitter). */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Pause after the account refused to send (no credit, bad key). */
  holdMs?: number;
  /** Attempts after which a message that keeps failing is given up (FAILED). */
  maxAttempts?: number;
};

export const OUTBOX_DEFAULTS: Required<OutboxOptions> = {
  leaseMs: 5 * 60_000,
  retryBaseMs: 30_000,
  retryMaxMs: 15 * 60_000,
  holdMs: 15 * 60_000,
  maxAttempts: 10,
};

/** A message that is useless once late is not sent late (and does not spend credit). */
const SMS_EXPIRES_AFTER_MS: Partial<Record<SmsTemplate, number>> = {
  "password-reset": 10 * 60_000, // the code's own validity (lib/auth/one-time-code.ts)
  "activation-code": 60 * 60_000, // the activation code's validity (lib/admin/account-help.ts)
};
/** Any other message carrying a one-time code is not sent after the codes' usual validity. */
const CODE_EXPIRES_AFTER_MS = 10 * 60_000;

export type Outcome = "sent" | "retried" | "held" | "failed" | "lost";

/** Shared by the rows of one batch: after one "no credit", the others wait without asking. */
export type BatchState = { hold: string | null };

const UNKNOWN_FATE =
  "معلوم نیست پیامک پیش از قطع کار سامانه به سامانه پیامک رسیده باشد؛ برای جلوگیری از ارسال دوباره، فرستاده نشد. وضعیت را در پنل سامانه پیامک بررسی کنید.";

function backoffMs(o: Required<OutboxOptions>, attempts: number): number {
  const exp = Math.min(o.retryMaxMs, o.retryBaseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exp * (0.8 + 0.4 * Math.random()));
}

async function retryOrFail(db: Db, row: ClaimedSms, o: Required<OutboxOptions>, reason: string): Promise<Outcome> {
  if (row.attempts >= o.maxAttempts) {
    const ok = await markFailed(db, row, `پیامک پس از ${toPersianDigits(row.attempts)} تلاش فرستاده نشد. ${reason}`);
    return ok ? "failed" : "lost";
  }
  return (await markRetry(db, row, backoffMs(o, row.attempts), reason)) ? "retried" : "lost";
}

async function held(db: Db, row: ClaimedSms, o: Required<OutboxOptions>, reason: string): Promise<Outcome> {
  return (await markHeld(db, row, o.holdMs, reason)) ? "held" : "lost";
}

export async function deliverClaimed(
  db: Db,
  adapter: SmsAdapter,
  row: ClaimedSms,
  options: OutboxOptions = {},
  batch: BatchState = { hold: null },
): Promise<Outcome> {
  const o = { ...OUTBOX_DEFAULTS, ...options };
  const fail = async (reason: string): Promise<Outcome> => ((await markFailed(db, row, reason)) ? "failed" : "lost");

  let text: string;
  let code: string | null;
  try {
    if (!isSmsTemplate(row.template)) throw new Error(`unknown template ${row.template}`);
    // A sealed one-time code is opened only here, for the text being sent now.
    const opened = openTemplateData(row.template, row.recipient, row.data);
    code = opened.code;
    const ttl = SMS_EXPIRES_AFTER_MS[row.template] ?? (code !== null ? CODE_EXPIRES_AFTER_MS : undefined);
    if (ttl !== undefined && Date.now() - row.createdAt.getTime() > ttl) {
      return fail("پیامک پیش از ارسال از اعتبار افتاد (مانند کد یک‌بارمصرف منقضی) و فرستاده نشد.");
    }
    text = renderSms(row.template, opened.data as TemplateData[SmsTemplate]);
  } catch (e) {
    console.error(`[sms] notification ${row.id} cannot be rendered:`, (e as Error).message);
    return fail("متن پیامک ساخته نشد (قالب یا داده نادرست)؛ فرستاده نشد.");
  }

  if (batch.hold) return held(db, row, o, batch.hold);

  // A row that was tried before without a clear answer (timeout, 5xx, a worker that died
  // mid-request) may already be on its way to the recipient: ask before sending again.
  // A HELD row's last answer was a clear refusal, so it needs no question.
  const fateUnknown = row.previousStatus === "SENDING" || (row.previousStatus === "PENDING" && row.attempts > 1);
  if (fateUnknown) {
    if (adapter.lookup) {
      const found = await adapter
        .lookup(row.id)
        .catch((e: unknown) => ({ state: "unknown" as const, reason: String((e as Error)?.message ?? e) }));
      if (found.state === "sent") return (await markSent(db, row, found.providerMessageId)) ? "sent" : "lost";
      if (found.state === "unknown") return retryOrFail(db, row, o, found.reason);
    } else if (row.previousStatus === "SENDING") {
      // Without a way to ask, a second send could be a duplicate: a person decides.
      return fail(UNKNOWN_FATE);
    }
  }

  const sms = { recipient: row.recipient, text, notificationId: row.id, ...(code !== null ? { code } : {}) };
  const result: SendResult = await adapter.send(sms).catch((e: unknown) => {
    console.error(`[sms] adapter ${adapter.name} threw for ${row.id}:`, (e as Error)?.message);
    return { ok: false, retry: true, reason: "خطای پیش‌بینی‌نشده در ارسال پیامک؛ دوباره تلاش می‌شود." };
  });
  if (result.ok) return (await markSent(db, row, result.providerMessageId)) ? "sent" : "lost";
  if (result.hold) {
    batch.hold ??= result.reason;
    return held(db, row, o, result.reason);
  }
  if (result.retry) return retryOrFail(db, row, o, result.reason);
  return fail(result.reason);
}

/**
 * Sends one notification now (e.g. the password-reset code) through the same claim as the
 * worker: if a worker already holds the row, this does nothing, and vice versa.
 */
export async function deliverNow(
  db: Db,
  notificationId: string,
  adapter: SmsAdapter,
  options: OutboxOptions = {},
): Promise<Outcome | null> {
  const row = await claimOne(db, notificationId, options.leaseMs ?? OUTBOX_DEFAULTS.leaseMs);
  if (!row) return null;
  return deliverClaimed(db, adapter, row, options);
}

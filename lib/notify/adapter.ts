// What the outbox worker needs from an SMS provider. Adapters translate the provider's
// answers into these few outcomes; all state lives in the Notification row, not here.

export type SendRequest = {
  recipient: string;
  text: string;
  notificationId: string;
  /**
   * The one-time code inside `text`, when the message carries one (any template whose data
   * has a `code`): Kavenegar sends it through its OTP template, the console withholds it in
   * production.
   */
  code?: string;
};

export type SendResult =
  | { ok: true; providerMessageId: string }
  /**
   * retry: a later attempt may succeed (network, timeout, provider 5xx). Such a failure is
   *   ambiguous — the provider may have accepted the message — so the worker asks `lookup`
   *   before sending that notification again.
   * hold: the account, not the message, is the problem (no credit, bad key): keep the
   *   message and try again after a long pause, alerting the admin.
   * reason: Persian, shown to staff (never contains the API key).
   */
  | { ok: false; retry: boolean; hold?: boolean; reason: string };

/** Did an earlier, unanswered attempt for this notification reach the provider? */
export type LookupResult = { state: "sent"; providerMessageId: string } | { state: "not-sent" } | { state: "unknown"; reason: string };

export interface SmsAdapter {
  readonly name: string;
  send(sms: SendRequest): Promise<SendResult>;
  /** Delivery state per provider message id (ids the provider does not answer for are absent). */
  status(providerMessageIds: readonly string[]): Promise<Map<string, DeliveryStatus>>;
  /**
   * Finds a message by our notification id. Adapters that cannot do this make the worker
   * give up (FAILED, "check by hand") on a notification whose fate is unknown, rather than
   * risk sending it twice.
   */
  lookup?(notificationId: string): Promise<LookupResult>;
}

/** Stored in Notification.deliveryStatus (provider-neutral). */
export type DeliveryStatus =
  "queued" | "scheduled" | "sent-to-operator" | "delivered" | "undelivered" | "failed" | "cancelled" | "blocked" | "unknown-id";

/** No later report will change these: the poller stops asking. */
export const FINAL_DELIVERY_STATUSES: readonly DeliveryStatus[] = [
  "delivered",
  "undelivered",
  "failed",
  "cancelled",
  "blocked",
  "unknown-id",
];

import type { Db } from "@/lib/db-client";
import type { DeliveryStatus, SmsAdapter } from "@/lib/notify/adapter";
import { deliverNow } from "@/lib/notify/deliver";

// The development SMS provider: prints the message on the server's console. It is the
// default until Kavenegar is configured (SMS_PROVIDER=kavenegar). A message carrying a
// one-time code is printed only outside production; in production the line says
// "[sms] code withheld".
export function smsProvider(): "console" | "kavenegar" {
  return process.env.SMS_PROVIDER === "kavenegar" ? "kavenegar" : "console";
}

export const consoleAdapter: SmsAdapter = {
  name: "console",
  async send({ recipient, text, notificationId, code }) {
    // A one-time code on a production console would be readable by anyone with the logs.
    if (code !== undefined && process.env.NODE_ENV === "production") console.log(`[sms:console] to ${recipient}: [sms] code withheld`);
    else console.log(`[sms:console] to ${recipient}:\n${text}`);
    return { ok: true, providerMessageId: `console-${notificationId}` };
  },
  async status(ids) {
    return new Map(ids.map((id): [string, DeliveryStatus] => [id, id.startsWith("console-") ? "delivered" : "unknown-id"]));
  },
  // No lookup: a console line cannot be asked about. A row whose worker died mid-send is
  // marked FAILED for a person to check (see deliver.ts), which in development is harmless.
};

/**
 * Prints a pending notification now (the password-reset code in development), through the
 * outbox's claim: when the worker is running too, exactly one of them prints it.
 */
export async function deliverToConsole(db: Db, notificationId: string): Promise<void> {
  await deliverNow(db, notificationId, consoleAdapter);
}

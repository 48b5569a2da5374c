import type { Tx } from "@/lib/db-client";
import { toJson, type JsonInput } from "@/lib/declaration/declaration-json";
import type { SmsTemplate, TemplateData } from "@/lib/notify/templates";
import { sealTemplateData } from "@/lib/notify/code-seal";

// Writes an SMS to the outbox inside the caller's transaction: the message exists if and
// only if the decision it announces was committed. Delivery is the worker's job. A one-time
// code in the data (any template's `code`) is stored encrypted (lib/notify/code-seal.ts)
// and wiped once the SMS is sent or given up (lib/notify/outbox.ts).
export async function enqueueSms<T extends SmsTemplate>(
  tx: Tx,
  sms: { recipient: string; userId?: string | null; declarationId?: string | null; template: T; data: TemplateData[T] },
) {
  return tx.notification.create({
    data: {
      recipient: sms.recipient,
      userId: sms.userId ?? null,
      declarationId: sms.declarationId ?? null,
      template: sms.template,
      data: toJson(sealTemplateData(sms.template, sms.recipient, sms.data) as JsonInput),
    },
  });
}

/**
 * The SMS that tells an office's holder about a decision on their file. A holder without a
 * mobile number gets none (the decision still stands and shows on their task list).
 */
export async function enqueueHolderSms<T extends SmsTemplate>(
  tx: Tx,
  target: { declarationId: string; holder: { id: string; mobile: string | null } },
  template: T,
  data: TemplateData[T],
) {
  if (!target.holder.mobile) return null;
  return enqueueSms(tx, { recipient: target.holder.mobile, userId: target.holder.id, declarationId: target.declarationId, template, data });
}

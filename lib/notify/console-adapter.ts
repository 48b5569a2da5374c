import type { Db } from "@/lib/db-client";
import { renderSms, type SmsTemplate, type TemplateData } from "@/lib/notify/templates";

// The development SMS provider: prints the message on the server's console and marks it
// sent. It is the default until Kavenegar is configured (SMS_PROVIDER=kavenegar).
export function smsProvider(): "console" | "kavenegar" {
  return process.env.SMS_PROVIDER === "kavenegar" ? "kavenegar" : "console";
}

export async function deliverToConsole(db: Db, notificationId: string): Promise<void> {
  const n = await db.notification.findUnique({ where: { id: notificationId } });
  if (!n || n.status !== "PENDING") return;
  const text = renderSms(n.template as SmsTemplate, n.data as TemplateData[SmsTemplate]);
  console.log(`[sms:console] to ${n.recipient}:\n${text}`);
  await db.notification.update({
    where: { id: n.id, status: "PENDING" },
    data: { status: "SENT", attempts: { increment: 1 }, sentAt: new Date(), providerMessageId: `console-${n.id}`, deliveryStatus: "console" },
  });
}

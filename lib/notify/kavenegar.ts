// Kavenegar REST adapter (https://kavenegar.com/rest.html) over fetch. The API key is part of
// the path ({base}/v1/{key}/sms/send.json), so URLs are never logged or put in errors.
// Parameters go in a POST body, which keeps message texts out of proxies' access logs too.
// A message carrying a one-time code goes through `verify/lookup` with the panel's OTP
// template (KAVENEGAR_OTP_TEMPLATE, the code as its %token%) when one is configured: the
// operators deliver those even to numbers that blocked advertising SMS, which `sms/send`
// does not reach. Without the template, codes go by `sms/send` like every other message.
import { createHash } from "node:crypto";
import { toPersianDigits } from "@/lib/format/digits";
import type { DeliveryStatus, LookupResult, SendRequest, SendResult, SmsAdapter } from "@/lib/notify/adapter";

type Env = Record<string, string | undefined>;

export type KavenegarConfig = {
  apiKey: string;
  sender?: string;
  baseUrl?: string;
  /** Per request. Must stay well below the worker's lease (see worker.ts). */
  timeoutMs?: number;
  /** Name of the verify/lookup template (registered in Kavenegar's panel) for one-time codes. */
  otpTemplate?: string;
};

const KAVENEGAR_DEFAULT_BASE_URL = "https://api.kavenegar.com";
const KAVENEGAR_DEFAULT_TIMEOUT_MS = 10_000;
// sms/status takes at most 500 ids per call.
const STATUS_CHUNK = 500;

export function kavenegarConfigFromEnv(env: Env = process.env): KavenegarConfig {
  const apiKey = env.KAVENEGAR_API_KEY?.trim();
  if (!apiKey) throw new Error("SMS_PROVIDER=kavenegar needs KAVENEGAR_API_KEY");
  const timeout = Number(env.KAVENEGAR_TIMEOUT_MS);
  return {
    apiKey,
    sender: env.KAVENEGAR_SENDER?.trim() || undefined,
    baseUrl: env.KAVENEGAR_BASE_URL?.trim() || undefined,
    // Capped well below the worker's 5-minute lease (deliver.ts): a lookup must never race
    // a request that is still in flight.
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? Math.min(timeout, 60_000) : undefined,
    otpTemplate: env.KAVENEGAR_OTP_TEMPLATE?.trim() || undefined,
  };
}

/**
 * Kavenegar's `localid` for a notification: a number (the API documents it as one), derived
 * from the notification id so that any worker computes the same value. 52 bits of SHA-256:
 * a clash is about one in 10⁹ even at a hundred thousand messages.
 */
export function kavenegarLocalId(notificationId: string): string {
  const hex = createHash("sha256").update(notificationId).digest("hex").slice(0, 13);
  return String(Number.parseInt(hex, 16));
}

const DELIVERY: Record<number, DeliveryStatus> = {
  1: "queued",
  2: "scheduled",
  4: "sent-to-operator",
  5: "sent-to-operator",
  6: "failed",
  10: "delivered",
  11: "undelivered",
  13: "cancelled",
  14: "blocked",
  100: "unknown-id",
};

type Entry = { messageid?: unknown; status?: unknown };
type CallResult = { kind: "ok"; entries: Entry[] } | { kind: "refused"; status: number } | { kind: "unreachable"; reason: string };

const fa = (n: number) => toPersianDigits(n);

/** Persian reason and what to do, for a refusal of sms/send (HTTP status = return.status). */
function refusal(status: number): Extract<SendResult, { ok: false }> {
  switch (status) {
    case 411:
      return { ok: false, retry: false, reason: "شماره همراه گیرنده نامعتبر است؛ پیامک فرستاده نشد. شماره همراه را در پرونده اصلاح کنید." };
    case 418:
      return {
        ok: false,
        retry: true,
        hold: true,
        reason: "اعتبار حساب سامانه پیامک (کاوه‌نگار) تمام شده است؛ پیامک پس از افزایش اعتبار فرستاده می‌شود.",
      };
    // Problems of the account or its settings: no message can go out until an admin acts,
    // and none should be lost meanwhile.
    case 401:
    case 403:
    case 407:
    case 412:
    case 416:
      return {
        ok: false,
        retry: true,
        hold: true,
        reason: `تنظیمات حساب سامانه پیامک (کاوه‌نگار) نادرست است (کد ${fa(status)})؛ پیامک پس از رفع مشکل فرستاده می‌شود.`,
      };
    // verify/lookup: the OTP template is missing or not approved in the panel — an admin
    // must fix the setting; the codes wait (and expire on their own if it takes too long).
    case 424:
      return {
        ok: false,
        retry: true,
        hold: true,
        reason:
          "قالب پیامک کد یک‌بارمصرف (KAVENEGAR_OTP_TEMPLATE) در سامانه پیامک (کاوه‌نگار) یافت نشد یا تأیید نشده است؛ پیامک پس از رفع مشکل فرستاده می‌شود.",
      };
    case 409:
    case 451:
      return { ok: false, retry: true, reason: `سامانه پیامک موقتاً پاسخ نداد (کد ${fa(status)})؛ دوباره تلاش می‌شود.` };
    default:
      if (status >= 500)
        return { ok: false, retry: true, reason: `سامانه پیامک موقتاً در دسترس نیست (کد ${fa(status)})؛ دوباره تلاش می‌شود.` };
      return { ok: false, retry: false, reason: `سامانه پیامک این پیامک را نپذیرفت (کد ${fa(status)}).` };
  }
}

function assertSafeBaseUrl(raw: string): URL {
  const url = new URL(raw);
  const loopback = url.hostname === "127.0.0.1" || url.hostname === "localhost" || url.hostname === "[::1]";
  // The key travels in the path: plain HTTP is only acceptable to a fake on this machine.
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
    throw new Error("KAVENEGAR_BASE_URL must use https://");
  }
  return url;
}

export function kavenegarAdapter(config: KavenegarConfig): SmsAdapter {
  const base = assertSafeBaseUrl(config.baseUrl ?? KAVENEGAR_DEFAULT_BASE_URL)
    .toString()
    .replace(/\/+$/, "");
  const timeoutMs = config.timeoutMs ?? KAVENEGAR_DEFAULT_TIMEOUT_MS;
  const endpoint = (method: string) => `${base}/v1/${encodeURIComponent(config.apiKey)}/${method}.json`;

  async function call(method: string, params: Record<string, string>): Promise<CallResult> {
    let res: Response;
    let text: string;
    try {
      res = await fetch(endpoint(method), {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8", accept: "application/json" },
        body: new URLSearchParams(params),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await res.text();
    } catch (e) {
      // Only a fixed text and an error code: fetch's own messages may one day carry the URL.
      const err = e as { name?: string; cause?: { code?: unknown } };
      if (err.name === "TimeoutError" || err.name === "AbortError") {
        return { kind: "unreachable", reason: `سامانه پیامک در ${fa(Math.round(timeoutMs / 1000))} ثانیه پاسخ نداد؛ دوباره تلاش می‌شود.` };
      }
      const code = typeof err.cause?.code === "string" ? ` (${err.cause.code})` : "";
      return { kind: "unreachable", reason: `ارتباط با سامانه پیامک برقرار نشد${code}؛ دوباره تلاش می‌شود.` };
    }
    let body: { return?: { status?: unknown }; entries?: unknown } | undefined;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    const status = typeof body?.return?.status === "number" ? body.return.status : res.status;
    if (res.ok && status === 200) {
      return { kind: "ok", entries: Array.isArray(body?.entries) ? (body.entries as Entry[]) : [] };
    }
    // A 200 without a readable body came from something in between, not from Kavenegar.
    return { kind: "refused", status: status === 200 ? 502 : status };
  }

  return {
    name: "kavenegar",

    async send(sms: SendRequest): Promise<SendResult> {
      // verify/lookup takes no localid: a code whose first attempt got no clear answer may
      // reach the phone twice (the same code, still valid for minutes) — never a wrong one.
      const lookup = config.otpTemplate !== undefined && sms.code !== undefined;
      const params: Record<string, string> = lookup
        ? { receptor: sms.recipient, token: sms.code!, template: config.otpTemplate! }
        : { receptor: sms.recipient, message: sms.text, localid: kavenegarLocalId(sms.notificationId) };
      if (config.sender && !lookup) params.sender = config.sender;
      const r = await call(lookup ? "verify/lookup" : "sms/send", params);
      if (r.kind === "unreachable") return { ok: false, retry: true, reason: r.reason };
      if (r.kind === "refused") return refusal(r.status);
      const id = r.entries[0]?.messageid;
      if (typeof id === "number" || (typeof id === "string" && id !== "")) return { ok: true, providerMessageId: String(id) };
      // Accepted without an id: possibly sent. Retrying goes through lookup first.
      return { ok: false, retry: true, reason: "پاسخ سامانه پیامک نامفهوم بود؛ وضعیت پیامک بررسی و در صورت نیاز دوباره فرستاده می‌شود." };
    },

    async lookup(notificationId: string): Promise<LookupResult> {
      const r = await call("sms/statuslocalmessageid", { localid: kavenegarLocalId(notificationId) });
      if (r.kind === "unreachable") return { state: "unknown", reason: r.reason };
      if (r.kind === "refused") return { state: "unknown", reason: `استعلام وضعیت پیامک ممکن نشد (کد ${fa(r.status)}).` };
      const found = r.entries.find(
        (e) =>
          e.status !== 100 &&
          (typeof e.messageid === "number" ? e.messageid > 0 : typeof e.messageid === "string" && /^[1-9]\d*$/.test(e.messageid)),
      );
      return found ? { state: "sent", providerMessageId: String(found.messageid) } : { state: "not-sent" };
    },

    async status(providerMessageIds: readonly string[]): Promise<Map<string, DeliveryStatus>> {
      const result = new Map<string, DeliveryStatus>();
      // Ids of another provider (console-…, left from before a switch) are not Kavenegar's.
      const numeric = providerMessageIds.filter((id) => {
        if (/^\d+$/.test(id)) return true;
        result.set(id, "unknown-id");
        return false;
      });
      for (let i = 0; i < numeric.length; i += STATUS_CHUNK) {
        const r = await call("sms/status", { messageid: numeric.slice(i, i + STATUS_CHUNK).join(",") });
        if (r.kind === "unreachable") throw new Error(`sms/status: ${r.reason}`);
        if (r.kind === "refused") throw new Error(`sms/status refused with ${r.status}`);
        for (const e of r.entries) {
          const known = typeof e.status === "number" ? DELIVERY[e.status] : undefined;
          if (e.messageid !== undefined && known) result.set(String(e.messageid), known);
        }
      }
      return result;
    },
  };
}

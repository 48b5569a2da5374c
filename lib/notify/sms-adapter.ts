import type { SmsAdapter } from "@/lib/notify/adapter";
import { consoleAdapter } from "@/lib/notify/console-adapter";
import { kavenegarAdapter, kavenegarConfigFromEnv, type KavenegarConfig } from "@/lib/notify/kavenegar";

/**
 * The configured provider: SMS_PROVIDER=kavenegar (needs KAVENEGAR_API_KEY), otherwise the
 * console. A misconfigured Kavenegar throws here rather than silently printing messages.
 */
export function smsAdapter(env: Record<string, string | undefined> = process.env, overrides: Partial<KavenegarConfig> = {}): SmsAdapter {
  if (env.SMS_PROVIDER !== "kavenegar") return consoleAdapter;
  return kavenegarAdapter({ ...kavenegarConfigFromEnv(env), ...overrides });
}

import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

// One-time codes in the SMS outbox. The text of an SMS is rendered when it is sent, so the
// row must carry the code until then — but never in clear: enqueueSms replaces `code` in the
// template data by `codeSealed`, AES-256-GCM under a key derived (HKDF-SHA256) from
// NEXTAUTH_SECRET, bound to the template and the recipient (a sealed code moved to another
// row does not open). The outbox wipes the data ({}) once the SMS is sent or given up.

const VERSION = "v1";
let cachedKey: { secret: string; key: Buffer } | null = null;

function key(): Buffer {
  const secret = process.env.NEXTAUTH_SECRET || "pishkhan-development-key";
  if (cachedKey?.secret !== secret) {
    const derived = Buffer.from(hkdfSync("sha256", secret, "pishkhan-notification-code", "sms-code-aes-256-gcm-v1", 32));
    cachedKey = { secret, key: derived };
  }
  return cachedKey.key;
}

const aad = (binding: string) => Buffer.from(`${VERSION}|${binding}`, "utf8");

/** "v1.<iv>.<tag>.<ciphertext>" (base64url). `binding`: what the code belongs to (template and recipient). */
export function sealCode(code: string, binding: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  cipher.setAAD(aad(binding));
  const ct = Buffer.concat([cipher.update(code, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ct.toString("base64url")].join(".");
}

/** The code, or throws when the value was altered, sealed for something else or under another secret. */
export function openCode(sealed: string, binding: string): string {
  const [version, iv, tag, ct] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || ct === undefined) throw new Error("not a sealed code");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAAD(aad(binding));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
}

export const codeBinding = (template: string, recipient: string) => `${template}|${recipient}`;

/** Template data as stored: any `code` sealed into `codeSealed`. */
export function sealTemplateData(template: string, recipient: string, data: object): Record<string, unknown> {
  const { code, ...rest } = data as { code?: unknown };
  if (typeof code !== "string") return { ...rest, ...(code === undefined ? {} : { code }) };
  return { ...rest, codeSealed: sealCode(code, codeBinding(template, recipient)) };
}

/** Stored data back into what the template renders (the code opened), and the code itself when there is one. */
export function openTemplateData(
  template: string,
  recipient: string,
  stored: unknown,
): { data: Record<string, unknown>; code: string | null } {
  const { codeSealed, ...rest } = (stored ?? {}) as { codeSealed?: unknown; [key: string]: unknown };
  if (typeof codeSealed !== "string") return { data: rest, code: typeof rest.code === "string" ? rest.code : null };
  const code = openCode(codeSealed, codeBinding(template, recipient));
  return { data: { ...rest, code }, code };
}

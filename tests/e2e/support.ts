// Shared helpers of the browser tests: the database of the running app (for fixtures),
// sign-in through the real form, and an axe check that fails on any violation.
import { expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { createPrismaClient, type Db } from "@/lib/db-client";

let client: Db | undefined;
export function appDb(): Db {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL of the app under test is not set (run `npm test`).");
  client ??= createPrismaClient(url, 2);
  return client;
}

export async function expectNoA11yViolations(page: Page): Promise<void> {
  // After a client-side navigation Next.js streams the new <title> in a moment later; axe must
  // see the finished page, not that instant.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

export async function signIn(page: Page, nationalId: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("کد ملی (نام کاربری)").fill(nationalId);
  await page.getByLabel("رمز عبور").fill(password);
  await page.getByRole("button", { name: "ورود" }).click();
}

/** The form's message box (Next.js adds an empty role="alert" route announcer outside main). */
export function formAlert(page: Page) {
  return page.locator("main").getByRole("alert").first();
}

/** Signs in and waits until the app has left the sign-in page (the session cookie is set). */
export async function signInAndWait(page: Page, nationalId: string, password: string): Promise<void> {
  await signIn(page, nationalId, password);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/** A mobile number no other test uses (the SMS inbox is read by recipient). */
export function uniqueMobile(): string {
  return `0935${String(Math.floor(Math.random() * 10_000_000)).padStart(7, "0")}`;
}

const toAscii = (s: string) => s.replace(/[۰-۹]/g, (d) => String("۰۱۲۳۴۵۶۷۸۹".indexOf(d)));

/**
 * The one-time code in the newest SMS that reached `mobile`, as a phone would show it: read
 * from the fake Kavenegar's inbox (the app sends to it as to Kavenegar; the outbox worker
 * delivers within seconds). `after`: how many messages that number had before.
 */
export async function smsCodeTo(mobile: string, after = 0): Promise<string> {
  const inbox = process.env.E2E_SMS_INBOX_URL;
  if (!inbox) throw new Error("E2E_SMS_INBOX_URL is not set (run `npm test`).");
  const deadline = Date.now() + 20_000;
  for (;;) {
    const messages = (await (await fetch(`${inbox}?receptor=${encodeURIComponent(mobile)}`)).json()) as {
      message: string;
      token: string | null;
    }[];
    if (messages.length > after) {
      const last = messages.at(-1)!;
      const code = last.token ?? /\d{6}/.exec(toAscii(last.message))?.[0];
      if (code) return code;
    }
    if (Date.now() > deadline) throw new Error(`no SMS with a code reached ${mobile}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

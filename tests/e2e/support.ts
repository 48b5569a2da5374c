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

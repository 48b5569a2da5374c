import { expect, test, type Page } from "@playwright/test";
import { appDb, signInAndWait } from "./support";
import { declarationAt, HOLDER_PASSWORD } from "../helpers/declarations";

// The Content-Security-Policy (a nonce per request) must not break a single page: every
// script Next.js sends carries the nonce and the browser reports no violation.
async function collectViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy|Content-Security-Policy/i.test(m.text())) violations.push(m.text());
  });
  return violations;
}

test("pages, an action and a route carry the headers, and the policy blocks nothing of ours", async ({ page }) => {
  const violations = await collectViolations(page);
  const login = await page.goto("/login");
  const policy = login!.headers()["content-security-policy"]!;
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(login!.headers()["permissions-policy"]).toContain("geolocation=(self)");
  expect(login!.headers()["x-content-type-options"]).toBe("nosniff");
  const nonce = /'nonce-([^']+)'/.exec(policy)![1];
  const scripts = await page.locator("script").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => n === nonce)).toBe(true);

  // A holder's step 3 autosaves through a server action; step 6 loads the map (worker, canvas).
  const f = await declarationAt(appDb(), 7);
  await signInAndWait(page, f.holder.nationalId, HOLDER_PASSWORD);
  await page.goto(`/declarations/${f.declaration.id}/steps/6`);
  await expect(page.locator(".maplibregl-canvas")).toBeVisible({ timeout: 30_000 });
  const action = page.waitForResponse((r) => r.request().method() === "POST" && !!r.request().headers()["next-action"]);
  await page.goto(`/declarations/${f.declaration.id}/steps/3`);
  await page.getByLabel("متراژ دفتر (متر مربع)").fill("52");
  const answered = await action;
  expect(answered.headers()["permissions-policy"]).toContain("geolocation=(self)");
  expect(answered.headers()["x-content-type-options"]).toBe("nosniff");

  const route = await page.request.get("/api/health");
  expect(route.headers()["permissions-policy"]).toContain("geolocation=(self)");
  expect(route.headers()["x-content-type-options"]).toBe("nosniff");
  expect(violations).toEqual([]);
});

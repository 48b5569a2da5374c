import { expect, test } from "@playwright/test";
import { appDb, signInAndWait } from "./support";
import { createHolder } from "../helpers/fixtures";

// A session cookie copied from a signed-in browser stops working when that browser signs out:
// sign-out ends the account's sessions everywhere (docs/decisions/0014).
test("a copied session cookie is dead after sign-out, for pages and for the session endpoint", async ({ page, browser }) => {
  const password = "a-long-holder-secret-2026";
  const h = await createHolder(appDb(), { password });
  await signInAndWait(page, h.nationalId, password);
  await page.goto(`/offices/${h.office.id}`);
  await expect(page).toHaveURL(new RegExp(`/offices/${h.office.id}`));
  const stolen = (await page.context().cookies()).filter((c) => c.name.endsWith("next-auth.session-token"));
  expect(stolen).toHaveLength(1);

  await page.getByRole("button", { name: "خروج" }).click();
  await expect(page).toHaveURL(/\/login/);

  const thief = await browser.newContext();
  await thief.addCookies(stolen);
  const other = await thief.newPage();
  await other.goto(`/offices/${h.office.id}`);
  await expect(other).toHaveURL(/\/login/);
  const session = await other.request.get("/api/auth/session");
  expect(JSON.stringify(await session.json())).not.toContain(h.user.id);
  await thief.close();
});

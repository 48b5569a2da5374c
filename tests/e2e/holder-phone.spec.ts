import { expect, test, type Page } from "@playwright/test";
import { expectNoA11yViolations, signInAndWait } from "./support";
import { HOLDER_PASSWORD } from "../helpers/declarations";
import { execFileSync } from "node:child_process";
import path from "node:path";

// The holder's pages that show a file's outcome, as a holder on a 360×740 touch phone sees
// them: nothing scrolls sideways, axe finds nothing, and a screenshot of each is kept in
// .data/test-results/phone/ to look at.
/** A final file made through the real services, in a process where they may run. */
function finalFile(): { nationalId: string; id: string; trackingCode: string } {
  const root = path.resolve(__dirname, "../..");
  const out = execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/e2e/make-final-file.ts"], {
    cwd: root,
    env: process.env,
    encoding: "utf8",
  });
  return JSON.parse(out.trim().split("\n").at(-1)!);
}

test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

async function fitsThePhone(page: Page, name: string) {
  await expect(page).toHaveTitle(/\S/);
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect({ page: name, scroll }).toEqual({ page: name, scroll: Math.min(scroll, client) });
  await page.screenshot({ path: `.data/test-results/phone/${name}.png`, fullPage: true });
  await expectNoA11yViolations(page);
}

test("a final file's home, result, receipt, certificate and public verify page fit a phone", async ({ page, browser }) => {
  const f = finalFile();
  await signInAndWait(page, f.nationalId, HOLDER_PASSWORD);
  await page.goto("/");
  await fitsThePhone(page, "home");
  await page.goto(`/declarations/${f.id}`);
  await fitsThePhone(page, "file");
  await page.goto(`/declarations/${f.id}/result`);
  await expect(page.getByText("پذیرفته شد").first()).toBeVisible();
  await fitsThePhone(page, "result");
  await page.goto(`/declarations/${f.id}/receipt`);
  await fitsThePhone(page, "receipt");
  await page.goto(`/declarations/${f.id}/certificate`);
  await fitsThePhone(page, "certificate");

  const visitor = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  const anyone = await visitor.newPage();
  await anyone.goto(`/verify/${f.trackingCode}`);
  await fitsThePhone(anyone, "verify");
  await visitor.close();
});

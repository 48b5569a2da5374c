import { expect, test } from "@playwright/test";
import { expectNoA11yViolations, signInAndWait } from "./support";
import { uniqueNationalId } from "../helpers/national-ids";

test("the head office creates an expert account and gets a temporary password shown once", async ({ page }) => {
  await signInAndWait(page, "0146789121", "Pishkhan@1405");
  await page.getByRole("link", { name: "کاربران" }).click();
  await expect(page.getByRole("heading", { name: "کاربران کارشناس و مدیر" })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByLabel("کد ملی").fill(uniqueNationalId());
  await page.getByLabel("نام", { exact: true }).fill("زهرا");
  await page.getByLabel("نام خانوادگی").fill("کاظمی");
  await page.getByRole("button", { name: "ساخت حساب" }).click();
  await expect(page.locator("#staff-regionId-error")).toHaveText("منطقه کارشناس را انتخاب کنید.");
  await expect(page.getByLabel("نام خانوادگی")).toHaveValue("کاظمی");
  await page.getByLabel("منطقه").selectOption({ label: "مرکزی" });
  await page.getByRole("button", { name: "ساخت حساب" }).click();
  await expect(page.getByText(/رمز عبور موقت: [A-Za-z2-9]{12}/)).toBeVisible();
  await expect(page.getByRole("row", { name: /زهرا کاظمی/ }).first()).toContainText("کارشناس منطقه");
  await expectNoA11yViolations(page);
});

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

test("the head office creates a round with an approved rule set; a bad date is named beside its field", async ({ page }) => {
  await signInAndWait(page, "0146789121", "Pishkhan@1405");
  await page.getByRole("link", { name: "دوره‌های ارزیابی" }).click();
  await expect(page.getByRole("heading", { name: "دوره‌های ارزیابی" })).toBeVisible();
  await expectNoA11yViolations(page);
  const title = `دوره آزمون ${Date.now() % 100000}`;
  await page.getByLabel("عنوان دوره").fill(title);
  await page.getByLabel("جدول امتیازدهی (تأییدشده)").selectOption({ index: 1 });
  await page.getByLabel("آغاز مهلت ثبت", { exact: true }).fill("۱۴۰۶/۰۱/۱۵");
  await page.getByLabel("پایان مهلت ثبت (آخرین روز)", { exact: true }).fill("1406/13/04");
  await page.getByRole("button", { name: "ذخیره دوره" }).click();
  await expect(page.locator("#round-windowClosesOn-error")).not.toBeEmpty();
  await expect(page.getByLabel("عنوان دوره")).toHaveValue(title);
  await page.getByLabel("پایان مهلت ثبت (آخرین روز)", { exact: true }).fill("1406/02/04");
  await page.getByRole("button", { name: "ذخیره دوره" }).click();
  await expect(page.getByRole("row", { name: new RegExp(title) })).toContainText("پیش‌نویس");
  await expectNoA11yViolations(page);
});

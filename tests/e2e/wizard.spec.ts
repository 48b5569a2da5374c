import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { appDb, expectNoA11yViolations, signInAndWait } from "./support";
import { createHolder } from "../helpers/fixtures";
import { declarationAt } from "../helpers/declarations";
import { DOCUMENT_KINDS } from "@/lib/documents/kinds";
import { toPersianDigits } from "@/lib/format/digits";

// Real files, made here: a JPEG, a PDF, and the app's own Word template (a real .docx).
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]),
  Buffer.alloc(2000, 0x20),
  Buffer.from([0xff, 0xd9]),
]);
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const DOCX = fs.readFileSync(path.join(process.cwd(), "public", "templates", "contracts-list.docx"));

async function uploadAllDocuments(page: Page) {
  for (const d of DOCUMENT_KINDS) {
    const file = d.accepts.includes("jpeg")
      ? { name: `${d.kind.toLowerCase()}.jpg`, mimeType: "image/jpeg", buffer: JPEG }
      : d.kind === "CONTRACTS_LIST"
        ? { name: "contracts-list.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: DOCX }
        : { name: "contracts.pdf", mimeType: "application/pdf", buffer: PDF };
    await page.locator(`#doc-${d.kind.toLowerCase()}-file`).setInputFiles(file);
    await expect(page.locator(`#doc-${d.kind.toLowerCase()}-status`)).toHaveText("بارگذاری شده");
  }
}

async function complete(page: Page, nextStep: number | "list") {
  await page.getByRole("button", { name: "ذخیره و تکمیل مرحله" }).click();
  await expect(page).toHaveURL(nextStep === "list" ? /\/declarations\/[^/]+$/ : new RegExp(`/steps/${nextStep}$`));
}

test("a legal-person holder goes from an empty file to the receipt on a desktop, then cannot change anything", async ({ page }) => {
  test.setTimeout(300_000);
  const h = await createHolder(appDb(), { password: "a-holder-password", personType: "LEGAL" });
  await signInAndWait(page, h.nationalId, "a-holder-password");
  await page.getByRole("button", { name: "شروع ثبت خوداظهاری" }).click();
  await expect(page).toHaveURL(/\/declarations\/[^/]+$/);
  await expectNoA11yViolations(page);

  // Step 1: every document; the step turns green.
  await page.getByRole("link", { name: "۱. مستندات" }).click();
  await expectNoA11yViolations(page);
  await uploadAllDocuments(page);
  await expect(page.getByAltText("پیش‌نمایش تصویر تابلوی دفتر از بیرون")).toBeVisible();
  await page.getByRole("link", { name: "بازگشت به فهرست مرحله‌ها" }).click();
  await expect(page.getByRole("list", { name: "مرحله‌های خوداظهاری" }).getByRole("listitem").first()).toContainText("تکمیل شده");

  // Step 2: the responsible person (no prefill for a legal person).
  await page.getByRole("link", { name: "۲. مسئول دفتر" }).click();
  await page.getByLabel("نام", { exact: true }).fill("مریم");
  await page.getByLabel("نام خانوادگی", { exact: true }).fill("احمدی");
  await page.getByLabel("کد ملی", { exact: true }).fill("۰۰۲۳۴۵۶۷۸۷");
  await page.getByLabel("نام پدر").fill("حسین");
  await page.getByLabel("تاریخ تولد", { exact: true }).fill("۱۳۶۵/۰۳/۲۰");
  await page.getByLabel("زن").check();
  await page.getByLabel("تحصیلات").selectOption("master");
  await page.getByLabel("تلفن همراه", { exact: true }).fill("+989131234567");
  await expectNoA11yViolations(page);
  await complete(page, 3);

  // Step 3: the office; registry data pre-filled; a wrong number first.
  await expect(page.getByText("از سامانه صدور پروانه پر شده‌اند")).toBeVisible();
  await expect(page.getByLabel("حقوقی")).toBeChecked();
  await page.getByLabel("متراژ دفتر (متر مربع)").fill("۴۵");
  await page.getByLabel("سابقه فعالیت دارنده پروانه (سال)").fill("6");
  await page.getByLabel("تعداد کارکنان", { exact: true }).fill("2");
  await page.getByLabel("تعداد کارکنان دارای معلولیت").fill("3");
  await page.getByLabel("رمپ یا سطح شیب‌دار برای ورود").check();
  await page.getByRole("button", { name: "ذخیره و تکمیل مرحله" }).click();
  await expect(page.locator("#s3-disabledStaffCount-error")).toContainText("نمی‌تواند بیشتر از تعداد کارکنان");
  await expect(page.getByLabel("متراژ دفتر (متر مربع)")).toHaveValue("۴۵");
  await expectNoA11yViolations(page);
  await page.getByLabel("تعداد کارکنان دارای معلولیت").fill("1");
  await complete(page, 4);

  // Step 4: the company and one board member.
  await page.getByLabel("نام شرکت").fill("شرکت نوآوران سپاهان");
  await page.getByLabel("شماره ثبت").fill("12345");
  await page.getByLabel("تاریخ ثبت").fill("1395/02/10");
  await page.getByLabel("شناسه ملی شرکت").fill("10320863208");
  await page.getByLabel("مدیرعامل", { exact: true }).check();
  await page.getByLabel("نام نماینده", { exact: true }).fill("مریم");
  await page.getByLabel("نام خانوادگی نماینده").fill("احمدی");
  await page.getByLabel("کد ملی نماینده").fill("0023456787");
  await page.getByLabel("تلفن همراه نماینده").fill("09131234567");
  await page.locator("#board-firstName").fill("مریم");
  await page.locator("#board-lastName").fill("احمدی");
  await page.locator("#board-nationalId").fill("0023456787");
  await page.locator("#board-position").fill("مدیرعامل");
  await page.getByRole("button", { name: "افزودن به فهرست" }).click();
  await expect(page.getByRole("heading", { name: /اعضای هیئت مدیره \(۱ عضو\)/ })).toBeVisible();
  await expectNoA11yViolations(page);
  await complete(page, 5);

  // Step 5: contact; province, city and address come from the registry.
  await expect(page.getByLabel("شهر")).not.toHaveValue("");
  await page.getByLabel("تلفن ثابت").fill("02188123456");
  await page.getByLabel("کد پستی").fill("1234567890");
  await complete(page, 6);

  // Step 6: the map; typed coordinates as the keyboard alternative.
  await page.getByLabel("عرض جغرافیایی").fill("35.6892");
  await page.getByLabel("طول جغرافیایی").fill("51.3890");
  await complete(page, 7);

  // Step 7: two staff, one disabled, as declared in step 3.
  for (const [first, id, disabled] of [
    ["سارا", "0045678911", true],
    ["رضا", "0056789122", false],
  ] as const) {
    await page.locator("#staff-firstName").fill(first);
    await page.locator("#staff-lastName").fill("کریمی");
    await page.locator("#staff-birthDate").fill("1370/01/01");
    await page
      .locator("label")
      .filter({ hasText: first === "سارا" ? "زن" : "مرد" })
      .locator("input")
      .check();
    await page.locator("#staff-nationalId").fill(id);
    await page.locator("#staff-mobile").fill("09351234567");
    if (disabled) await page.locator("label").filter({ hasText: "دارای معلولیت" }).locator("input").check();
    await page.getByRole("button", { name: "افزودن به فهرست" }).click();
    await expect(page.getByRole("cell", { name: `${first} کریمی`, exact: true })).toBeVisible();
  }
  await expectNoA11yViolations(page);
  await page.getByRole("button", { name: "تأیید فهرست و تکمیل مرحله" }).click();
  await expect(page).toHaveURL(/\/steps\/8$/);

  const declarationUrl = page.url().replace(/\/steps\/8$/, "");
  const declarationId = declarationUrl.split("/").at(-1)!;

  // Step 8: the positive table explains each row; every violation answered; one "yes".
  await expect(page.getByRole("row", { name: /متراژ دفتر/ })).toContainText("۴۵ متر مربع ← ۸ امتیاز از ۱۵");
  await expect(page.getByRole("row", { name: /رضایت دریافت‌کنندگان خدمت/ })).toContainText("توسط منطقه وارد می‌شود");
  await page.getByLabel("جدول امتیازهای مثبت را بررسی کردم و آن را تایید می‌کنم.").check();
  const violation = (i: number) => page.getByRole("group", { name: new RegExp(`^${toPersianDigits(i)}\\. `) });
  for (let i = 1; i <= 23; i++)
    await violation(i)
      .getByLabel(i === 5 ? "بله" : "خیر")
      .check();
  await expect(page.getByText("جمع امتیاز منفی: ۳")).toBeVisible();
  await page.getByRole("button", { name: "ذخیره و تکمیل مرحله" }).click();
  await expect(page.locator("#s8-v5Description-error")).toHaveText("شرح تخلف را بنویسید (دست‌کم ۱۰ حرف).");
  await expect(page.locator("#s8-error-summary")).toContainText("تایید امتیاز منفی");
  await page.getByLabel("شرح تخلف").fill("تابلوی سردر در آبان ۱۴۰۵ در باد آسیب دید و در حال ساخت است.");
  await page.getByLabel("پاسخ‌های بالا، امتیاز منفی و امتیاز کل را تایید می‌کنم.").check();
  await expectNoA11yViolations(page);
  await complete(page, 9);

  // Step 9: check your answers, then submit with the password asked again.
  await expect(page.getByRole("heading", { name: "۸. رتبه‌بندی" })).toBeVisible();
  await expect(page.getByRole("link", { name: "تغییر مشخصات دفتر" })).toHaveAttribute("href", `/declarations/${declarationId}/steps/3`);
  await expect(page.getByText("شرکت نوآوران سپاهان")).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole("button", { name: "ارسال نهایی پرونده" }).click();
  await expect(page.locator("#s9-confirmed-error")).toContainText("تایید کنید");
  await page.getByLabel(/درستی همه اطلاعات بالا را تایید می‌کنم/).check();
  await page.getByLabel("رمز عبور", { exact: true }).fill("not-my-password");
  await page.getByRole("button", { name: "ارسال نهایی پرونده" }).click();
  await expect(page.locator("#s9-password-error")).toHaveText("رمز عبور درست نیست.");
  await page.getByLabel("رمز عبور", { exact: true }).fill("a-holder-password");
  await page.getByRole("button", { name: "ارسال نهایی پرونده" }).click();

  // The receipt: tracking code, score, SHA-256; printable and as a PDF.
  await expect(page).toHaveURL(`${declarationUrl}/receipt`);
  const submitted = await appDb().declaration.findUniqueOrThrow({ where: { id: declarationId }, include: { scoreSnapshots: true } });
  expect(submitted.status).toBe("SUBMITTED");
  expect(submitted.scoreSnapshots).toHaveLength(1);
  await expect(page.getByRole("heading", { name: "رسید ثبت خوداظهاری" })).toBeVisible();
  await expect(page.getByText(toPersianDigits(submitted.trackingCode!.replace(/(\d{4})(?=\d)/g, "$1 ")))).toBeVisible();
  await expect(page.getByText(submitted.scoreSnapshots[0]!.sha256)).toBeVisible();
  await expect(page.getByText("تابلو مطابق ضوابط")).toBeVisible();
  await expectNoA11yViolations(page);
  const pdf = await page.request.get(`/api/declarations/${declarationId}/receipt`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // Nothing can be changed any more: the pages are read-only and the server refuses.
  await page.goto(`${declarationUrl}/steps/3`);
  await expect(page.getByText("این پرونده ارسال شده است و فقط قابل مشاهده است.")).toBeVisible();
  await expect(page.getByRole("button", { name: "ذخیره و تکمیل مرحله" })).toHaveCount(0);
  await expect(page.getByLabel("متراژ دفتر (متر مربع)")).toBeDisabled();
  await page.goto(`${declarationUrl}/steps/9`);
  await expect(page.getByRole("button", { name: "ارسال نهایی پرونده" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /^تغییر/ })).toHaveCount(0);
  const upload = await page.request.post(`/api/declarations/${declarationId}/documents`, {
    multipart: { kind: "SIGNBOARD", version: String(submitted.version), file: { name: "new.jpg", mimeType: "image/jpeg", buffer: JPEG } },
  });
  expect(upload.ok()).toBe(false);
  expect((await upload.json()).formError).toBe("این پرونده ارسال شده است و دیگر قابل ویرایش نیست.");
  const after = await appDb().declaration.findUniqueOrThrow({ where: { id: declarationId } });
  expect(after.version).toBe(submitted.version);
  await page.goto(declarationUrl);
  await expect(page.getByText("کد رهگیری")).toBeVisible();
  const items = page.getByRole("list", { name: "مرحله‌های خوداظهاری" }).getByRole("listitem");
  for (let i = 0; i < 9; i++) await expect(items.nth(i)).toContainText("تکمیل شده");
});

test("documents are checked by their bytes and their size, with Persian messages", async ({ page }) => {
  const f = await declarationAt(appDb(), 1);
  await signInAndWait(page, f.holder.nationalId, "a-holder-password");
  await page.goto(`/declarations/${f.declaration.id}/steps/1`);
  await page
    .locator("#doc-signboard-file")
    .setInputFiles({ name: "photo.jpg", mimeType: "image/jpeg", buffer: Buffer.from("<html><body>not an image</body></html>") });
  await expect(page.locator("#doc-signboard-error")).toContainText("نوع فایل از روی محتوای آن بررسی می‌شود");
  const big = Buffer.concat([JPEG.subarray(0, 12), Buffer.alloc(2 * 1024 * 1024 + 1 - 14, 0x20), Buffer.from([0xff, 0xd9])]);
  await page.locator("#doc-interior-file").setInputFiles({ name: "big.jpg", mimeType: "image/jpeg", buffer: big });
  await expect(page.locator("#doc-interior-error")).toContainText("۲ مگابایت");
  await expect(page.locator("#doc-signboard-status")).toHaveText("بارگذاری نشده");
  await expect(page.locator("#doc-interior-status")).toHaveText("بارگذاری نشده");
  await expectNoA11yViolations(page);
});

test("on a 360×740 phone, a step autosaves and comes back after a reload", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const f = await declarationAt(appDb(), 2);
  await signInAndWait(page, f.holder.nationalId, "a-holder-password");
  await page.goto(`/declarations/${f.declaration.id}/steps/2`);
  await page.getByLabel("نام پدر").fill("محمد");
  await page.getByLabel("تحصیلات").selectOption("diploma");
  await expect(page.getByText("پیش‌نویس ذخیره شد")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.reload();
  await expect(page.getByLabel("نام پدر")).toHaveValue("محمد");
  await expect(page.getByLabel("تحصیلات")).toHaveValue("diploma");
  await expectNoA11yViolations(page);
});

test("a second tab's older copy cannot overwrite newer data", async ({ browser }) => {
  const f = await declarationAt(appDb(), 2);
  const context = await browser.newContext();
  const first = await context.newPage();
  await signInAndWait(first, f.holder.nationalId, "a-holder-password");
  const second = await context.newPage();
  const url = `/declarations/${f.declaration.id}/steps/2`;
  await first.goto(url);
  await second.goto(url);
  await first.getByLabel("نام پدر").fill("محمد");
  await expect(first.getByText("پیش‌نویس ذخیره شد")).toBeVisible();
  await second.getByLabel("نام پدر").fill("حسن");
  await expect(second.getByRole("alert").filter({ hasText: "زبانه یا دستگاه دیگری" })).toBeVisible();
  await second.reload();
  await expect(second.getByLabel("نام پدر")).toHaveValue("محمد");
  await context.close();
});

test("the map step places a pin by clicking, and the point is there after a reload", async ({ page }) => {
  const f = await declarationAt(appDb(), 6);
  await signInAndWait(page, f.holder.nationalId, "a-holder-password");
  await page.goto(`/declarations/${f.declaration.id}/steps/6`);
  const canvas = page.locator(".maplibregl-canvas");
  await expect(canvas).toBeVisible({ timeout: 30_000 });
  await page.waitForTimeout(1000);
  const box = (await canvas.boundingBox())!;
  await canvas.click({ position: { x: box.width / 2, y: box.height / 2 } });
  const lat = page.getByLabel("عرض جغرافیایی");
  await expect(lat).not.toHaveValue("");
  const typed = await lat.inputValue();
  await expect(page.getByText("پیش‌نویس ذخیره شد")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("عرض جغرافیایی")).toHaveValue(typed);
  await expect(page.getByLabel("طول جغرافیایی")).not.toHaveValue("");
  await expectNoA11yViolations(page);
});

test("a later step's page cannot be used before the earlier ones are complete", async ({ page }) => {
  const f = await declarationAt(appDb(), 2);
  await signInAndWait(page, f.holder.nationalId, "a-holder-password");
  await page.goto(`/declarations/${f.declaration.id}/steps/5`);
  await expect(page.getByText("این مرحله هنوز باز نشده است")).toBeVisible();
  await expect(page.getByRole("button", { name: "ذخیره و تکمیل مرحله" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /رفتن به مرحله ۲/ })).toBeVisible();
});

import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { appDb, expectNoA11yViolations, signInAndWait } from "./support";
import { createHolder } from "../helpers/fixtures";
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

test("the head office uploads a rule set: a bad file gets a report naming each field; a good one is compared, approved and then pinned to a new round that it opens", async ({ page }) => {
  const sample = JSON.parse(readFileSync("lib/ranking/sample-ruleset.json", "utf8"));
  const key = `e2e-${Date.now()}`;
  const bad = { ...sample, id: key, isSample: false, title: "جدول آزمون مرورگر", criteria: [{ ...sample.criteria[0], kind: "perHead" }, ...sample.criteria.slice(1)] };
  const good = { ...sample, id: key, isSample: false, title: "جدول آزمون مرورگر", ranks: [{ rank: 1, minScore: 75 }, ...sample.ranks.slice(1)] };
  const file = (def: unknown) => ({ name: "table.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(def, null, 2)) });

  await signInAndWait(page, "0146789121", "Pishkhan@1405");
  await page.getByRole("link", { name: "جدول‌های امتیازدهی" }).click();
  await expect(page.getByRole("heading", { name: "جدول‌های امتیازدهی" })).toBeVisible();
  await expect(page.getByRole("row", { name: /جدول نمونه/ })).toContainText("(نمونه)");
  await page.getByLabel("فایل جدول (JSON)").setInputFiles(file(bad));
  await page.getByRole("button", { name: "بررسی و بارگذاری" }).click();
  const report = page.getByRole("table", { name: /خطاهای فایل/ });
  await expect(report.getByRole("row", { name: /criteria\[0\]\.kind/ })).toContainText("نوع معیار نامعتبر است");
  await expectNoA11yViolations(page);

  await page.getByLabel("فایل جدول (JSON)").setInputFiles(file(good));
  await page.getByRole("button", { name: "بررسی و بارگذاری" }).click();
  await expect(page.getByRole("heading", { name: "جدول آزمون مرورگر، نسخه ۱" })).toBeVisible();
  await page.getByLabel("جدول مبنا").selectOption({ label: "جدول نمونه امتیازدهی (نمونه، غیررسمی)، نسخه ۱ (نمونه)" });
  await page.getByRole("button", { name: "مقایسه" }).click();
  await expect(page.getByText("رتبه ۱: ۷۰ ← ۷۵")).toBeVisible();
  await expectNoA11yViolations(page);
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "تأیید جدول" }).click();
  await expect(page.getByText("جدول تأییدشده تغییر نمی‌کند و حذف نمی‌شود.")).toBeVisible();

  await page.goto("/rounds");
  const title = `دوره با جدول تازه ${Date.now() % 100000}`;
  await page.getByLabel("عنوان دوره").fill(title);
  await page.getByLabel("جدول امتیازدهی (تأییدشده)").selectOption({ label: "جدول آزمون مرورگر، نسخه ۱" });
  await page.getByLabel("آغاز مهلت ثبت", { exact: true }).fill("۱۴۰۶/۰۷/۰۱");
  await page.getByLabel("پایان مهلت ثبت (آخرین روز)", { exact: true }).fill("1406/07/20");
  await page.getByRole("button", { name: "ذخیره دوره" }).click();
  const row = page.getByRole("row", { name: new RegExp(title) });
  await expect(row).toContainText("جدول آزمون مرورگر، نسخه ۱");
  await row.getByRole("button", { name: `باز کردن ${title}` }).click();
  await expect(row).toContainText("باز");
  await expect(row.getByRole("button", { name: `بستن ${title}` })).toBeVisible();
});

test("experts and holders cannot reach any head-office page or download (not found); an expert's dashboard is their own region", async ({ browser }) => {
  const db = appDb();
  const ruleSet = await db.ruleSet.findFirstOrThrow({ select: { id: true } });
  const round = await db.round.findFirstOrThrow({ where: { status: "OPEN" }, select: { id: true } });
  const admin = await db.user.findUniqueOrThrow({ where: { nationalId: "0146789121" }, select: { id: true } });
  const job = await db.job.create({ data: { kind: "REGISTRY_IMPORT", input: { mode: "dry-run", fileName: "x.csv" }, createdById: admin.id, status: "SUCCEEDED" }, select: { id: true } });
  const pages = ["/users", "/rounds", "/rule-sets", `/rule-sets/${ruleSet.id}`, "/registry"];
  const downloads = ["/api/registry/template", `/api/jobs/${job.id}`, `/api/registry/imports/${job.id}/errors`];

  const holder = await createHolder(db, { password: "a-holder-password" });
  for (const [nationalId, password] of [["0045678911", "Pishkhan@1405"], [holder.nationalId, "a-holder-password"]] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAndWait(page, nationalId, password);
    for (const path of pages) {
      const res = await page.goto(path);
      expect(res?.status(), `${nationalId} ${path}`).toBe(404);
      await expect(page.getByRole("heading", { name: "صفحه یافت نشد" })).toBeVisible();
    }
    for (const path of downloads) {
      const res = await page.request.get(path);
      expect(res.status(), `${nationalId} ${path}`).toBe(404);
    }
    const upload = await page.request.post("/api/registry/imports", { multipart: { file: { name: "r.csv", mimeType: "text/csv", buffer: Buffer.from("office_code\n1\n") } } });
    expect(upload.status(), `${nationalId} upload`).toBe(404);
    if (nationalId === holder.nationalId) {
      expect((await page.goto("/dashboard"))?.status()).toBe(404);
      expect((await page.request.get(`/api/rounds/${round.id}/export?format=xlsx`)).status()).toBe(404);
    } else {
      // The expert of region 1 asking for region 7 still sees region 1.
      await page.goto("/dashboard?region=7");
      await expect(page.getByRole("heading", { level: 1 })).toContainText("شمال");
      await expect(page.getByRole("heading", { level: 1 })).not.toContainText("مرکزی");
    }
    await context.close();
  }
});

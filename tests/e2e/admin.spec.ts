import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { appDb, expectNoA11yViolations, signInAndWait } from "./support";
import { createHolder } from "../helpers/fixtures";
import { uniqueNationalId } from "../helpers/national-ids";
import { readSheet } from "../helpers/xlsx-reader";

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

test("the head office approves a new rule set, creates a round with it, imports a registry file, opens the round and downloads its XLSX export", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const sample = JSON.parse(readFileSync("lib/ranking/sample-ruleset.json", "utf8"));
  const run = Date.now() % 1_000_000;
  const key = `e2e-${run}`;
  const bad = {
    ...sample,
    id: key,
    isSample: false,
    title: "جدول آزمون مرورگر",
    criteria: [{ ...sample.criteria[0], kind: "perHead" }, ...sample.criteria.slice(1)],
  };
  const good = {
    ...sample,
    id: key,
    isSample: false,
    title: "جدول آزمون مرورگر",
    ranks: [{ rank: 1, minScore: 75 }, ...sample.ranks.slice(1)],
  };
  const file = (def: unknown) => ({ name: "table.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(def, null, 2)) });

  // 1. Rule set: a bad file is refused with its field named; a good one is compared and approved.
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

  // 2. A round pinned to it (a window in the future, so holders' current round is untouched).
  await page.goto("/rounds");
  const title = `دوره با جدول تازه ${run}`;
  await page.getByLabel("عنوان دوره").fill(title);
  await page.getByLabel("جدول امتیازدهی (تأییدشده)").selectOption({ label: "جدول آزمون مرورگر، نسخه ۱" });
  await page.getByLabel("آغاز مهلت ثبت", { exact: true }).fill("۱۴۰۶/۰۷/۰۱");
  await page.getByLabel("پایان مهلت ثبت (آخرین روز)", { exact: true }).fill("1406/07/20");
  await page.getByRole("button", { name: "ذخیره دوره" }).click();
  const row = page.getByRole("row", { name: new RegExp(title) });
  await expect(row).toContainText("جدول آزمون مرورگر، نسخه ۱");
  await expect(row).toContainText("پیش‌نویس");

  // 3. The licence registry: a dry run (one bad row reported), then apply.
  const code = `E${run}`;
  const holderId = uniqueNationalId();
  const csv = [
    "office_code,office_name,office_type,person_type,province,city,address,postal_code,licence_number,licence_issued,licence_expires,licence_status,holder_national_id,holder_first_name,holder_last_name,holder_mobile",
    `${code},دفتر پیشخوان آزمون مرورگر,پیشخوان دولتی,حقیقی,اصفهان,اصفهان,"خیابان چهارباغ، پلاک ۹",,PK-E-${run},1402/01/10,1410/01/09,معتبر,${holderId},لیلا,رضایی,09121234567`,
    `${code}X,دفتر با کد ملی نادرست,پیشخوان دولتی,حقیقی,اصفهان,اصفهان,خیابان نظر,,PK-F-${run},1402/01/10,1410/01/09,معتبر,1234567890,علی,محمدی,`,
  ].join("\r\n");
  await page.goto("/");
  await page.getByRole("link", { name: "ورود اطلاعات پروانه‌ها" }).click();
  await page
    .getByLabel("فایل CSV دفاتر، پروانه‌ها و دارندگان")
    .setInputFiles({ name: "registry.csv", mimeType: "text/csv", buffer: Buffer.from("\uFEFF" + csv, "utf8") });
  await page.getByRole("button", { name: "بررسی آزمایشی" }).click();
  const checked = page.getByRole("table", { name: /نتیجه بررسی آزمایشی/ });
  await expect(checked.getByRole("row", { name: /ردیف‌های نادرست/ })).toContainText("۱", { timeout: 30_000 });
  await expect(checked.getByRole("row", { name: /دفترهایی که ساخته می‌شوند/ })).toContainText("۱");
  await expect(page.getByRole("main")).toContainText("کد ملی");
  await expectNoA11yViolations(page);
  await page.getByRole("button", { name: "اعمال در سامانه" }).click();
  await expect(page.locator("#apply-confirm-error")).not.toBeEmpty();
  await page.getByLabel(/ردیف نادرست کنار گذاشته شود/).check();
  await page.getByRole("button", { name: "اعمال در سامانه" }).click();
  await expect(page.getByText(/فایل اعمال شد: ۱ دفتر ساخته/)).toBeVisible({ timeout: 30_000 });
  const imported = await appDb().office.findUniqueOrThrow({ where: { code }, include: { holder: true, licences: true } });
  expect(imported.holder).toMatchObject({ nationalId: holderId, mustChangePassword: true });
  expect(imported.licences.map((l) => l.status)).toEqual(["VALID"]);

  // 4. Open the round, then download its results as XLSX from the dashboard and read it.
  await page.goto("/rounds");
  await row.getByRole("button", { name: `باز کردن ${title}` }).click();
  await expect(row.getByRole("button", { name: `بستن ${title}` })).toBeVisible();
  const round = await appDb().round.findFirstOrThrow({ where: { title } });
  expect(round.status).toBe("OPEN");
  await page.goto(`/dashboard?round=${round.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("داشبورد کشوری");
  await expectNoA11yViolations(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "دریافت XLSX" }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const sheet = readSheet(readFileSync((await download.path())!));
  const header = sheet.rows[0]!.map(String);
  expect(header).toEqual(expect.arrayContaining(["کد دفتر", "استان", "رتبه"]));
  // One column per criterion of the round's (new) rule set.
  for (const c of good.criteria as { title: string }[]) expect(header.some((h) => h.includes(c.title))).toBe(true);
  const mine = sheet.rows.find((r) => r[header.indexOf("کد دفتر")] === code);
  expect(mine, "the imported office is in the export").toBeDefined();
  expect(mine![header.indexOf("استان")]).toBe("اصفهان");
  expect(sheet.rows.length - 1).toBe(await appDb().office.count());
});

test("experts and holders cannot reach any head-office page or download (not found); an expert's dashboard is their own region", async ({
  browser,
}) => {
  const db = appDb();
  const ruleSet = await db.ruleSet.findFirstOrThrow({ select: { id: true } });
  const round = await db.round.findFirstOrThrow({ where: { status: "OPEN" }, select: { id: true } });
  const admin = await db.user.findUniqueOrThrow({ where: { nationalId: "0146789121" }, select: { id: true } });
  const job = await db.job.create({
    data: { kind: "REGISTRY_IMPORT", input: { mode: "dry-run", fileName: "x.csv" }, createdById: admin.id, status: "SUCCEEDED" },
    select: { id: true },
  });
  const pages = ["/users", "/rounds", "/rule-sets", `/rule-sets/${ruleSet.id}`, "/registry"];
  const downloads = ["/api/registry/template", `/api/jobs/${job.id}`, `/api/registry/imports/${job.id}/errors`];

  const holder = await createHolder(db, { password: "a-holder-password" });
  for (const [nationalId, password] of [
    ["0045678911", "Pishkhan@1405"],
    [holder.nationalId, "a-holder-password"],
  ] as const) {
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
    const upload = await page.request.post("/api/registry/imports", {
      multipart: { file: { name: "r.csv", mimeType: "text/csv", buffer: Buffer.from("office_code\n1\n") } },
    });
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

import { expect, test, type Browser, type Page } from "@playwright/test";
import { appDb, expectNoA11yViolations, signInAndWait } from "./support";
import { createStaffUser } from "../helpers/fixtures";
import { declarationAt, HOLDER_PASSWORD } from "../helpers/declarations";
import { toPersianDigits } from "@/lib/format/digits";

const STAFF_PASSWORD = "Pishkhan@1405"; // the demo experts' password too

async function as(browser: Browser, nationalId: string, password: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, nationalId, password);
  return page;
}

test("submit → the region returns one field → the holder corrects only it → scores and approval (SMS queued) → objection → another expert decides → final rank", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const db = appDb();
  const f = await declarationAt(db, 9);
  const id = f.declaration.id;
  const scorer = await createStaffUser(db, "EXPERT", { regionId: f.declaration.regionId, password: STAFF_PASSWORD });

  // The holder submits.
  const holder = await as(browser, f.holder.nationalId, HOLDER_PASSWORD);
  await holder.goto(`/declarations/${id}/steps/9`);
  await holder.getByLabel(/درستی همه اطلاعات بالا را تایید می‌کنم/).check();
  await holder.getByLabel("رمز عبور", { exact: true }).fill(HOLDER_PASSWORD);
  await holder.getByRole("button", { name: "ارسال نهایی پرونده" }).click();
  await expect(holder).toHaveURL(/\/receipt$/);

  // The expert takes the file and returns one field.
  const expert = await as(browser, scorer.nationalId, STAFF_PASSWORD);
  await expert.goto("/queue");
  await expert.getByLabel("جستجو").fill(f.holder.office.code);
  await expert.getByRole("button", { name: "نمایش" }).click();
  await expect(expert.getByRole("row", { name: new RegExp(toPersianDigits(f.holder.office.code)) })).toBeVisible();
  await expectNoA11yViolations(expert);
  await expert.getByRole("link", { name: "دفتر آزمون" }).click();
  await expect(expert).toHaveURL(new RegExp(`/review/${id}$`));
  await expect(expert.getByRole("heading", { name: /پرونده دفتر/ })).toBeVisible();
  await expectNoA11yViolations(expert);
  await expert.getByRole("button", { name: "برداشتن پرونده برای رسیدگی" }).click();
  await expect(expert.getByText("وضعیت: در حال بررسی")).toBeVisible();
  await expert.getByLabel("بخش", { exact: true }).selectOption("3");
  await expert.getByLabel("فیلد", { exact: true }).selectOption("floorArea");
  await expert.getByLabel("چه چیزی باید اصلاح شود").fill("متراژ با اجاره‌نامه نمی‌خواند؛ متراژ درست را بنویسید.");
  await expert.getByRole("button", { name: "بازگرداندن برای اصلاح", exact: true }).click();
  await expect(expert.getByText("وضعیت: بازگشت برای اصلاح")).toBeVisible();
  expect(await db.notification.count({ where: { declarationId: id, template: "declaration-returned" } })).toBe(1);

  // The holder sees the comment and can change only that field.
  await holder.goto(`/declarations/${id}`);
  await expect(holder.getByText("متراژ با اجاره‌نامه نمی‌خواند")).toBeVisible();
  await expectNoA11yViolations(holder);
  await holder.getByRole("link", { name: /مشخصات دفتر — متراژ دفتر/ }).click();
  await expect(holder.getByLabel("سابقه فعالیت دارنده پروانه (سال)")).toBeDisabled();
  await holder.getByLabel("متراژ دفتر (متر مربع)").fill("۶۰");
  await holder.getByRole("button", { name: "ذخیره و تکمیل مرحله" }).click();
  // The positive table changed with the floor area: step 8 asks for a new confirmation.
  await expect(holder).toHaveURL(/\/steps\/8$/);
  await expect(holder.getByText("پس از تایید قبلی شما")).toBeVisible();
  await holder.getByLabel("جدول امتیازهای مثبت را بررسی کردم و آن را تایید می‌کنم.").check();
  await holder.getByLabel("پاسخ‌های بالا، امتیاز منفی و امتیاز کل را تایید می‌کنم.").check();
  await holder.getByRole("button", { name: "ذخیره و تکمیل مرحله" }).click();
  await expect(holder).toHaveURL(new RegExp(`/declarations/${id}$`));
  await holder.getByRole("link", { name: "مرحله ۹" }).click();
  await holder.getByLabel(/موارد خواسته‌شده را اصلاح کرده‌ام/).check();
  await holder.getByRole("button", { name: "ارسال دوباره پرونده" }).click();
  await expect(holder).toHaveURL(new RegExp(`/declarations/${id}$`));
  await expect(holder.getByText("وضعیت: ارسال پس از اصلاح")).toBeVisible();

  // The expert sees before → after, enters the region's scores and approves.
  await expert.goto(`/review/${id}`);
  await expect(expert.getByText("پیش از اصلاح: ۴۵ ← پس از اصلاح: ۶۰")).toBeVisible();
  await expert.getByRole("button", { name: "شروع بررسی دوباره" }).click();
  await expect(expert.getByText("وضعیت: در حال بررسی")).toBeVisible();
  await expert.getByLabel(/رضایت دریافت‌کنندگان خدمت/).fill("۹");
  await expert.getByLabel(/امتیاز انجمن صنفی استان/).fill("8");
  await expert.getByRole("button", { name: "ثبت امتیازهای منطقه و محاسبه دوباره" }).click();
  await expect(expert.getByText("امتیازهای منطقه ثبت شد")).toBeVisible();
  await expert.getByRole("button", { name: "تأیید پرونده و ثبت امتیاز نهایی" }).click();
  await expect(expert.getByText("وضعیت: تأیید منطقه")).toBeVisible();
  const sms = await db.notification.findFirstOrThrow({ where: { declarationId: id, template: "result-approved" } });
  expect(sms.recipient).toBe(f.holder.user.mobile);

  // The holder sees the result and objects.
  await holder.goto(`/declarations/${id}`);
  await expect(holder.getByRole("heading", { name: /نتیجه ارزیابی/ })).toBeVisible();
  await holder.getByLabel("متن اعتراض").fill("کوتاه");
  await holder.getByRole("button", { name: "ثبت اعتراض" }).click();
  await expect(holder.locator("#objection-text-error")).toContainText("دست‌کم ۲۰ حرف");
  await expect(holder.getByLabel("متن اعتراض")).toHaveValue("کوتاه");
  await holder.getByLabel("متن اعتراض").fill("امتیاز رضایت مراجعان کمتر از نظرسنجی ماه گذشته ثبت شده است.");
  await holder.getByRole("button", { name: "ثبت اعتراض" }).click();
  await expect(holder.getByText("اعتراض شما ثبت شد")).toBeVisible();

  // Another expert of the region (not the approver) decides.
  const objected = await db.declaration.findUniqueOrThrow({ where: { id }, include: { assignee: true } });
  expect(objected.assigneeId).not.toBe(scorer.user.id);
  const other = await as(browser, objected.assignee!.nationalId, STAFF_PASSWORD);
  await other.goto(`/review/${id}`);
  await other.getByLabel("امتیازهای منطقه تغییر می‌کند").check();
  await other.getByLabel(/رضایت دریافت‌کنندگان خدمت/).fill("10");
  await other.getByLabel("دلیل تصمیم").fill("نظرسنجی تازه امتیاز کامل رضایت را نشان داد.");
  await other.getByRole("button", { name: "ثبت تصمیم و قطعی کردن رتبه" }).click();
  await expect(other.getByText("وضعیت: قطعی")).toBeVisible();
  await expectNoA11yViolations(other);

  // The holder sees the final rank.
  await holder.goto(`/declarations/${id}`);
  await expect(holder.getByRole("heading", { name: "نتیجه ارزیابی (قطعی)" })).toBeVisible();
  const final = await db.declaration.findUniqueOrThrow({ where: { id } });
  expect(final.status).toBe("FINAL");
  await expect(holder.getByText(new RegExp(`رتبه ${["۱", "۲", "۳"][final.finalRank! - 1]}`)).first()).toBeVisible();
});

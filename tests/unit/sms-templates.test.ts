import { toPersianDigits } from "@/lib/format/digits";
import { renderSms, SMS_TEMPLATES, type SmsTemplate, type TemplateData } from "@/lib/notify/templates";

const OFFICE = "10234";
const DECL = "cmabc123xyz";
// 2026-12-01T10:30:00Z is 1405/09/10 14:00 in Tehran (UTC+03:30).
const DUE = "2026-12-01T10:30:00.000Z";

// Templates about the account, not an office's file (no office code, no file link): tests/unit/account-sms-templates.test.ts.
// A round's opening goes to every holder: no office in it (tested below).
const ACCOUNT_TEMPLATES = ["activation-code", "password-changed", "account-help", "round-opened"] as const;
type AccountTemplate = (typeof ACCOUNT_TEMPLATES)[number];

const samples: { [K in Exclude<SmsTemplate, "password-reset" | "one-time-code" | AccountTemplate>]: TemplateData[K] } = {
  "declaration-returned": { officeCode: OFFICE, dueAt: DUE, declarationId: DECL },
  "correction-reminder": { officeCode: OFFICE, dueAt: DUE, declarationId: DECL },
  "result-approved": { officeCode: OFFICE, declarationId: DECL, objectionDays: 7 },
  "objection-decided": { officeCode: OFFICE, declarationId: DECL },
  "not-submitted": { officeCode: OFFICE, roundTitle: "دوره 1405" },
  "registry-mobile-changed": { officeCode: OFFICE, newMobileEnd: "4567" },
  "declaration-submitted": { officeCode: OFFICE, trackingCode: "123456789012", declarationId: DECL },
  "declaration-resubmitted": { officeCode: OFFICE, declarationId: DECL },
  "window-reminder": { officeCode: OFFICE, roundTitle: "دوره 1405", roundId: "r1", closesAt: DUE },
};

const saved = process.env.APP_BASE_URL;
afterEach(() => {
  if (saved === undefined) delete process.env.APP_BASE_URL;
  else process.env.APP_BASE_URL = saved;
});

describe("SMS templates", () => {
  test("every template has a sample here", () => {
    expect(Object.keys(samples).sort()).toEqual(
      SMS_TEMPLATES.filter(
        (t) => t !== "password-reset" && t !== "one-time-code" && !(ACCOUNT_TEMPLATES as readonly string[]).includes(t),
      ).sort(),
    );
  });

  test.each(Object.entries(samples))("%s: Persian, the office code in Persian digits, a link to the app", (template, data) => {
    delete process.env.APP_BASE_URL;
    const text = renderSms(template as SmsTemplate, data as never);
    expect(text).toMatch(/[\u0600-\u06FF]{3}/);
    expect(text).toContain(toPersianDigits(OFFICE));
    expect(text).not.toContain(OFFICE); // no Latin digits for the code
    const link =
      template === "not-submitted" || template === "registry-mobile-changed" || template === "window-reminder"
        ? "http://localhost:3000/"
        : `http://localhost:3000/declarations/${DECL}`;
    expect(text).toContain(link);
    // The link stands on a line of its own, so right-to-left text cannot reorder it.
    expect(text.split("\n")).toContain(link);
  });

  test("APP_BASE_URL is used (trailing slash dropped)", () => {
    process.env.APP_BASE_URL = "https://rank.example.ir/";
    expect(renderSms("objection-decided", samples["objection-decided"])).toContain(`https://rank.example.ir/declarations/${DECL}`);
  });

  test("the holder hears what they expect: the tracking code, the objection's outcome and rank, the window", () => {
    expect(renderSms("declaration-submitted", samples["declaration-submitted"])).toContain("کد رهگیری: ۱۲۳۴۵۶۷۸۹۰۱۲");
    const upheld = renderSms("objection-decided", { officeCode: OFFICE, declarationId: DECL, decision: "UPHELD", total: 68, rank: 2 });
    expect(upheld).toContain("پذیرفته نشد");
    expect(upheld).toContain("رتبه ۲");
    const changed = renderSms("objection-decided", { officeCode: OFFICE, declarationId: DECL, decision: "CHANGED", total: 72.5, rank: 1 });
    expect(changed).toContain("پذیرفته شد");
    expect(changed).toContain("امتیاز نهایی ۷۲.۵");
    expect(renderSms("round-opened", { roundTitle: "نیمه دوم 1405", closesAt: DUE })).toContain("۱۴۰۵/۰۹/۱۰ ساعت ۱۴:۰۰");
    expect(renderSms("window-reminder", samples["window-reminder"])).toContain("۲ روز به پایان مهلت ثبت خوداظهاری");
    // One name for the file everywhere.
    for (const [template, data] of Object.entries(samples))
      expect(renderSms(template as SmsTemplate, data as never)).not.toContain("اظهارنامه");
  });

  test("deadlines are in Jalali, Tehran time, Persian digits", () => {
    expect(renderSms("declaration-returned", samples["declaration-returned"])).toContain("۱۴۰۵/۰۹/۱۰ ساعت ۱۴:۰۰");
    expect(renderSms("correction-reminder", samples["correction-reminder"])).toContain("۲ روز");
  });

  test("objection days and round titles are in Persian digits", () => {
    expect(renderSms("result-approved", samples["result-approved"])).toContain("۷ روز");
    expect(renderSms("not-submitted", samples["not-submitted"])).toContain("«دوره ۱۴۰۵»");
  });

  test("the password-reset code is in Persian digits", () => {
    expect(renderSms("password-reset", { code: "042917" })).toContain("۰۴۲۹۱۷");
  });

  test.each(["PASSWORD_RESET", "FIRST_SIGN_IN", "ACTIVATION", "MOBILE_CONFIRM"] as const)(
    "a one-time code for %s: its own Persian purpose, the code in Persian digits",
    (purpose) => {
      const text = renderSms("one-time-code", { purpose, code: "042917" });
      expect(text).toContain("۰۴۲۹۱۷");
      expect(text).not.toMatch(/[0-9]/);
      expect(text).toContain("۱۰ دقیقه");
    },
  );

  test("an unknown template or a malformed deadline throws instead of sending nonsense", () => {
    expect(() => renderSms("nope" as SmsTemplate, {} as never)).toThrow(/unknown SMS template/);
    expect(() => renderSms("declaration-returned", { ...samples["declaration-returned"], dueAt: "soon" })).toThrow();
  });
});

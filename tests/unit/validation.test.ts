import { z } from "zod";
import {
  emailField,
  emailIssue,
  isValidEmail,
  isValidLandline,
  isValidLegalId,
  isValidMobile,
  isValidNationalId,
  isValidPersianName,
  isValidPostalCode,
  jalaliDateField,
  landlineField,
  landlineIssue,
  legalIdField,
  legalIdIssue,
  mobileField,
  mobileIssue,
  nationalIdField,
  nationalIdIssue,
  normalizeLandline,
  normalizeMobile,
  normalizeNationalId,
  normalizePersianText,
  normalizePostalCode,
  optionalField,
  persianNameField,
  persianNameFieldFor,
  persianNameIssue,
  postalCodeField,
  postalCodeIssue,
  toAsciiDigits,
} from "@/lib/validation";

describe("toAsciiDigits / normalizePersianText", () => {
  test.each([
    ["۰۱۲۳۴۵۶۷۸۹", "0123456789"],
    ["٠١٢٣٤٥٦٧٨٩", "0123456789"],
    ["کد ۱۲-٣٤ab", "کد 12-34ab"],
    ["no digits", "no digits"],
  ])("toAsciiDigits(%j) = %j", (input, expected) => {
    expect(toAsciiDigits(input)).toBe(expected);
  });

  test.each([
    ["علي", "علی"], // Arabic yeh U+064A
    ["مصطفى", "مصطفی"], // alef maksura U+0649
    ["كاظم", "کاظم"], // Arabic kaf U+0643
    ["  پلاک ۱۲  ", "پلاک 12"],
    ["يك", "یک"],
  ])("normalizePersianText(%j) = %j", (input, expected) => {
    expect(normalizePersianText(input)).toBe(expected);
  });
});

describe("national ID (کد ملی)", () => {
  // Check digits computed by hand, e.g. 0499370899: Σ = 4·9+9·8+9·7+3·6+7·5+0·4+8·3+9·2 = 266,
  // 266 mod 11 = 2 → 11 − 2 = 9. 1234567891: Σ = 210, mod 11 = 1 (< 2) → check digit 1.
  test.each([
    ["0499370899", "0499370899"],
    ["0084575948", "0084575948"],
    ["1234567891", "1234567891"],
    ["0012345679", "0012345679"],
    ["9876543210", "9876543210"],
    ["۰۴۹۹۳۷۰۸۹۹", "0499370899"],
    ["٠٠٨٤٥٧٥٩٤٨", "0084575948"],
    ["049-937089-9", "0499370899"],
    [" 0499 3708 99 ", "0499370899"],
  ])("%j is valid and normalises to %s", (input, normalised) => {
    expect(isValidNationalId(input)).toBe(true);
    expect(nationalIdIssue(input)).toBeNull();
    expect(normalizeNationalId(input)).toBe(normalised);
  });

  test.each([
    ["0499370898", "کد ملی معتبر نیست."], // wrong check digit
    ["1234567890", "کد ملی معتبر نیست."],
    ["0000000000", "کد ملی معتبر نیست."], // repeated digit passes the checksum but is rejected
    ["1111111111", "کد ملی معتبر نیست."],
    ["2222222222", "کد ملی معتبر نیست."],
    ["499370899", "کد ملی باید ۱۰ رقم باشد."],
    ["04993708990", "کد ملی باید ۱۰ رقم باشد."],
    ["04993a0899", "کد ملی فقط باید شامل رقم باشد."],
    ["", "کد ملی را وارد کنید."],
    ["   ", "کد ملی را وارد کنید."],
  ])("%j is rejected with %j", (input, message) => {
    expect(isValidNationalId(input)).toBe(false);
    expect(nationalIdIssue(input)).toBe(message);
  });
});

describe("legal ID (شناسه ملی)", () => {
  // 10320863208 by hand: k = 0 + 2; Σ (dᵢ+2)·cᵢ = 1097; 1097 mod 11 = 8 = d₁₁.
  // 14003123450: Σ = 2111, mod 11 = 10 → 0 = d₁₁ (exercises the r = 10 rule).
  test.each(["10320863208", "14003123450", "10860012342", "14100555552", "۱۰۳۲۰۸۶۳۲۰۸", "103-2086-3208"])("%j is valid", (input) => {
    expect(isValidLegalId(input)).toBe(true);
    expect(legalIdIssue(input)).toBeNull();
  });

  test.each([
    ["10320863207", "شناسه ملی معتبر نیست."], // wrong check digit
    ["14003123451", "شناسه ملی معتبر نیست."],
    ["10100000006", "شناسه ملی معتبر نیست."], // checksum matches, but serial digits 4–9 are all zero
    ["1032086320", "شناسه ملی باید ۱۱ رقم باشد."],
    ["103208632080", "شناسه ملی باید ۱۱ رقم باشد."],
    ["1032086320x", "شناسه ملی فقط باید شامل رقم باشد."],
    ["", "شناسه ملی را وارد کنید."],
  ])("%j is rejected with %j", (input, message) => {
    expect(isValidLegalId(input)).toBe(false);
    expect(legalIdIssue(input)).toBe(message);
  });
});

describe("mobile numbers", () => {
  test.each([
    ["09121234567", "09121234567"],
    ["9121234567", "09121234567"],
    ["+989121234567", "09121234567"],
    ["00989121234567", "09121234567"],
    ["989121234567", "09121234567"],
    ["+98 912 123 4567", "09121234567"],
    ["+98 (0) 912-123-4567", "09121234567"],
    ["0912-123-4567", "09121234567"],
    ["۰۹۳۵۱۲۳۴۵۶۷", "09351234567"],
    ["٠٩٩٠١٢٣٤٥٦٧", "09901234567"],
    ["+۹۸۹۱۲۱۲۳۴۵۶۷", "09121234567"],
  ])("%j → %s", (input, expected) => {
    expect(normalizeMobile(input)).toBe(expected);
    expect(isValidMobile(input)).toBe(true);
    expect(mobileIssue(input)).toBeNull();
  });

  test.each([
    "0912123456", // 10 digits
    "091212345678", // 12 digits
    "02112345678", // landline
    "08121234567",
    "+18121234567",
    "0912abc4567",
  ])("%j is not a mobile number", (input) => {
    expect(normalizeMobile(input)).toBeNull();
    expect(mobileIssue(input)).toBe("شماره همراه معتبر نیست؛ آن را به شکل ۰۹۱۲۱۲۳۴۵۶۷ وارد کنید.");
  });

  test("empty mobile asks for input", () => {
    expect(mobileIssue(" ")).toBe("شماره همراه را وارد کنید.");
  });
});

describe("landline numbers", () => {
  test.each([
    ["02112345678", "02112345678"],
    ["021-1234-5678", "02112345678"],
    ["(021) 12345678", "02112345678"],
    ["+982112345678", "02112345678"],
    ["00982112345678", "02112345678"],
    ["+98 (0)31 3123 4567", "03131234567"],
    ["۰۵۱۳۸۱۲۳۴۵۶", "05138123456"],
    ["٠٤١٣٣٣٣٤٤٤٤", "04133334444"],
  ])("%j → %s", (input, expected) => {
    expect(normalizeLandline(input)).toBe(expected);
    expect(isValidLandline(input)).toBe(true);
    expect(landlineIssue(input)).toBeNull();
  });

  test.each([
    ["0211234567", "شماره تلفن ثابت معتبر نیست؛ آن را با پیش‌شماره و به شکل ۰۲۱۱۲۳۴۵۶۷۸ وارد کنید."], // 10 digits
    ["021123456789", "شماره تلفن ثابت معتبر نیست؛ آن را با پیش‌شماره و به شکل ۰۲۱۱۲۳۴۵۶۷۸ وارد کنید."],
    ["12345678", "شماره تلفن ثابت معتبر نیست؛ آن را با پیش‌شماره و به شکل ۰۲۱۱۲۳۴۵۶۷۸ وارد کنید."], // no area code
    ["00112345678", "شماره تلفن ثابت معتبر نیست؛ آن را با پیش‌شماره و به شکل ۰۲۱۱۲۳۴۵۶۷۸ وارد کنید."],
    ["09121234567", "این شماره همراه است؛ شماره تلفن ثابت را با پیش‌شماره وارد کنید."],
    ["+989121234567", "این شماره همراه است؛ شماره تلفن ثابت را با پیش‌شماره وارد کنید."],
    ["", "شماره تلفن ثابت را وارد کنید."],
  ])("%j is rejected with %j", (input, message) => {
    expect(normalizeLandline(input)).toBeNull();
    expect(landlineIssue(input)).toBe(message);
  });
});

describe("postal code", () => {
  test.each([
    ["1234567890", "1234567890"],
    ["12345-67890", "1234567890"],
    ["۱۳۴۵۶ ۷۸۹۱۰", "1345678910"],
    ["٣١٤١٥٩٢٦٥٣", "3141592653"],
  ])("%j is valid → %s", (input, expected) => {
    expect(isValidPostalCode(input)).toBe(true);
    expect(postalCodeIssue(input)).toBeNull();
    expect(normalizePostalCode(input)).toBe(expected);
  });

  test.each([
    ["123456789", "کد پستی باید ۱۰ رقم باشد."],
    ["12345678901", "کد پستی باید ۱۰ رقم باشد."],
    ["12345_67890", "کد پستی فقط باید شامل رقم باشد."],
    ["", "کد پستی را وارد کنید."],
  ])("%j is rejected with %j", (input, message) => {
    expect(isValidPostalCode(input)).toBe(false);
    expect(postalCodeIssue(input)).toBe(message);
  });
});

describe("Persian names", () => {
  test.each([
    "علی",
    "علي", // Arabic yeh is normalised before checking
    "كاظم",
    "محمدرضا",
    "محمد رضا",
    "عبدالله‌زاده", // ZWNJ between letters
    "آرش",
    "مؤمنی",
    "رئیسی",
    "جزء",
    "ژاله",
    "ا".repeat(30),
    "علی\u200Cاکبر", // 6 visible letters; ZWNJ not counted
  ])("%j is valid", (input) => {
    expect(persianNameIssue(input)).toBeNull();
    expect(isValidPersianName(input)).toBe(true);
  });

  test.each([
    ["", "نام را وارد کنید."],
    ["   ", "نام را وارد کنید."],
    ["Ali", "نام فقط باید شامل حروف فارسی باشد."],
    ["علیA", "نام فقط باید شامل حروف فارسی باشد."],
    ["علی۲", "نام فقط باید شامل حروف فارسی باشد."],
    ["علی2", "نام فقط باید شامل حروف فارسی باشد."],
    ["علی-رضا", "نام فقط باید شامل حروف فارسی باشد."],
    ["علــی", "نام فقط باید شامل حروف فارسی باشد."], // tatweel
    ["عَلی", "نام را بدون اعراب (حرکت‌گذاری) بنویسید."],
    [" علی", "نام نباید با فاصله یا نیم‌فاصله شروع یا تمام شود."],
    ["علی ", "نام نباید با فاصله یا نیم‌فاصله شروع یا تمام شود."],
    ["\u200Cعلی", "نام نباید با فاصله یا نیم‌فاصله شروع یا تمام شود."],
    ["علی  رضا", "بین کلمه‌های نام فقط یک فاصله بگذارید."],
    ["علی\u200C رضا", "نیم‌فاصله فقط باید بین دو حرف بیاید."],
    ["علی\u200C\u200Cرضا", "نیم‌فاصله فقط باید بین دو حرف بیاید."],
    ["جم", "نام باید دست‌کم ۳ حرف باشد."],
    ["ج\u200Cم", "نام باید دست‌کم ۳ حرف باشد."], // ZWNJ does not make it 3
    ["ا".repeat(31), "نام نباید بیش از ۳۰ حرف باشد."],
  ])("%j is rejected with %j", (input, message) => {
    expect(persianNameIssue(input)).toBe(message);
    expect(isValidPersianName(input)).toBe(false);
  });

  test("the label appears in messages", () => {
    expect(persianNameIssue("Smith", "نام خانوادگی")).toBe("نام خانوادگی فقط باید شامل حروف فارسی باشد.");
  });
});

describe("e-mail", () => {
  test.each(["a@b.ir", "first.last+tag@mail.example.com", "  USER@Example.IR  ", "x_y-z@sub-domain.co.ir"])("%j is valid", (input) => {
    expect(isValidEmail(input)).toBe(true);
  });

  test.each([
    "plainaddress",
    "@example.com",
    "user@",
    "user@example",
    "user@.example.com",
    "user@example..com",
    "user@-example.com",
    "user..dot@example.com",
    ".user@example.com",
    "user name@example.com",
    "کاربر@example.com",
    "user@example.c0m",
    "user@1.2.3.4",
    `${"a".repeat(65)}@example.com`,
  ])("%j is invalid", (input) => {
    expect(emailIssue(input)).toBe("نشانی ایمیل معتبر نیست (نمونه: name@example.com).");
  });

  test("empty e-mail asks for input", () => {
    expect(emailIssue("")).toBe("نشانی ایمیل را وارد کنید.");
  });
});

describe("zod field schemas", () => {
  test.each([
    ["nationalIdField", nationalIdField, "۰۴۹۹-۳۷۰۸۹۹", "0499370899"],
    ["legalIdField", legalIdField, "۱۰۳۲۰۸۶۳۲۰۸", "10320863208"],
    ["mobileField", mobileField, "+98 912 123 4567", "09121234567"],
    ["landlineField", landlineField, "+98 21 1234 5678", "02112345678"],
    ["postalCodeField", postalCodeField, "12345-67890", "1234567890"],
    ["persianNameField", persianNameField, "  علي رضا ", "علی رضا"],
    ["emailField", emailField, " Ali@Example.IR ", "ali@example.ir"],
    ["jalaliDateField", jalaliDateField, "۱۴۰۳-۱-۵", "1403/01/05"],
  ] as const)("%s outputs the normalised value", (_name, schema, input, output) => {
    expect(schema.parse(input)).toBe(output);
  });

  test.each([
    ["nationalIdField", nationalIdField, "1111111111", "کد ملی معتبر نیست."],
    ["legalIdField", legalIdField, "1032086320", "شناسه ملی باید ۱۱ رقم باشد."],
    ["mobileField", mobileField, "", "شماره همراه را وارد کنید."],
    ["landlineField", landlineField, "09121234567", "این شماره همراه است؛ شماره تلفن ثابت را با پیش‌شماره وارد کنید."],
    ["postalCodeField", postalCodeField, "123", "کد پستی باید ۱۰ رقم باشد."],
    ["persianNameField", persianNameField, "علی  رضا", "بین کلمه‌های نام فقط یک فاصله بگذارید."],
    ["emailField", emailField, "a@b", "نشانی ایمیل معتبر نیست (نمونه: name@example.com)."],
    ["jalaliDateField", jalaliDateField, "1404/12/30", "این تاریخ وجود ندارد؛ اسفند ۱۴۰۴ فقط ۲۹ روز دارد."],
  ] as const)("%s reports its Persian message", (_name, schema, input, message) => {
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([message]);
  });

  test("a required field rejects a missing value with a Persian message", () => {
    const result = mobileField.safeParse(undefined);
    expect(result.error?.issues.map((i) => i.message)).toEqual(["این فیلد الزامی است."]);
  });

  test("persianNameFieldFor uses its label", () => {
    const result = persianNameFieldFor("نام پدر").safeParse("Ali");
    expect(result.error?.issues[0]?.message).toBe("نام پدر فقط باید شامل حروف فارسی باشد.");
  });

  const form = z.object({ mobile: optionalField(mobileField), name: persianNameField });

  test.each([
    ["absent", {}, undefined],
    ["empty string", { mobile: "" }, undefined],
    ["whitespace", { mobile: "   " }, undefined],
    ["null (FormData.get)", { mobile: null }, undefined],
    ["a value", { mobile: "۰۹۱۲۱۲۳۴۵۶۷" }, "09121234567"],
  ])("optionalField: %s", (_label, fields, expected) => {
    const result = form.parse({ name: "علی", ...fields });
    expect(result.mobile).toBe(expected);
    expect(result.name).toBe("علی");
  });

  test("optionalField still validates non-empty input", () => {
    const result = form.safeParse({ name: "علی", mobile: "123" });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ["mobile"], message: "شماره همراه معتبر نیست؛ آن را به شکل ۰۹۱۲۱۲۳۴۵۶۷ وارد کنید." }),
    ]);
  });
});

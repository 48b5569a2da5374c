import { renderSms } from "@/lib/notify/templates";
import { codeBinding, openCode, openTemplateData, sealCode, sealTemplateData } from "@/lib/notify/code-seal";

describe("account SMS templates", () => {
  test("the activation code: Persian digits, its validity and the activation page", () => {
    delete process.env.APP_BASE_URL;
    const text = renderSms("activation-code", { code: "042917" });
    expect(text).toContain("۰۴۲۹۱۷");
    expect(text).not.toContain("042917");
    expect(text).toContain("۶۰ دقیقه");
    expect(text.split("\n")).toContain("http://localhost:3000/forgot-password/activate");
  });

  test.each([
    ["password-changed", { via: "change" }],
    ["password-changed", { via: "reset" }],
    ["password-changed", { via: "activation" }],
    ["account-help", { step: "unlocked" }],
    ["account-help", { step: "activation-issued" }],
  ] as const)("%s %j is a Persian notice that says whom to call", (template, data) => {
    const text = renderSms(template, data as never);
    expect(text).toMatch(/[\u0600-\u06FF]{3}/);
    expect(text).toContain("کارشناس منطقه");
    expect(text).not.toMatch(/[0-9]/);
  });
});

describe("sealed codes", () => {
  test("a sealed code opens only with the same binding and is not readable", () => {
    const sealed = sealCode("123456", codeBinding("password-reset", "09121112233"));
    expect(sealed).not.toContain("123456");
    expect(openCode(sealed, codeBinding("password-reset", "09121112233"))).toBe("123456");
    expect(() => openCode(sealed, codeBinding("password-reset", "09120000000"))).toThrow();
    const [v, iv, tag, ct] = sealed.split(".");
    const flipped = Buffer.from(ct!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => openCode([v, iv, tag, flipped.toString("base64url")].join("."), codeBinding("password-reset", "09121112233"))).toThrow();
  });

  test("template data: the code is replaced by its sealed form, other fields kept; opening gives it back", () => {
    const stored = sealTemplateData("one-time-code", "09121112233", { purpose: "FIRST_SIGN_IN", code: "654321" });
    expect(stored).toEqual({ purpose: "FIRST_SIGN_IN", codeSealed: expect.stringMatching(/^v1\./) });
    expect(JSON.stringify(stored)).not.toContain("654321");
    expect(openTemplateData("one-time-code", "09121112233", stored)).toEqual({
      data: { purpose: "FIRST_SIGN_IN", code: "654321" },
      code: "654321",
    });
    expect(sealTemplateData("not-submitted", "0912", { officeCode: "1", roundTitle: "x" })).toEqual({ officeCode: "1", roundTitle: "x" });
  });

  test("the key follows NEXTAUTH_SECRET: a code sealed under another secret does not open", () => {
    const saved = process.env.NEXTAUTH_SECRET;
    process.env.NEXTAUTH_SECRET = "first-secret-for-this-test";
    const sealed = sealCode("111222", "b");
    process.env.NEXTAUTH_SECRET = "second-secret-for-this-test";
    expect(() => openCode(sealed, "b")).toThrow();
    if (saved === undefined) delete process.env.NEXTAUTH_SECRET;
    else process.env.NEXTAUTH_SECRET = saved;
  });
});

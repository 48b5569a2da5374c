import {
  newPasswordIssue,
  persianDictionaries,
  persianToLatinKeys,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from "@/lib/auth/password-policy";

const NID = "0012345679";
const OWNER = { nationalId: NID, mobile: "09121112233", names: ["زهرا", "کاظمی"] };
const GUESSABLE = /^رمز عبور به آسانی حدس زده می‌شود: [\u0600-\u06FF]/;

describe("newPasswordIssue", () => {
  test("limits are 12 and 128 characters", () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect(PASSWORD_MAX_LENGTH).toBe(128);
  });

  test.each([
    "a-brand-new-secret-42",
    "a long pass phrase",
    "رمز عبور قوی من",
    "Golnar-Sib-Kuh-1405",
    "تیر کمان ماهی سبز",
    "Abcdef-123456",
  ])("%j is accepted", (password) => {
    expect(newPasswordIssue(password, OWNER)).toBeNull();
  });

  test("the passwords accepted before this policy are refused", () => {
    for (const weak of ["1234567890", "qwertyuiop", "Password123", "abcdefghij"]) {
      expect(newPasswordIssue(weak, OWNER)).toBe("رمز عبور باید دست‌کم ۱۲ نویسه باشد.");
    }
    // …and their 12-character versions are refused as guessable, with Persian feedback.
    for (const weak of ["123456789012", "qwertyuiop12", "Password1234!", "abcdefghijkl", "zxcvbnmasdfg", "987654321098"]) {
      expect(newPasswordIssue(weak, OWNER)).toMatch(GUESSABLE);
    }
  });

  test("11 characters are too short, with the minimum in Persian digits; 128 the most", () => {
    expect(newPasswordIssue("Abcdef-1234", NID)).toBe("رمز عبور باید دست‌کم ۱۲ نویسه باشد.");
    expect(newPasswordIssue("", NID)).toBe("رمز عبور باید دست‌کم ۱۲ نویسه باشد.");
    expect(newPasswordIssue("Tv7#q".repeat(25) + "x9Z", NID)).toBeNull();
    expect(newPasswordIssue("ab".repeat(64) + "c", NID)).toBe("رمز عبور نباید بیش از ۱۲۸ نویسه باشد.");
    expect(newPasswordIssue("a".repeat(5000) + "b", NID)).toBe("رمز عبور نباید بیش از ۱۲۸ نویسه باشد.");
  });

  test.each([`Cra@${NID}`, `${NID}!!zebra`, `my-${NID}-pass`, "x-0012-345-679-y-horse", `zebra-${"9765432100"}`, "۰۰۱۲۳۴۵۶۷۹-zebra-owl"])(
    "%j contains the national ID (as typed, with separators, backwards or in Persian digits) and is refused",
    (password) => {
      expect(newPasswordIssue(password, OWNER)).toBe("رمز عبور نباید کد ملی شما را در خود داشته باشد.");
    },
  );

  test.each(["09121112233-zebra", "zebra+98-912-111-2233", "owl-3322111219-cat"])("%j contains the mobile and is refused", (password) => {
    expect(newPasswordIssue(password, OWNER)).toBe("رمز عبور نباید شماره همراه شما را در خود داشته باشد.");
  });

  test("another person's national ID is not refused for that reason", () => {
    expect(newPasswordIssue(`Cra@${NID}-horse-battery`, "0023456787")).toBeNull();
  });

  test.each(["aaaaaaaaaaaa", "111111111111", "............", "ببببببببببببب"])("one repeated character %j is refused", (password) => {
    expect(newPasswordIssue(password, NID)).toBe("رمز عبور نباید از یک نویسه تکراری ساخته شده باشد.");
  });

  test("the Persian keyboard: letter rows typed in the Persian layout, and Persian words typed in the Latin one", () => {
    expect(persianToLatinKeys("ضصثقفغعهخحجچ")).toBe("qwertyuiop[]");
    expect(persianToLatinKeys("سلام")).toBe("sghl");
    for (const weak of [
      "ضصثقفغعهخحجچ",
      "شسیبلاتنمکگ۱",
      "ظطزرذدپو۱۲۳۴",
      "sghl12345678",
      "hdvhk1234567",
      "سلام۱۲۳۴۵۶۷۸",
      "mohammad1370",
      "tehran@1234567",
    ]) {
      expect(newPasswordIssue(weak, OWNER)).toMatch(GUESSABLE);
    }
    const d = persianDictionaries();
    expect(d["persian-words-keys"]).toContain("hdvhk"); // ایران
    expect(d["persian-words-latin"]).toContain("pishkhan");
  });

  test("the owner's names count as guessable, in either script", () => {
    expect(newPasswordIssue("کاظمی۱۲۳۴۵۶۷", OWNER)).toMatch(GUESSABLE);
  });

  test("every message is Persian", () => {
    for (const bad of ["short", "a".repeat(200), `x${NID}x`, "cccccccccccc", "password1234"]) {
      expect(newPasswordIssue(bad, NID)).toMatch(/^رمز عبور/);
    }
  });
});

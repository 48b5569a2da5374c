import { newPasswordIssue, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";

const NID = "0012345679";

describe("newPasswordIssue", () => {
  test("limits are 10 and 128 characters", () => {
    expect(PASSWORD_MIN_LENGTH).toBe(10);
    expect(PASSWORD_MAX_LENGTH).toBe(128);
  });

  test.each(["Abcdef-123", "a long pass phrase", "رمز عبور قوی من", "x".repeat(9) + "y", "z".repeat(127) + "!"])(
    "%j is accepted",
    (password) => {
      expect(newPasswordIssue(password, NID)).toBeNull();
    },
  );

  test("9 characters are too short, with the minimum in Persian digits", () => {
    expect(newPasswordIssue("Abcdef-12", NID)).toBe("رمز عبور باید دست‌کم ۱۰ نویسه باشد.");
    expect(newPasswordIssue("", NID)).toBe("رمز عبور باید دست‌کم ۱۰ نویسه باشد.");
  });

  test("10 characters are enough, 128 the most", () => {
    expect(newPasswordIssue("Abcdef-123", NID)).toBeNull();
    expect(newPasswordIssue("ab".repeat(64), NID)).toBeNull();
    expect(newPasswordIssue("ab".repeat(64) + "c", NID)).toBe("رمز عبور نباید بیش از ۱۲۸ نویسه باشد.");
    expect(newPasswordIssue("a".repeat(5000) + "b", NID)).toBe("رمز عبور نباید بیش از ۱۲۸ نویسه باشد.");
  });

  test.each([NID, `Cra@${NID}`, `${NID}!`, `my-${NID}-pass`])("%j contains the national ID and is refused", (password) => {
    expect(newPasswordIssue(password, NID)).toBe("رمز عبور نباید کد ملی شما را در خود داشته باشد.");
  });

  test("another person's national ID is not refused for that reason", () => {
    expect(newPasswordIssue(`Cra@${NID}`, "0023456787")).toBeNull();
  });

  test.each(["aaaaaaaaaa", "1111111111", "..........", "ببببببببببببب"])("one repeated character %j is refused", (password) => {
    expect(newPasswordIssue(password, NID)).toBe("رمز عبور نباید از یک نویسه تکراری ساخته شده باشد.");
  });

  test("every message is Persian", () => {
    for (const bad of ["short", "a".repeat(200), `x${NID}x`, "cccccccccc"]) {
      expect(newPasswordIssue(bad, NID)).toMatch(/^رمز عبور/);
    }
  });
});

import { safeCallbackPath } from "@/lib/auth/safe-callback";

describe("safeCallbackPath: only a path of this site", () => {
  test.each([
    ["/\\example.org"],
    ["/\texample.org"],
    ["/\t/example.org"],
    ["/%09/example.org"],
    ["/\\\\example.org/phish"],
    ["/%5C%5Cexample.org/phish"],
    ["//evil.example"],
    ["https://evil.example"],
    ["https:evil.example"],
    ["javascript:alert(1)"],
    ["JaVaScRiPt:alert(1)"],
    ["/\nexample.org"],
    ["/\u2028/example.org"],
    ["data:text/html,x"],
    ["evil.example"],
    ["%2F%2Fevil.example"],
    ["/%"],
    [""],
    [undefined],
    [["/a"]],
  ])("%p → /", (value) => {
    expect(safeCallbackPath(value)).toBe("/");
  });

  test.each([
    ["/", "/"],
    ["/declarations/abc?step=3#top", "/declarations/abc?step=3#top"],
    ["/review/x/../y", "/review/y"],
    ["/search?q=%D8%B3%D9%84%D8%A7%D9%85", "/search?q=%D8%B3%D9%84%D8%A7%D9%85"],
  ])("%p stays %p", (value, expected) => {
    expect(safeCallbackPath(value)).toBe(expected);
  });

  test("resolved against any origin, the result never leaves it", () => {
    for (const v of ["/\\example.org", "/%09/example.org", "/\\\\example.org/phish", "/ok"]) {
      const target = new URL(safeCallbackPath(v), "https://rank.example.ir");
      expect(target.origin).toBe("https://rank.example.ir");
    }
  });
});

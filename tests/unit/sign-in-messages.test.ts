import { encodeSignInFailure, signInMessage } from "@/lib/auth/sign-in-messages";
import { REGIONS } from "@/lib/geo/regions";
import { formatJalaliDateTime } from "@/lib/format/jalali";

const GENERIC = "کد ملی یا رمز عبور نادرست است.";

describe("encodeSignInFailure → signInMessage", () => {
  test("a wrong password gives the generic wrong-credentials text", () => {
    const encoded = encodeSignInFailure({ ok: false, code: "INVALID" });
    expect(encoded).toBe("INVALID");
    expect(signInMessage(encoded)).toEqual({ text: GENERIC });
  });

  test("a locked account names the time it opens again, in Persian digits", () => {
    const until = new Date("2026-03-01T10:20:00Z");
    const encoded = encodeSignInFailure({ ok: false, code: "LOCKED", until });
    expect(encoded).toBe(`LOCKED:${until.getTime()}`);
    const { text } = signInMessage(encoded);
    expect(text).toContain("ناموفق");
    expect(text).toContain(formatJalaliDateTime(until));
    expect(text).not.toMatch(/[0-9]/);
  });

  test("LOCKED without a usable time still explains the lock", () => {
    const { text } = signInMessage("LOCKED:abc");
    expect(text).toContain("ناموفق");
    expect(text).not.toContain(" تا ");
  });

  test("an IP limit and a deactivated account have their own messages", () => {
    const ip = signInMessage(encodeSignInFailure({ ok: false, code: "IP_LIMITED" })).text;
    const inactive = signInMessage(encodeSignInFailure({ ok: false, code: "INACTIVE" })).text;
    expect(ip).toContain("نشانی اینترنتی");
    expect(inactive).toContain("غیرفعال");
    expect(new Set([ip, inactive, GENERIC]).size).toBe(3);
  });

  test.each(REGIONS.map((r) => [r.id, r.name, r.phone] as const))(
    "an expired licence in region %i names region «%s» and gives its phone %s",
    (regionId, name, phone) => {
      const encoded = encodeSignInFailure({ ok: false, code: "LICENCE", licence: "EXPIRED", regionId });
      const message = signInMessage(encoded);
      expect(message.regionName).toBe(name);
      expect(message.regionPhone).toBe(phone);
      expect(message.text).toContain(`منطقه ${name}`);
      expect(message.text).toContain("منقضی");
    },
  );

  test("the licence reason follows the licence status", () => {
    const incomplete = signInMessage(encodeSignInFailure({ ok: false, code: "LICENCE", licence: "INCOMPLETE", regionId: 2 }));
    const missing = signInMessage(encodeSignInFailure({ ok: false, code: "LICENCE", licence: "MISSING", regionId: 2 }));
    expect(incomplete.text).toContain("ناقص");
    expect(missing.text).toContain("پروانه معتبری ثبت نشده");
    expect(incomplete.regionPhone).toBe(REGIONS.find((r) => r.id === 2)!.phone);
  });

  test("a licence failure without a (known) region asks to call 'your region', with no phone", () => {
    for (const encoded of [encodeSignInFailure({ ok: false, code: "LICENCE", licence: "EXPIRED", regionId: null }), "LICENCE:EXPIRED:99"]) {
      const message = signInMessage(encoded);
      expect(message.text).toContain("منطقه خود");
      expect(message.regionName).toBeUndefined();
      expect(message.regionPhone).toBeUndefined();
    }
  });

  test("an expired session has its own message", () => {
    expect(signInMessage("SessionRequired").text).toContain("نشست");
    expect(signInMessage("SESSION_EXPIRED").text).toContain("نشست");
  });

  test.each([[undefined], [null], [""], ["CredentialsSignin"], ["<script>alert(1)</script>"], ["invalid"], ["LICENCE_X:EXPIRED:1"]])(
    "unknown code %j gives the generic wrong-credentials text",
    (error) => {
      expect(signInMessage(error)).toEqual({ text: GENERIC });
    },
  );
});

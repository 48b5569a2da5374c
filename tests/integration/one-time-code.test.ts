import { checkCode, issueCode, maskMobile, MAX_CODE_GUESSES, ResendTooSoonError } from "@/lib/auth/one-time-code";
import { seedDemoData } from "@/prisma/demo-data";
import { setupTestDatabase } from "../helpers/test-database";
import { createHolder } from "../helpers/fixtures";

const t = setupTestDatabase();
const SECOND = 1000;

beforeAll(async () => {
  await seedDemoData(t.db);
});

test("only a hash is stored; a right code works once, even twice at once", async () => {
  const h = await createHolder(t.db, { password: "a-holder-secret" });
  const now = new Date();
  const { code } = await t.db.$transaction((tx) =>
    issueCode(tx, { userId: h.user.id, purpose: "FIRST_SIGN_IN", sentTo: "09121234567", now }),
  );
  const row = await t.db.oneTimeCode.findFirstOrThrow({ where: { userId: h.user.id } });
  expect(row.codeHash).not.toContain(code);
  expect(row.sentTo).toBe("0912••••567");
  const both = await Promise.all([1, 2].map(() => checkCode(t.db, { userId: h.user.id, purpose: "FIRST_SIGN_IN", code, now })));
  expect(both.filter((r) => r.ok)).toHaveLength(1);
});

test("five guesses, then even the right code fails; parallel guesses cannot exceed five", async () => {
  const h = await createHolder(t.db, { password: "a-holder-secret" });
  const now = new Date();
  const { code } = await t.db.$transaction((tx) => issueCode(tx, { userId: h.user.id, purpose: "FIRST_SIGN_IN", sentTo: null, now }));
  const wrong = code === "000000" ? "111111" : "000000";
  await Promise.all(Array.from({ length: 20 }, () => checkCode(t.db, { userId: h.user.id, purpose: "FIRST_SIGN_IN", code: wrong, now })));
  expect((await t.db.oneTimeCode.findFirstOrThrow({ where: { userId: h.user.id } })).attempts).toBe(MAX_CODE_GUESSES);
  expect(await checkCode(t.db, { userId: h.user.id, purpose: "FIRST_SIGN_IN", code, now })).toEqual({ ok: false });
});

test("a new code at most every 60 seconds; it retires the old one; codes expire after 10 minutes", async () => {
  const h = await createHolder(t.db, { password: "a-holder-secret" });
  const now = new Date();
  const first = await t.db.$transaction((tx) => issueCode(tx, { userId: h.user.id, purpose: "MOBILE_CONFIRM", sentTo: null, now }));
  await expect(
    t.db.$transaction((tx) =>
      issueCode(tx, { userId: h.user.id, purpose: "MOBILE_CONFIRM", sentTo: null, now: new Date(now.getTime() + 30 * SECOND) }),
    ),
  ).rejects.toBeInstanceOf(ResendTooSoonError);
  const later = new Date(now.getTime() + 61 * SECOND);
  const second = await t.db.$transaction((tx) => issueCode(tx, { userId: h.user.id, purpose: "MOBILE_CONFIRM", sentTo: null, now: later }));
  expect(await checkCode(t.db, { userId: h.user.id, purpose: "MOBILE_CONFIRM", code: first.code, now: later })).toEqual({ ok: false });
  expect(
    await checkCode(t.db, {
      userId: h.user.id,
      purpose: "MOBILE_CONFIRM",
      code: second.code,
      now: new Date(later.getTime() + 11 * 60 * SECOND),
    }),
  ).toEqual({ ok: false });
});

test("masking keeps the first four and last three digits", () => {
  expect(maskMobile("09121234567")).toBe("0912••••567");
});

import { bumpCounter, counterValue, resetCounter } from "@/lib/rate-counter";
import { setupTestDatabase } from "../helpers/test-database";

const t = setupTestDatabase();
const WINDOW = 15 * 60 * 1000;

test("parallel bumps each see a distinct count: none can slip under a limit", async () => {
  const now = new Date("2027-01-01T10:01:00Z");
  const counts = await Promise.all(Array.from({ length: 40 }, () => bumpCounter(t.db, "signin-ip:203.0.113.9", WINDOW, now)));
  expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  expect(await counterValue(t.db, "signin-ip:203.0.113.9", WINDOW, now)).toBe(40);
});

test("a new window starts from zero; a reset forgets the current window only", async () => {
  const now = new Date("2027-01-01T10:01:00Z");
  await bumpCounter(t.db, "k", WINDOW, now);
  expect(await counterValue(t.db, "k", WINDOW, new Date(now.getTime() + WINDOW))).toBe(0);
  await resetCounter(t.db, "k", WINDOW, now);
  expect(await counterValue(t.db, "k", WINDOW, now)).toBe(0);
});

import { deadlineAfter, isDueWithin, tehranDayKey } from "@/lib/workflow/deadlines";
import { availableTransitions, canTransition, transitionTarget, IllegalTransitionError, TRANSITIONS } from "@/lib/workflow/transitions";

// Tehran is UTC+03:30 (no daylight saving since 2022).
const tehran = (iso: string) => new Date(`${iso}+03:30`);

describe("deadlines in Tehran", () => {
  test("20 calendar days from an afternoon end at the start of the 21st day, Tehran time", () => {
    expect(deadlineAfter(tehran("2026-11-23T16:00:00"), 20).toISOString()).toBe(tehran("2026-12-14T00:00:00").toISOString());
  });

  test("the Tehran calendar day counts, not UTC's: 23:50 on the 23rd is still the 23rd", () => {
    // 23:50 Tehran is 20:20 UTC on the same date; 00:10 Tehran on the 24th is still the 23rd in UTC.
    expect(deadlineAfter(tehran("2026-11-23T23:50:00"), 1).toISOString()).toBe(tehran("2026-11-25T00:00:00").toISOString());
    expect(deadlineAfter(tehran("2026-11-24T00:10:00"), 1).toISOString()).toBe(tehran("2026-11-26T00:00:00").toISOString());
    expect(tehranDayKey(tehran("2026-11-24T00:10:00"))).toBe("2026-11-24");
  });

  test("working days skip Fridays and the holiday table", () => {
    // Thu 2026-11-26 + 1 working day: Fri 27th skipped → Sat 28th; deadline the start of Sun 29th.
    expect(deadlineAfter(tehran("2026-11-26T10:00:00"), 1, "WORKING").toISOString()).toBe(tehran("2026-11-29T00:00:00").toISOString());
    // Saturday the 28th a holiday as well → Sunday the 29th.
    expect(deadlineAfter(tehran("2026-11-26T10:00:00"), 1, "WORKING", new Set(["2026-11-28"])).toISOString()).toBe(
      tehran("2026-11-30T00:00:00").toISOString(),
    );
    // 5 working days from Wed 25th: Thu 26, (Fri 27 skipped), Sat 28, Sun 29, Mon 30, Tue 1 Dec → due at the start of Wed 2 Dec.
    expect(deadlineAfter(tehran("2026-11-25T09:00:00"), 5, "WORKING").toISOString()).toBe(tehran("2026-12-02T00:00:00").toISOString());
  });

  test("zero days ends at the end of the same Tehran day; negative or fractional days are refused", () => {
    expect(deadlineAfter(tehran("2026-11-23T09:00:00"), 0).toISOString()).toBe(tehran("2026-11-24T00:00:00").toISOString());
    expect(() => deadlineAfter(new Date(), -1)).toThrow(RangeError);
    expect(() => deadlineAfter(new Date(), 1.5)).toThrow(RangeError);
  });

  test("due within 3 days: only future deadlines at most 3 days away", () => {
    const now = tehran("2026-11-23T12:00:00");
    expect(isDueWithin(tehran("2026-11-26T11:59:00"), now, 3)).toBe(true);
    expect(isDueWithin(tehran("2026-11-26T12:01:00"), now, 3)).toBe(false);
    expect(isDueWithin(tehran("2026-11-23T11:00:00"), now, 3)).toBe(false);
  });
});

describe("the transition table", () => {
  test("every transition has a source, a different target and actors", () => {
    for (const [name, t] of Object.entries(TRANSITIONS)) {
      expect({ name, from: t.from.length > 0, actors: t.actors.length > 0, loops: t.from.includes(t.to) }).toEqual({
        name,
        from: true,
        actors: true,
        loops: false,
      });
    }
  });

  test("a holder cannot decide for the region, an expert cannot submit or object, only the system expires", () => {
    expect(canTransition("approve", "IN_REVIEW", "HOLDER")).toBe(false);
    expect(canTransition("approve", "IN_REVIEW", "EXPERT")).toBe(true);
    expect(canTransition("submit", "DRAFT", "EXPERT")).toBe(false);
    expect(canTransition("object", "APPROVED", "EXPERT")).toBe(false);
    expect(canTransition("expire_correction", "RETURNED", "EXPERT")).toBe(false);
    expect(() => transitionTarget("approve", "SUBMITTED", "EXPERT")).toThrow(IllegalTransitionError);
    expect(availableTransitions("IN_REVIEW", "EXPERT").sort()).toEqual(["approve", "return_for_correction"]);
    expect(availableTransitions("FINAL", "EXPERT")).toEqual([]);
    expect(availableTransitions("FINAL", "SYSTEM")).toEqual([]);
  });
});

import { correctionAccess, correctionDue } from "@/lib/declaration/correction-access";
import { isWindowOpen } from "@/lib/rounds/window";

const at = (iso: string) => new Date(iso);
const due = at("2027-01-10T20:30:00Z");

describe("isWindowOpen", () => {
  const round = { windowOpensAt: at("2027-01-01T20:30:00Z"), windowClosesAt: at("2027-01-21T20:30:00Z") };
  test.each([
    ["a minute before it opens", "2027-01-01T20:29:00Z", false],
    ["the instant it opens", "2027-01-01T20:30:00Z", true],
    ["a minute before it closes", "2027-01-21T20:29:00Z", true],
    ["the instant it closes", "2027-01-21T20:30:00Z", false],
  ])("%s → %s", (_what, now, open) => {
    expect(isWindowOpen(round, at(now))).toBe(open);
  });
});

describe("correctionAccess", () => {
  const flags = [
    { section: "3", field: "floorArea", dueAt: due },
    { section: "3", field: "staffCount", dueAt: at("2027-01-12T20:30:00Z") },
    { section: "5", field: null, dueAt: due },
  ];
  const before = at("2027-01-09T00:00:00Z");

  test("the deadline is the earliest request's", () => {
    expect(correctionDue(flags)).toEqual(due);
    expect(correctionDue([])).toBeNull();
  });
  test("flagged fields of a step open; a whole-step flag opens the step", () => {
    expect(correctionAccess(flags, 3, {}, before)).toEqual({ open: true, fields: ["floorArea", "staffCount"], dueAt: due });
    expect(correctionAccess(flags, 5, {}, before)).toEqual({ open: true, fields: null, dueAt: due });
  });
  test("an unflagged step stays closed, except step 8 when its table must be confirmed again", () => {
    expect(correctionAccess(flags, 2, {}, before)).toEqual({ open: false, reason: "not_flagged", dueAt: due });
    expect(correctionAccess(flags, 8, { "8": "COMPLETE" }, before)).toMatchObject({ open: false, reason: "not_flagged" });
    expect(correctionAccess(flags, 8, { "8": "IN_PROGRESS" }, before)).toEqual({ open: true, fields: null, dueAt: due });
  });
  test("after the deadline nothing opens", () => {
    expect(correctionAccess(flags, 3, {}, due)).toEqual({ open: false, reason: "deadline_passed", dueAt: due });
    expect(correctionAccess(flags, 8, { "8": "IN_PROGRESS" }, due)).toMatchObject({ open: false, reason: "deadline_passed" });
  });
});

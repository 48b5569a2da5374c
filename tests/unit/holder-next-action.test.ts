// The holder's home: the deadline that matters now and the one right action of a file, for
// every status (lib/declaration/holder-files.ts nextActionOf).
import { ACTION_LABEL, nextActionOf, type FileFacts } from "@/lib/declaration/holder-files";
import type { DeclarationStatus } from "@/lib/generated/prisma/enums";

const at = (iso: string) => new Date(iso);
const opens = at("2027-01-01T20:30:00Z");
const closes = at("2027-01-21T20:30:00Z");
const inWindow = at("2027-01-10T08:00:00Z");
const afterWindow = at("2027-02-10T08:00:00Z");

const file = (status: DeclarationStatus, more: Partial<FileFacts> = {}): FileFacts => ({
  id: "d1",
  status,
  round: { status: "OPEN", windowOpensAt: opens, windowClosesAt: closes },
  dueAt: null,
  objectionClosesAt: null,
  ...more,
});

describe("DRAFT", () => {
  test("in an open window: continue, the window's end with a countdown", () => {
    expect(nextActionOf(file("DRAFT"), inWindow)).toEqual({
      action: { kind: "continue", label: "ادامه ثبت خوداظهاری", href: "/declarations/d1" },
      deadline: { kind: "window", label: "مهلت ثبت خوداظهاری", at: closes, countdown: true },
      underReview: false,
    });
  });

  test("the window has closed: view, the window's end without a countdown", () => {
    const s = nextActionOf(file("DRAFT"), afterWindow);
    expect(s.action.kind).toBe("view");
    expect(s.action.label).toBe("مشاهده پرونده");
    expect(s.deadline).toEqual({ kind: "window", label: "مهلت ثبت خوداظهاری", at: closes, countdown: false });
  });

  test("the instant the window closes counts as closed", () => {
    expect(nextActionOf(file("DRAFT"), closes).action.kind).toBe("view");
  });

  test("a round closed early (status CLOSED) inside its dates: view", () => {
    const s = nextActionOf(file("DRAFT", { round: { status: "CLOSED", windowOpensAt: opens, windowClosesAt: closes } }), inWindow);
    expect(s.action.kind).toBe("view");
    expect(s.deadline?.countdown).toBe(false);
  });
});

describe("RETURNED", () => {
  const dueAt = at("2027-02-05T20:30:00Z");
  test("before the correction deadline: correct and resubmit, the correction deadline with a countdown", () => {
    expect(nextActionOf(file("RETURNED", { dueAt }), at("2027-02-01T08:00:00Z"))).toEqual({
      action: { kind: "correct", label: "اصلاح و ارسال دوباره", href: "/declarations/d1" },
      deadline: { kind: "correction", label: "مهلت اصلاح", at: dueAt, countdown: true },
      underReview: false,
    });
  });

  test("the correction deadline has passed: view, the deadline without a countdown", () => {
    const s = nextActionOf(file("RETURNED", { dueAt }), dueAt);
    expect(s.action.kind).toBe("view");
    expect(s.deadline).toEqual({ kind: "correction", label: "مهلت اصلاح", at: dueAt, countdown: false });
  });

  test("no recorded deadline: the correction stays open, nothing to count down", () => {
    const s = nextActionOf(file("RETURNED"), afterWindow);
    expect(s.action.kind).toBe("correct");
    expect(s.deadline).toBeNull();
  });
});

describe("APPROVED", () => {
  const objectionClosesAt = at("2027-03-01T20:30:00Z");
  test("inside the objection window: see the result and object, the window's end (no countdown)", () => {
    expect(nextActionOf(file("APPROVED", { objectionClosesAt }), at("2027-02-25T08:00:00Z"))).toEqual({
      action: { kind: "object", label: "مشاهده نتیجه و ثبت اعتراض", href: "/declarations/d1" },
      deadline: { kind: "objection", label: "مهلت ثبت اعتراض", at: objectionClosesAt, countdown: false },
      underReview: false,
    });
  });

  test("after the objection window: view", () => {
    const s = nextActionOf(file("APPROVED", { objectionClosesAt }), objectionClosesAt);
    expect(s.action.kind).toBe("view");
    expect(s.deadline?.kind).toBe("objection");
  });

  test("no objection window known (no approval time): view, no deadline", () => {
    const s = nextActionOf(file("APPROVED"), afterWindow);
    expect(s.action.kind).toBe("view");
    expect(s.deadline).toBeNull();
  });
});

describe.each(["SUBMITTED", "IN_REVIEW", "RESUBMITTED", "OBJECTED"] as const)("%s (with the region)", (status) => {
  test.each([inWindow, afterWindow])("view, no deadline, under review (now %p)", (now) => {
    // Whatever dueAt says (the region's own deadline), the holder has nothing to count down.
    expect(nextActionOf(file(status, { dueAt: at("2027-02-05T20:30:00Z") }), now)).toEqual({
      action: { kind: "view", label: "مشاهده پرونده", href: "/declarations/d1" },
      deadline: null,
      underReview: true,
    });
  });
});

describe.each(["OBJECTION_DECIDED", "FINAL", "NOT_SUBMITTED"] as const)("%s (decided)", (status) => {
  test("view, no deadline, not under review", () => {
    expect(nextActionOf(file(status), inWindow)).toEqual({
      action: { kind: "view", label: "مشاهده پرونده", href: "/declarations/d1" },
      deadline: null,
      underReview: false,
    });
  });
});

test("every action has its Persian label", () => {
  expect(ACTION_LABEL).toEqual({
    continue: "ادامه ثبت خوداظهاری",
    correct: "اصلاح و ارسال دوباره",
    object: "مشاهده نتیجه و ثبت اعتراض",
    view: "مشاهده پرونده",
  });
});

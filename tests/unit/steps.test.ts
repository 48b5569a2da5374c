import { STEPS, STEP_STATE_LABEL, initialStepStatus, progressPercent, stepStates, type StepStatusMap } from "@/lib/declaration/steps";

const all = (status: "NOT_STARTED" | "IN_PROGRESS" | "COMPLETE" | "NOT_NEEDED"): StepStatusMap =>
  Object.fromEntries(STEPS.map((s) => [String(s.number), status]));

describe("STEPS", () => {
  test("nine steps numbered 1..9 in order, each with a Persian title", () => {
    expect(STEPS.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(STEPS.every((s) => /[\u0600-\u06FF]/.test(s.title))).toBe(true);
    expect(STEPS[3]).toMatchObject({ number: 4, key: "legal" });
  });
});

describe("initialStepStatus", () => {
  test("a real person: step 4 is not needed, the eight others not started", () => {
    const s = initialStepStatus("REAL");
    expect(s).toEqual({ ...all("NOT_STARTED"), "4": "NOT_NEEDED" });
  });

  test("a legal person: all nine steps not started", () => {
    expect(initialStepStatus("LEGAL")).toEqual(all("NOT_STARTED"));
  });
});

describe("stepStates", () => {
  test("a fresh real-person file: step 1 open, step 4 not needed, every other later step locked", () => {
    const states = stepStates(initialStepStatus("REAL")).map((s) => s.state);
    expect(states).toEqual(["NOT_STARTED", "LOCKED", "LOCKED", "NOT_NEEDED", "LOCKED", "LOCKED", "LOCKED", "LOCKED", "LOCKED"]);
  });

  test("a step opens only when every earlier step is complete", () => {
    const stored: StepStatusMap = { ...initialStepStatus("LEGAL"), "1": "COMPLETE", "2": "IN_PROGRESS" };
    const states = stepStates(stored).map((s) => s.state);
    expect(states.slice(0, 3)).toEqual(["COMPLETE", "IN_PROGRESS", "LOCKED"]);
    expect(states.slice(3)).toEqual(Array(6).fill("LOCKED"));
  });

  test("a not-needed step does not block the steps after it", () => {
    const stored: StepStatusMap = { ...initialStepStatus("REAL"), "1": "COMPLETE", "2": "COMPLETE", "3": "COMPLETE" };
    const states = stepStates(stored).map((s) => s.state);
    expect(states.slice(0, 6)).toEqual(["COMPLETE", "COMPLETE", "COMPLETE", "NOT_NEEDED", "NOT_STARTED", "LOCKED"]);
  });

  test("a step saved out of order is still shown locked while an earlier step is incomplete", () => {
    // e.g. a crafted request stored step 6 although step 2 is not done
    const stored: StepStatusMap = { ...initialStepStatus("LEGAL"), "1": "COMPLETE", "6": "COMPLETE" };
    const states = stepStates(stored);
    expect(states.find((s) => s.number === 6)!.state).toBe("LOCKED");
    expect(states.find((s) => s.number === 2)!.state).toBe("NOT_STARTED");
  });

  test("missing entries count as not started (and lock the steps after them)", () => {
    const states = stepStates({ "1": "COMPLETE" }).map((s) => s.state);
    expect(states[1]).toBe("NOT_STARTED");
    expect(states.slice(2)).toEqual(Array(7).fill("LOCKED"));
  });

  test("every step complete: all shown complete", () => {
    expect(stepStates(all("COMPLETE")).every((s) => s.state === "COMPLETE")).toBe(true);
  });

  test("each state has a Persian label, and each row carries its step's key and title", () => {
    const states = stepStates(initialStepStatus("LEGAL"));
    expect(states.map((s) => s.key)).toEqual(STEPS.map((s) => s.key));
    expect(states.map((s) => s.title)).toEqual(STEPS.map((s) => s.title));
    for (const s of states) expect(STEP_STATE_LABEL[s.state]).toMatch(/[\u0600-\u06FF]/);
  });
});

describe("progressPercent", () => {
  test("nothing done is 0%, everything done is 100%", () => {
    expect(progressPercent(initialStepStatus("LEGAL"))).toBe(0);
    expect(progressPercent(initialStepStatus("REAL"))).toBe(0);
    expect(progressPercent(all("COMPLETE"))).toBe(100);
  });

  test("a real person's not-needed step 4 is left out of the count", () => {
    const real: StepStatusMap = { ...all("COMPLETE"), "4": "NOT_NEEDED" };
    expect(progressPercent(real)).toBe(100);
    // 4 of 8 needed steps
    const half: StepStatusMap = { ...initialStepStatus("REAL"), "1": "COMPLETE", "2": "COMPLETE", "3": "COMPLETE", "5": "COMPLETE" };
    expect(progressPercent(half)).toBe(50);
  });

  test("only complete steps count, rounded to a whole percent", () => {
    // 1 of 9 = 11.1% → 11; 2 of 9 = 22.2% → 22; 5 of 9 = 55.6% → 56
    const done = (n: number): StepStatusMap => ({
      ...initialStepStatus("LEGAL"),
      ...Object.fromEntries(Array.from({ length: n }, (_, i) => [String(i + 1), "COMPLETE"])),
    });
    expect(progressPercent(done(1))).toBe(11);
    expect(progressPercent(done(2))).toBe(22);
    expect(progressPercent(done(5))).toBe(56);
    expect(progressPercent({ ...initialStepStatus("LEGAL"), "1": "IN_PROGRESS" })).toBe(0);
  });
});

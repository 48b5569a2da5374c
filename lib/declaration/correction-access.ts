// What a holder may change in a file the region returned for correction. Pure: the wizard's
// services refuse what it closes (editable.ts) and the step pages show what it opens.
import type { StepStatusMap } from "@/lib/declaration/steps";

/** An open correction request: a whole step (field null) or one field of it, and the deadline. */
export type OpenCorrection = { section: string; field: string | null; dueAt: Date };

export type CorrectionAccess =
  /** The deadline has passed: nothing opens any more; the region decides on what it has. */
  | { open: false; reason: "deadline_passed"; dueAt: Date | null }
  /** The region flagged nothing in this step (and step 8 needs no new confirmation). */
  | { open: false; reason: "not_flagged"; dueAt: Date | null }
  /** Open until `dueAt`: `fields` of the step, or the whole step when null. */
  | { open: true; fields: string[] | null; dueAt: Date | null };

/** The correction deadline: the earliest of the open requests' (they are created together). */
export function correctionDue(open: readonly OpenCorrection[]): Date | null {
  return open.reduce<Date | null>((min, c) => (min === null || c.dueAt < min ? c.dueAt : min), null);
}

/**
 * Step `step` of a returned file: open only where the region flagged it and until the
 * correction deadline. Step 8 also opens when a correction elsewhere changed the positive
 * points it had confirmed (its status fell back from COMPLETE), so the holder confirms again.
 */
export function correctionAccess(open: readonly OpenCorrection[], step: number, stepStatus: StepStatusMap, now: Date): CorrectionAccess {
  const dueAt = correctionDue(open);
  if (dueAt !== null && now >= dueAt) return { open: false, reason: "deadline_passed", dueAt };
  const flagged = open.filter((c) => c.section === String(step));
  const reconfirm = step === 8 && stepStatus["8"] !== "COMPLETE";
  if (flagged.length === 0 && !reconfirm) return { open: false, reason: "not_flagged", dueAt };
  const whole = flagged.length === 0 || flagged.some((c) => c.field === null);
  return { open: true, fields: whole ? null : flagged.map((c) => c.field!), dueAt };
}

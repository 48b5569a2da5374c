import "server-only";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { AppError, NotFoundError } from "@/lib/errors/app-error";

// A refused access ("not found" from a guard, or a REFUSED decision) of a signed-in caller,
// recorded by the two frames (defineAction, routeHandler) after the refusal: outside the
// transaction that failed (it rolled back), one INSERT, and never allowed to change the answer
// the caller gets — a failure to record is logged and swallowed.

const ID_KEY = /^[A-Za-z]*Ids?$/;
const TARGET_OF: [string, string][] = [
  ["declarationId", "Declaration"],
  ["documentId", "Document"],
  ["jobId", "Job"],
  ["roundId", "Round"],
  ["ruleSetId", "RuleSet"],
  ["userId", "User"],
];

/** The record ids in an input (top level: declarationId, documentId, jobId, roundId …), short strings only. */
export function idsOf(input: unknown): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (!input || typeof input !== "object") return out;
  for (const [k, v] of Object.entries(input as Record<string, unknown>)) {
    if (!ID_KEY.test(k)) continue;
    if (typeof v === "string" && v.length > 0 && v.length <= 64) out[k] = v;
    else if (Array.isArray(v)) {
      const ids = v.filter((x): x is string => typeof x === "string" && x.length > 0 && x.length <= 64).slice(0, 50);
      if (ids.length > 0) out[k] = ids;
    }
  }
  return out;
}

export function isRecordedRefusal(e: unknown): e is AppError {
  return e instanceof AppError && (e.code === "NOT_FOUND" || e.code === "REFUSED");
}

export async function recordRefusal(actor: AuditActor, e: AppError, what: string, input: unknown): Promise<void> {
  if (!actor.userId) return;
  try {
    const ids = idsOf(input);
    const [key, targetType] = TARGET_OF.find(([k]) => typeof ids[k] === "string") ?? [null, "Action"];
    const { db } = await import("@/lib/db");
    await recordAudit(db, actor, {
      action: "access.refused",
      targetType,
      targetId: key ? (ids[key] as string) : null,
      after: { code: e.code, what, ids, ...(e instanceof NotFoundError ? { record: e.what } : {}) },
    });
  } catch (err) {
    console.error("[audit] could not record a refused access", what, err);
  }
}

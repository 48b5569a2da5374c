import "server-only";
import type { Db } from "@/lib/db-client";
import type { Caller } from "@/lib/authz/guards";
import { loadDeclarationFor } from "@/lib/authz/guards";
import { NotFoundError } from "@/lib/errors/app-error";
import { correctionAccess } from "@/lib/declaration/correction-access";
import { readDeclarationData, readStepStatus } from "@/lib/declaration/declaration-json";
import { declarationFacts, FACT_DISPLAY, positiveBasisOf } from "@/lib/declaration/facts";
import { emptyRankingValues, splitStoredRanking } from "@/lib/declaration/forms/step-8-ranking";
import { loadDeclarationSummary } from "@/lib/declaration/load-summary";
import { initialStepValues, registryPrefill } from "@/lib/declaration/prefill";
import { scorePreview } from "@/lib/declaration/score-preview";
import { declaredCounts } from "@/lib/declaration/staff-rules";
import { STEPS, stepStates, type StepState } from "@/lib/declaration/steps";
import { PROVINCES } from "@/lib/geo/regions";
import { ruleSetOfRound } from "@/lib/rounds/rule-set-of-round";
import { isWindowOpen } from "@/lib/rounds/window";

// What the wizard's step page shows, decided here and not in the page: the file (through the
// one guard), whether the holder may change this step now — the same rules the services
// enforce (isWindowOpen, correctionAccess) — and the step's own data, read by one loader
// per step.

const LOADERS = {
  documents: async (db: Db, d: StepDeclaration) => ({
    kind: "documents" as const,
    documents: await db.document.findMany({ where: { declarationId: d.id, objectionId: null }, orderBy: { createdAt: "asc" } }),
  }),
  form: async (db: Db, d: StepDeclaration, step: 2 | 3 | 4 | 5) => {
    const [office, board] = await Promise.all([
      db.office.findUniqueOrThrow({
        where: { id: d.officeId },
        include: { holder: true, licences: { orderBy: { expiresAt: "desc" }, take: 1 } },
      }),
      step === 4 ? db.boardMember.findMany({ where: { declarationId: d.id }, orderBy: { createdAt: "asc" } }) : Promise.resolve([]),
    ]);
    const { values, prefilled } = initialStepValues(
      step,
      d.data[String(step)],
      registryPrefill(step, office, office.holder, office.licences[0] ?? null),
    );
    return { kind: "form" as const, step, values, prefilled, board };
  },
  location: async (_db: Db, d: StepDeclaration) => {
    const saved = d.data["6"];
    const lat = Number(saved?.lat);
    const lng = Number(saved?.lng);
    const provinceId = Number(d.data["5"]?.provinceId);
    return {
      kind: "location" as const,
      initial: saved?.lat && saved?.lng && Number.isFinite(lat) && Number.isFinite(lng) ? { lat, lng } : null,
      declaredProvince: PROVINCES.find((p) => p.id === provinceId)?.name ?? null,
    };
  },
  staff: async (db: Db, d: StepDeclaration) => ({
    kind: "staff" as const,
    staff: await db.staffMember.findMany({ where: { declarationId: d.id }, orderBy: { createdAt: "asc" } }),
    declared: declaredCounts(d.data["3"]),
  }),
  ranking: async (db: Db, d: StepDeclaration) => {
    const [{ ruleSet }, staff] = await Promise.all([
      ruleSetOfRound(db, d.roundId),
      db.staffMember.findMany({ where: { declarationId: d.id }, select: { disabled: true, insured: true } }),
    ]);
    const facts = declarationFacts({ data: d.data, staff });
    const preview = scorePreview(ruleSet, facts, FACT_DISPLAY);
    const { values: saved, positiveBasis } = splitStoredRanking(d.data["8"]);
    // Confirmations given for other numbers than those shown now do not count.
    const positiveChanged = saved.positiveConfirmed === true && positiveBasis !== positiveBasisOf(facts);
    return {
      kind: "ranking" as const,
      violations: ruleSet.violations,
      positive: { rows: preview.rows, points: preview.positive, max: preview.maxPositive },
      defaultValues: {
        ...emptyRankingValues(ruleSet.violations),
        ...saved,
        ...(positiveChanged ? { positiveConfirmed: false, negativeConfirmed: false } : {}),
      },
      positiveChanged,
    };
  },
  confirm: async (db: Db, d: StepDeclaration) => ({ kind: "confirm" as const, summary: await loadDeclarationSummary(db, d) }),
};

export type StepDeclaration = Awaited<ReturnType<typeof loadStepDeclaration>>;
export type StepBody = Awaited<ReturnType<(typeof LOADERS)[keyof typeof LOADERS]>>;

async function loadStepDeclaration(db: Db, caller: Caller, declarationId: string) {
  const row = await loadDeclarationFor(db, caller, declarationId, "declaration:view", { include: { round: true } });
  return { ...row, data: readDeclarationData(row.data), stepStatus: readStepStatus(row.stepStatus) };
}

function bodyOf(db: Db, d: StepDeclaration, step: number): Promise<StepBody> {
  if (step === 1) return LOADERS.documents(db, d);
  if (step >= 2 && step <= 5) return LOADERS.form(db, d, step as 2 | 3 | 4 | 5);
  if (step === 6) return LOADERS.location(db, d);
  if (step === 7) return LOADERS.staff(db, d);
  if (step === 8) return LOADERS.ranking(db, d);
  return LOADERS.confirm(db, d);
}

/**
 * Step `stepNumber` of a declaration as `caller` may see it; NotFoundError for a file outside
 * the caller's scope or a step that does not exist. `readOnly` is false exactly when the
 * services would accept a change of this step now.
 */
export async function loadStepPage(db: Db, caller: Caller, declarationId: string, stepNumber: number, now: Date) {
  const step = STEPS.find((s) => s.number === stepNumber);
  if (!step) throw new NotFoundError("step");
  const declaration = await loadStepDeclaration(db, caller, declarationId);
  const states = stepStates(declaration.stepStatus);
  const state: StepState = states[stepNumber - 1]!.state;

  const returned = declaration.status === "RETURNED";
  const corrections = returned
    ? await db.correctionRequest.findMany({ where: { declarationId: declaration.id, resolvedAt: null }, orderBy: { createdAt: "asc" } })
    : [];
  const access = returned ? correctionAccess(corrections, stepNumber, declaration.stepStatus, now) : null;
  const mayChange =
    caller.role === "HOLDER" &&
    ((declaration.status === "DRAFT" && isWindowOpen(declaration.round, now)) || access?.open === true || (stepNumber === 9 && returned));

  const base = {
    step,
    state,
    declaration,
    readOnly: !mayChange,
    openFields: access?.open ? access.fields : null,
    correction: returned
      ? {
          dueAt: access?.dueAt ?? null,
          open: access?.open ?? false,
          flaggedHere: corrections.filter((c) => c.section === String(stepNumber)),
        }
      : null,
    firstOpenStep: states.find((s) => s.state === "NOT_STARTED" || s.state === "IN_PROGRESS") ?? null,
  };
  if (state === "LOCKED" || state === "NOT_NEEDED") return { ...base, body: null };
  return { ...base, body: await bodyOf(db, declaration, stepNumber) };
}

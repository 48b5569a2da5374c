import "server-only";
import type { Db } from "@/lib/db-client";
import { declarationFacts, FACT_DISPLAY } from "@/lib/declaration/facts";
import { answerField, violationAnswersOf } from "@/lib/declaration/forms/step-8-ranking";
import { scorePreview } from "@/lib/declaration/score-preview";
import { readDeclarationData, readStepStatus } from "@/lib/declaration/declaration-json";
import { ruleSetOfRound } from "@/lib/rounds/rule-set-of-round";
import { fromCents, toCentsRounded } from "@/lib/ranking/decimal";

/**
 * Everything the read-only summary of a declaration shows (step 9's "check your answers";
 * later the region's file view). The caller has already loaded the declaration through a
 * guard of lib/authz.
 */
export async function loadDeclarationSummary(db: Db, declaration: { id: string; roundId: string; data: unknown; stepStatus: unknown }) {
  const [documents, board, staff, pinned] = await Promise.all([
    db.document.findMany({
      where: { declarationId: declaration.id, objectionId: null },
      orderBy: { createdAt: "asc" },
      select: { id: true, kind: true, fileName: true, contentType: true },
    }),
    db.boardMember.findMany({ where: { declarationId: declaration.id }, orderBy: { createdAt: "asc" } }),
    db.staffMember.findMany({ where: { declarationId: declaration.id }, orderBy: { createdAt: "asc" } }),
    ruleSetOfRound(db, declaration.roundId),
  ]);
  const data = readDeclarationData(declaration.data);
  const facts = declarationFacts({ data, staff });
  const preview = scorePreview(pinned.ruleSet, facts, FACT_DISPLAY);
  const answers = violationAnswersOf(pinned.ruleSet.violations, data["8"]);
  const violations = pinned.ruleSet.violations.map((v, k) => {
    const given = data["8"]?.[answerField(k + 1)];
    return { ...v, ...answers[k]!, answered: given === "yes" || given === "no" };
  });
  const negativeCents = violations.reduce((sum, v) => (v.answer ? sum + toCentsRounded(v.points) : sum), 0);
  return {
    data,
    stepStatus: readStepStatus(declaration.stepStatus),
    documents,
    board,
    staff,
    ruleSet: pinned.row,
    positive: preview,
    violations,
    negative: fromCents(negativeCents),
    total: fromCents(toCentsRounded(preview.positive) - negativeCents),
  };
}

export type DeclarationSummaryData = Awaited<ReturnType<typeof loadDeclarationSummary>>;

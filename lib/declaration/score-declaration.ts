import type { Db, Tx } from "@/lib/db-client";
import type { SnapshotReason } from "@/lib/generated/prisma/enums";
import { relatedCounts } from "@/lib/declaration/editable";
import { declarationFacts } from "@/lib/declaration/facts";
import { violationAnswersOf, splitStoredRanking, type ViolationAnswerValue } from "@/lib/declaration/forms/step-8-ranking";
import { readDeclarationData, toJson } from "@/lib/declaration/declaration-json";
import { submissionDigest } from "@/lib/declaration/submission-digest";
import { parseJalaliDate } from "@/lib/format/jalali";
import { scoreOffice, type Facts, type ScoreResult } from "@/lib/ranking";
import { ruleSetOfRound, type PinnedRuleSet } from "@/lib/rounds/rule-set-of-round";

export type RegionScores = { satisfactionScore: number | null; associationScore: number | null };

export type DeclarationScore = { pinned: PinnedRuleSet; facts: Facts; score: ScoreResult; answers: ViolationAnswerValue[] };

/**
 * Scores a declaration from what is stored: steps 1–7 (data and staff rows), step 8's
 * answers and, once entered, the region's scores, with the round's pinned rule set.
 */
export async function scoreDeclaration(
  tx: Db | Tx,
  declaration: { id: string; roundId: string; data: unknown },
  regionScores?: RegionScores,
): Promise<DeclarationScore> {
  const data = readDeclarationData(declaration.data);
  const [related, pinned] = await Promise.all([relatedCounts(tx, declaration.id), ruleSetOfRound(tx, declaration.roundId)]);
  const answers = violationAnswersOf(pinned.ruleSet.violations, splitStoredRanking(data["8"]).values);
  const facts = declarationFacts({
    data,
    staff: { total: related.staff, disabled: related.disabled, insured: related.insured },
    violationCodes: answers.filter((a) => a.answer).map((a) => a.code),
    regionScores,
  });
  return { pinned, facts, score: scoreOffice(pinned.ruleSet, facts), answers };
}

/** Replaces the stored violation answers with step 8's (at submission and resubmission). */
export async function storeViolationAnswers(tx: Tx, declarationId: string, answers: readonly ViolationAnswerValue[]): Promise<void> {
  await tx.violationAnswer.deleteMany({ where: { declarationId } });
  await tx.violationAnswer.createMany({
    data: answers.map((a) => ({
      declarationId,
      code: a.code,
      answer: a.answer,
      description: a.description,
      verdictNoticeDate: a.verdictNoticeDate ? parseJalaliDate(a.verdictNoticeDate) : null,
    })),
  });
}

/** Stores a score snapshot with its SHA-256 (submission-digest.ts) and returns the hash. */
export async function writeScoreSnapshot(
  tx: Tx,
  input: {
    declaration: { id: string; trackingCode: string; submittedAt: Date };
    reason: SnapshotReason;
    scored: DeclarationScore;
    createdById: string | null;
    at: Date;
  },
): Promise<string> {
  const { declaration, scored, reason, at } = input;
  const row = scored.pinned.row;
  const sha256 = submissionDigest({
    declarationId: declaration.id,
    trackingCode: declaration.trackingCode,
    submittedAt: declaration.submittedAt,
    ruleSet: { id: row.id, key: row.key, version: row.version, sha256: row.sha256 },
    facts: scored.facts,
    breakdown: scored.score,
    ...(reason === "SUBMITTED" ? {} : { reason, takenAt: at }),
  });
  await tx.scoreSnapshot.create({
    data: {
      declarationId: declaration.id,
      reason,
      ruleSetId: row.id,
      ruleSetVersion: row.version,
      facts: toJson(scored.facts),
      breakdown: toJson(scored.score),
      positive: scored.score.positive,
      negative: scored.score.negative,
      total: scored.score.total,
      rank: scored.score.rank,
      sha256,
      createdById: input.createdById,
      createdAt: at,
    },
  });
  return sha256;
}

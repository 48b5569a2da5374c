import { createHash } from "node:crypto";
import { canonicalJson } from "@/lib/format/canonical-json";
import type { Facts, ScoreResult } from "@/lib/ranking";

// The SHA-256 printed on the receipt. It covers what was submitted and how it was scored:
// the file, its tracking code and time, the rule set (id, version, content hash), the facts
// and the full breakdown. Everything hashed is stored (Declaration, ScoreSnapshot, RuleSet),
// so anyone can recompute it and show that a snapshot was not altered afterwards.
export type SubmissionDigestInput = {
  declarationId: string;
  trackingCode: string;
  submittedAt: Date;
  ruleSet: { id: string; key: string; version: number; sha256: string };
  facts: Facts;
  breakdown: ScoreResult;
  /** For snapshots after the submission (resubmission, region scores, objection): why and when. */
  reason?: string;
  takenAt?: Date;
};

const DIGEST_FORMAT = 1;

export function submissionDigest(input: SubmissionDigestInput): string {
  const payload = canonicalJson({
    format: DIGEST_FORMAT,
    ...input,
    submittedAt: input.submittedAt.toISOString(),
    takenAt: input.takenAt?.toISOString(),
  });
  return createHash("sha256").update(payload, "utf8").digest("hex");
}

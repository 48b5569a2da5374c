import type { Db, Tx } from "@/lib/db-client";
import { parseRuleSet, type RuleSet } from "@/lib/ranking";

export type PinnedRuleSet = {
  row: { id: string; key: string; version: number; title: string; isSample: boolean; sha256: string };
  ruleSet: RuleSet;
};

// Parsed rule sets by id and content hash: a rule set is read on every step-8 save and on
// every submission, and an approved one never changes (a database trigger refuses it);
// a draft rule set is parsed afresh each time.
const parsed = new Map<string, RuleSet>();

/** The rule set pinned to a round, parsed (lib/ranking validates it again on the way in). */
export async function ruleSetOfRound(db: Db | Tx, roundId: string): Promise<PinnedRuleSet> {
  const round = await db.round.findUniqueOrThrow({
    where: { id: roundId },
    select: {
      ruleSet: {
        select: { id: true, key: true, version: true, title: true, isSample: true, sha256: true, approvedAt: true, definition: true },
      },
    },
  });
  const { definition, approvedAt, ...row } = round.ruleSet;
  const cacheKey = `${row.id}:${row.sha256}`;
  let ruleSet = parsed.get(cacheKey);
  if (!ruleSet) {
    ruleSet = parseRuleSet(definition);
    if (approvedAt) {
      if (parsed.size > 50) parsed.clear();
      parsed.set(cacheKey, ruleSet);
    }
  }
  return { row, ruleSet };
}

// Compares two rule sets (RULESET.md) for the head office before it approves a new version:
// criteria, violations, rank thresholds and service shares added, removed or changed.
// Criteria are matched by `key` and violations by `code`; within a matched entry every
// leaf field is compared by its path (`bands[1].points`, `choices.bachelor`, `max`), so a
// change reads as «bands[1].points: 8 → 10». Pure: no framework or database import.
import type { Criterion, RuleSet, Violation } from "./schema";

export type Leaf = string | number | boolean | null;

export interface FieldChange {
  /** The field inside the entry, e.g. `bands[1].points`; `$` for the entry itself. */
  readonly field: string;
  /** `undefined` when the field did not exist on that side. */
  readonly before: Leaf | undefined;
  readonly after: Leaf | undefined;
}

export interface EntryChanges<T> {
  readonly added: readonly T[];
  readonly removed: readonly T[];
  readonly changed: readonly { readonly before: T; readonly after: T; readonly changes: readonly FieldChange[] }[];
}

export interface RuleSetDiff {
  /** Title, isSample, note. */
  readonly meta: readonly FieldChange[];
  readonly criteria: EntryChanges<Criterion>;
  readonly violations: EntryChanges<Violation>;
  /** One change per rank whose threshold changed, appeared (before undefined) or disappeared. */
  readonly ranks: readonly (FieldChange & { readonly rank: number })[];
  readonly serviceSharePercent: readonly (FieldChange & { readonly rank: string })[];
  /** True when nothing differs (ids and order of entries aside). */
  readonly identical: boolean;
}

/** Every leaf of a JSON-like value by its path: `{a:{b:[1]}}` → `a.b[0]` → 1. */
export function leavesOf(value: unknown, prefix = ""): Map<string, Leaf> {
  const out = new Map<string, Leaf>();
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v)) {
      if (v.length === 0) out.set(path || "$", "[]");
      v.forEach((x, i) => walk(x, `${path}[${i}]`));
    } else if (v !== null && typeof v === "object") {
      const entries = Object.entries(v as Record<string, unknown>);
      if (entries.length === 0) out.set(path || "$", "{}");
      for (const [k, x] of entries) walk(x, path ? `${path}.${k}` : k);
    } else if (v !== undefined) {
      out.set(path || "$", v as Leaf);
    }
  };
  walk(value, prefix);
  return out;
}

/** Leaf-by-leaf changes between two values, in a stable order (before's fields first). */
export function fieldChanges(before: unknown, after: unknown, ignore: readonly string[] = []): FieldChange[] {
  const a = leavesOf(before);
  const b = leavesOf(after);
  const changes: FieldChange[] = [];
  for (const [field, value] of a) {
    if (ignore.includes(field)) continue;
    if (!b.has(field)) changes.push({ field, before: value, after: undefined });
    else if (b.get(field) !== value) changes.push({ field, before: value, after: b.get(field) });
  }
  for (const [field, value] of b) {
    if (!ignore.includes(field) && !a.has(field)) changes.push({ field, before: undefined, after: value });
  }
  return changes;
}

function compareEntries<T extends object>(before: readonly T[], after: readonly T[], id: (x: T) => string): EntryChanges<T> {
  const next = new Map(after.map((x) => [id(x), x]));
  const prev = new Map(before.map((x) => [id(x), x]));
  const changed: { before: T; after: T; changes: FieldChange[] }[] = [];
  for (const x of before) {
    const y = next.get(id(x));
    if (!y) continue;
    const changes = fieldChanges(x, y);
    if (changes.length > 0) changed.push({ before: x, after: y, changes });
  }
  return {
    added: after.filter((y) => !prev.has(id(y))),
    removed: before.filter((x) => !next.has(id(x))),
    changed,
  };
}

export function compareRuleSets(before: RuleSet, after: RuleSet): RuleSetDiff {
  const meta = fieldChanges(
    { title: before.title, isSample: before.isSample, note: before.note },
    { title: after.title, isSample: after.isSample, note: after.note },
  );
  const criteria = compareEntries(before.criteria, after.criteria, (c) => c.key);
  const violations = compareEntries(before.violations, after.violations, (v) => v.code);

  const thresholdsBefore = new Map(before.ranks.map((r) => [r.rank, r.minScore]));
  const thresholdsAfter = new Map(after.ranks.map((r) => [r.rank, r.minScore]));
  const ranks: (FieldChange & { rank: number })[] = [];
  for (const rank of [...new Set([...thresholdsBefore.keys(), ...thresholdsAfter.keys()])].sort((x, y) => x - y)) {
    const was = thresholdsBefore.get(rank);
    const is = thresholdsAfter.get(rank);
    if (was !== is) ranks.push({ rank, field: "minScore", before: was, after: is });
  }
  const serviceSharePercent = fieldChanges(before.serviceSharePercent, after.serviceSharePercent).map((c) => ({ ...c, rank: c.field }));

  const identical =
    meta.length === 0 &&
    [criteria, violations].every((e) => e.added.length === 0 && e.removed.length === 0 && e.changed.length === 0) &&
    ranks.length === 0 &&
    serviceSharePercent.length === 0;
  return { meta, criteria, violations, ranks, serviceSharePercent, identical };
}

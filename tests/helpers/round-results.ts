// A small round with known results, for the dashboard and the export tests: files written
// directly (createMany), each with the score snapshot, returns and objections its status
// implies, at fixed instants. The expected numbers are worked out in the tests beside it.
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DayKind, DeclarationStatus, OfficeType } from "@/lib/generated/prisma/enums";
import { maxPoints, parseRuleSet, type RuleSet } from "@/lib/ranking";
import { uniqueNationalId } from "./national-ids";

export const DAY = 86_400_000;
/** Submission instant of every file: 2026-10-05 09:30 in Tehran. Its 20-day review ends at 2026-10-25T20:30Z. */
export const S = new Date("2026-10-05T06:00:00Z");
const REVIEW_DUE = new Date("2026-10-25T20:30:00Z");
/** "Now" of the tests. */
export const NOW = new Date("2026-11-10T08:00:00Z");
export const after = (days: number) => new Date(S.getTime() + days * DAY);
const fromNow = (days: number) => new Date(NOW.getTime() + days * DAY);

export type FileSpec = {
  code: string;
  name?: string;
  province: number;
  region: number;
  officeType?: OfficeType;
  /** Absent: the office has no file in the round. */
  status?: DeclarationStatus;
  /** The snapshot's total (positive − negative); absent: no snapshot. */
  total?: number;
  negative?: number;
  rank?: number;
  /** finalScore/finalRank (the region's). */
  final?: { score: number | null; rank: number };
  approvedAt?: Date;
  finalizedAt?: Date;
  dueAt?: Date;
  overdue?: boolean;
  /** Returns: when the region returned the file, and when the correction ended (resubmitted or expired). */
  returns?: { at: Date; resolvedAt?: Date }[];
  objection?: { filedAt: Date; decidedAt?: Date };
  submittedAt?: Date | null;
};

let seq = 0;

/** Points per criterion adding up to `positive`, filling the criteria in rule-set order up to their caps. */
function pointsFor(ruleSet: RuleSet, positive: number): Record<string, number> {
  let left = Math.round(positive * 100);
  const out: Record<string, number> = {};
  for (const c of ruleSet.criteria) {
    const take = Math.max(0, Math.min(Math.round(maxPoints(c) * 100), left));
    out[c.key] = take / 100;
    left -= take;
  }
  return out;
}

export async function createRound(
  db: Db,
  opts: { title: string; status: "DRAFT" | "OPEN" | "CLOSED"; opens: Date; dayKind?: DayKind; reviewDays?: number; reReviewDays?: number },
) {
  const ruleSet = await db.ruleSet.findFirstOrThrow({ where: { approvedAt: { not: null } } });
  return db.round.create({
    data: {
      title: opts.title,
      status: opts.status,
      windowOpensAt: opts.opens,
      windowClosesAt: new Date(opts.opens.getTime() + 20 * DAY),
      reviewDays: opts.reviewDays ?? 20,
      reReviewDays: opts.reReviewDays ?? 10,
      dayKind: opts.dayKind ?? "CALENDAR",
      ruleSetId: ruleSet.id,
      openedAt: opts.status === "DRAFT" ? null : opts.opens,
      closedAt: opts.status === "CLOSED" ? new Date(opts.opens.getTime() + 21 * DAY) : null,
    },
  });
}

/** Offices (created when their code is new) and their files in `roundId`; returns the declaration ids by office code. */
export async function createFiles(db: Db, roundId: string, specs: FileSpec[], expertId: string): Promise<Record<string, string>> {
  const round = await db.round.findUniqueOrThrow({ where: { id: roundId }, include: { ruleSet: true } });
  const ruleSet = parseRuleSet(round.ruleSet.definition);
  const existing = new Map(
    (await db.office.findMany({ where: { code: { in: specs.map((s) => s.code) } }, select: { id: true, code: true } })).map((o) => [
      o.code,
      o.id,
    ]),
  );
  const fresh = specs.filter((s) => !existing.has(s.code));
  const holderIds = fresh.map(() => `rr-h-${++seq}-${Math.random().toString(36).slice(2, 8)}`);
  await db.user.createMany({
    data: fresh.map((s, i) => ({
      id: holderIds[i]!,
      nationalId: uniqueNationalId(),
      firstName: "دارنده",
      lastName: s.code,
      role: "HOLDER" as const,
      passwordHash: "x",
    })),
  });
  await db.office.createMany({
    data: fresh.map((s, i) => ({
      id: `rr-o-${s.code}`,
      code: s.code,
      name: s.name ?? `دفتر ${s.code}`,
      type: s.officeType ?? "PISHKHAN_GOVERNMENT",
      personType: "REAL" as const,
      provinceId: s.province,
      city: "شهر",
      address: "نشانی",
      holderId: holderIds[i]!,
    })),
  });
  for (const s of fresh) existing.set(s.code, `rr-o-${s.code}`);

  const ids: Record<string, string> = {};
  const withFile = specs.filter((s) => s.status);
  await db.declaration.createMany({
    data: withFile.map((s) => {
      const id = `rr-d-${roundId.slice(-6)}-${s.code}`;
      ids[s.code] = id;
      const submitted = s.submittedAt === undefined ? (s.status === "DRAFT" || s.status === "NOT_SUBMITTED" ? null : S) : s.submittedAt;
      return {
        id,
        roundId,
        officeId: existing.get(s.code)!,
        regionId: s.region,
        provinceId: s.province,
        officeType: s.officeType ?? "PISHKHAN_GOVERNMENT",
        status: s.status!,
        submittedAt: submitted,
        trackingCode: submitted ? `${Math.floor(1e11 + Math.random() * 8e11)}` : null,
        dueAt: s.dueAt ?? null,
        overdue: s.overdue ?? false,
        finalScore: s.final?.score ?? null,
        finalRank: s.final?.rank ?? null,
        approvedAt: s.approvedAt ?? null,
        finalizedAt: s.finalizedAt ?? null,
      };
    }),
  });
  const snapshots: Prisma.ScoreSnapshotCreateManyInput[] = [];
  for (const s of withFile) {
    if (s.total === undefined) continue;
    const negative = s.negative ?? 0;
    const points = pointsFor(ruleSet, s.total + negative);
    const criteria = ruleSet.criteria.map((c) => ({
      key: c.key,
      title: c.title,
      kind: c.kind,
      fact: c.fact,
      value: null,
      points: points[c.key] ?? 0,
      max: maxPoints(c),
      pending: false,
      capped: false,
    }));
    snapshots.push({
      declarationId: ids[s.code]!,
      reason: s.approvedAt ? "APPROVED" : "SUBMITTED",
      ruleSetId: round.ruleSetId,
      ruleSetVersion: round.ruleSet.version,
      facts: {},
      breakdown: {
        ruleSetId: ruleSet.id,
        criteria,
        violations: [],
        positive: s.total + negative,
        negative,
        total: s.total,
        rank: s.rank ?? 3,
        serviceSharePercent: 0,
      },
      positive: s.total + negative,
      negative,
      total: s.total,
      rank: s.rank ?? 3,
      sha256: "0".repeat(64),
      createdAt: s.approvedAt ?? S,
    });
  }
  await db.scoreSnapshot.createMany({ data: snapshots });
  await db.correctionRequest.createMany({
    data: withFile.flatMap((s) =>
      (s.returns ?? []).flatMap((r) =>
        // Two flags in one return: one decision, not two.
        ["3", "5"].map((section) => ({
          declarationId: ids[s.code]!,
          section,
          comment: "اصلاح شود",
          dueAt: new Date(r.at.getTime() + 5 * DAY),
          createdById: expertId,
          createdAt: r.at,
          resolvedAt: r.resolvedAt ?? null,
        })),
      ),
    ),
  });
  await db.objection.createMany({
    data: withFile
      .filter((s) => s.objection)
      .map((s) => ({
        declarationId: ids[s.code]!,
        text: "به امتیاز اعتراض دارم.",
        filedById: "x",
        filedAt: s.objection!.filedAt,
        decidedAt: s.objection!.decidedAt ?? null,
        decision: s.objection!.decidedAt ? ("UPHELD" as const) : null,
      })),
  });
  return ids;
}

/**
 * Round A (open, calendar days, review 20, re-review 10): 13 offices in regions 1 and 2 plus
 * the demo data's three offices (no file). Names hold the characters a CSV must quote or guard.
 */
export const ROUND_A: FileSpec[] = [
  {
    code: "A001",
    province: 1,
    region: 1,
    status: "FINAL",
    total: 75,
    rank: 1,
    final: { score: 75, rank: 1 },
    approvedAt: after(5),
    finalizedAt: after(13),
  },
  {
    code: "A002",
    name: 'دفتر "نمونه", شعبه ۱',
    province: 1,
    region: 1,
    status: "APPROVED",
    total: 55,
    rank: 2,
    final: { score: 55, rank: 2 },
    approvedAt: after(30),
    returns: [{ at: after(25), resolvedAt: after(27) }],
  },
  {
    code: "A003",
    name: '=HYPERLINK("http://example.com")',
    province: 2,
    region: 1,
    status: "SUBMITTED",
    total: 42,
    rank: 3,
    dueAt: fromNow(-1),
  },
  {
    code: "A004",
    name: "-سلام",
    province: 2,
    region: 1,
    status: "IN_REVIEW",
    total: 100,
    rank: 1,
    dueAt: fromNow(2),
    officeType: "RURAL_ICT",
  },
  {
    code: "A005",
    name: "@دفتر",
    province: 3,
    region: 1,
    status: "RETURNED",
    total: 65,
    rank: 2,
    dueAt: fromNow(1),
    returns: [{ at: after(3) }],
  },
  { code: "A006", name: "دفتر\nدو خطی", province: 3, region: 1, status: "DRAFT" },
  { code: "A007", province: 4, region: 1 },
  {
    code: "A008",
    province: 1,
    region: 1,
    status: "OBJECTED",
    total: 70,
    rank: 1,
    final: { score: 70, rank: 1 },
    approvedAt: after(4),
    objection: { filedAt: after(10) },
    dueAt: fromNow(3),
  },
  {
    code: "A009",
    name: "+98 دفتر",
    province: 4,
    region: 1,
    status: "FINAL",
    total: 49.99,
    rank: 3,
    final: { score: 49.99, rank: 3 },
    approvedAt: after(2),
    objection: { filedAt: after(10), decidedAt: after(25) },
    finalizedAt: after(25),
  },
  {
    code: "B001",
    province: 5,
    region: 2,
    status: "FINAL",
    total: 85,
    rank: 1,
    final: { score: 85, rank: 1 },
    approvedAt: new Date(REVIEW_DUE.getTime() - 1000),
    finalizedAt: after(30),
    officeType: "PISHKHAN_NON_GOVERNMENT",
  },
  { code: "B002", name: "دفتر\u0001کنترل", province: 6, region: 2, status: "SUBMITTED", total: 20, rank: 3, dueAt: fromNow(-2) },
  {
    code: "B003",
    province: 7,
    region: 2,
    status: "IN_REVIEW",
    total: 30,
    rank: 3,
    dueAt: fromNow(5),
    overdue: true,
    returns: [{ at: after(1), resolvedAt: after(8) }],
  },
  {
    code: "B004",
    province: 5,
    region: 2,
    status: "APPROVED",
    total: -5,
    negative: 10,
    rank: 3,
    final: { score: -5, rank: 3 },
    approvedAt: REVIEW_DUE,
  },
];

/** Round B (closed): the same offices again — one final, two that did not submit. */
export const ROUND_B: FileSpec[] = [
  {
    code: "A001",
    province: 1,
    region: 1,
    status: "FINAL",
    total: 62,
    rank: 2,
    final: { score: 62, rank: 2 },
    approvedAt: after(-180),
    finalizedAt: after(-170),
  },
  { code: "B001", province: 5, region: 2, status: "NOT_SUBMITTED", final: { score: null, rank: 3 }, finalizedAt: after(-190) },
  { code: "A007", province: 4, region: 1, status: "NOT_SUBMITTED", final: { score: null, rank: 3 }, finalizedAt: after(-190) },
];

// Region scores saved at the very moment the file is approved: the approval must fix the
// final score from the scores that stand when it commits. Before the row lock, approvals read
// the old scores while a save committed new ones, leaving approved files whose stored region
// scores give another score than their final one.
import { seedDemoData } from "@/prisma/demo-data";
import { claimDeclaration } from "@/lib/review/assignment";
import { saveRegionScores, storedRegionScores } from "@/lib/review/region-scores";
import { approveDeclaration } from "@/lib/review/approve-declaration";
import { scoreDeclaration } from "@/lib/declaration/score-declaration";
import { setupTestDatabase } from "../helpers/test-database";
import { createStaffUser } from "../helpers/fixtures";
import { declarationAt } from "../helpers/declarations";

const t = setupTestDatabase();

beforeAll(async () => {
  await seedDemoData(t.db);
});

test("8 files: saving region scores concurrently with approving never leaves a final score its stored scores disagree with", async () => {
  const files = [];
  for (let i = 0; i < 8; i++) {
    const f = await declarationAt(t.db, 9);
    // Submitted as submitDeclaration leaves it (set directly: this test is about the review).
    await t.db.declaration.update({
      where: { id: f.declaration.id },
      data: { status: "SUBMITTED", submittedAt: new Date(), trackingCode: `RACE-${i}-${f.declaration.id.slice(-6)}` },
    });
    const e = (await createStaffUser(t.db, "EXPERT", { regionId: f.declaration.regionId })).user;
    const who = {
      actor: { userId: e.id, role: "EXPERT" as const, ip: null },
      caller: { id: e.id, role: "EXPERT" as const, regionId: e.regionId },
    };
    await claimDeclaration(t.db, who.actor, who.caller, f.declaration.id);
    await saveRegionScores(t.db, who.actor, who.caller, {
      declarationId: f.declaration.id,
      satisfactionScore: "8",
      associationScore: "6.5",
    });
    files.push({ id: f.declaration.id, who });
  }

  await Promise.all(
    files.map(async ({ id, who }, i) => {
      // Several saves around one approval, all at once.
      const saves = ["1", "2", "3", "4", "5"].map((v, j) =>
        saveRegionScores(t.db, who.actor, who.caller, { declarationId: id, satisfactionScore: v, associationScore: String((i + j) % 5) }),
      );
      const results = await Promise.allSettled([
        ...saves.slice(0, 2),
        approveDeclaration(t.db, who.actor, who.caller, id),
        ...saves.slice(2),
      ]);
      expect(results[2]!.status).toBe("fulfilled");
      // A save that lost the race to the approval is refused (the file is no longer in review), never an error.
      for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "REFUSED" });
    }),
  );

  for (const { id } of files) {
    const d = await t.db.declaration.findUniqueOrThrow({ where: { id } });
    expect(d.status).toBe("APPROVED");
    const recomputed = await scoreDeclaration(t.db, d, storedRegionScores(d));
    expect({ id, final: d.finalScore?.toNumber(), rank: d.finalRank }).toEqual({
      id,
      final: recomputed.score.total,
      rank: recomputed.score.rank,
    });
  }
}, 120_000);

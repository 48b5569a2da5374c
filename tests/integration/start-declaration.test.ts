import { startDeclaration, RoundClosedError } from "@/lib/declaration/start-declaration";
import { NotFoundError } from "@/lib/errors/app-error";
import { PROVINCES } from "@/lib/geo/regions";
import { seedDemoData } from "@/prisma/demo-data";
import { setupTestDatabase } from "../helpers/test-database";
import { createHolder, createStaffUser } from "../helpers/fixtures";

const t = setupTestDatabase();

const actorOf = (userId: string) => ({ userId, role: "HOLDER" as const, ip: "203.0.113.9" });

beforeAll(async () => {
  await seedDemoData(t.db);
});

describe("startDeclaration", () => {
  test("creates one declaration for the open round, with region, province and office type copied from the office", async () => {
    const h = await createHolder(t.db, { provinceId: 20 });
    await t.db.office.update({ where: { id: h.office.id }, data: { type: "RURAL_ICT" } });
    const round = await t.db.round.findFirstOrThrow({ where: { status: "OPEN" } });

    const d = await startDeclaration(t.db, actorOf(h.user.id));
    expect(d).toMatchObject({
      roundId: round.id,
      officeId: h.office.id,
      regionId: PROVINCES.find((p) => p.id === 20)!.regionId,
      provinceId: 20,
      officeType: "RURAL_ICT",
      status: "DRAFT",
      version: 1,
    });
    expect(await t.db.declaration.count({ where: { officeId: h.office.id } })).toBe(1);

    const audits = await t.db.auditEvent.findMany({ where: { action: "declaration.created", targetId: d.id } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: h.user.id, actorRole: "HOLDER", targetType: "Declaration", ip: "203.0.113.9" });
  });

  test("a real person's file has step 4 (legal information) 'not needed', all other steps not started", async () => {
    const h = await createHolder(t.db, { personType: "REAL" });
    const d = await startDeclaration(t.db, actorOf(h.user.id));
    const stored = await t.db.declaration.findUniqueOrThrow({ where: { id: d.id } });
    expect(stored.stepStatus).toEqual({
      "1": "NOT_STARTED",
      "2": "NOT_STARTED",
      "3": "NOT_STARTED",
      "4": "NOT_NEEDED",
      "5": "NOT_STARTED",
      "6": "NOT_STARTED",
      "7": "NOT_STARTED",
      "8": "NOT_STARTED",
      "9": "NOT_STARTED",
    });
  });

  test("a legal person's file has step 4 not started", async () => {
    const h = await createHolder(t.db, { personType: "LEGAL" });
    const d = await startDeclaration(t.db, actorOf(h.user.id));
    const stored = await t.db.declaration.findUniqueOrThrow({ where: { id: d.id } });
    const steps = stored.stepStatus as Record<string, string>;
    expect(steps["4"]).toBe("NOT_STARTED");
    expect(Object.keys(steps).sort()).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    expect(Object.values(steps).every((s) => s === "NOT_STARTED")).toBe(true);
  });

  test("starting twice returns the same file and writes one audit event", async () => {
    const h = await createHolder(t.db);
    const first = await startDeclaration(t.db, actorOf(h.user.id));
    const second = await startDeclaration(t.db, actorOf(h.user.id));
    expect(second.id).toBe(first.id);
    expect(await t.db.declaration.count({ where: { officeId: h.office.id } })).toBe(1);
    expect(await t.db.auditEvent.count({ where: { action: "declaration.created", targetId: first.id } })).toBe(1);
  });

  test("starting twice at the same moment (double click, two tabs) still gives one file and the same id", async () => {
    const h = await createHolder(t.db);
    const results = await Promise.all([
      startDeclaration(t.db, actorOf(h.user.id)),
      startDeclaration(t.db, actorOf(h.user.id)),
      startDeclaration(t.db, actorOf(h.user.id)),
    ]);
    expect(new Set(results.map((d) => d.id)).size).toBe(1);
    expect(await t.db.declaration.count({ where: { officeId: h.office.id } })).toBe(1);
    expect(await t.db.auditEvent.count({ where: { action: "declaration.created", targetId: results[0]!.id } })).toBe(1);
  });

  test("someone without an office (an expert) gets 'not found' and nothing is created", async () => {
    const expert = await createStaffUser(t.db, "EXPERT");
    const before = await t.db.declaration.count();
    await expect(startDeclaration(t.db, { userId: expert.user.id, role: "EXPERT", ip: null })).rejects.toBeInstanceOf(NotFoundError);
    expect(await t.db.declaration.count()).toBe(before);
  });

  test("outside the round's window it throws RoundClosedError and creates nothing", async () => {
    const h = await createHolder(t.db);
    const round = await t.db.round.findFirstOrThrow({ where: { status: "OPEN" } });
    // A time after the window, without touching the round.
    await expect(startDeclaration(t.db, actorOf(h.user.id), new Date(round.windowClosesAt.getTime() + 1000))).rejects.toBeInstanceOf(
      RoundClosedError,
    );
    // A time before the window.
    await expect(startDeclaration(t.db, actorOf(h.user.id), new Date(round.windowOpensAt.getTime() - 1000))).rejects.toBeInstanceOf(
      RoundClosedError,
    );
    expect(await t.db.declaration.count({ where: { officeId: h.office.id } })).toBe(0);
  });

  test("with no open round (its window closed yesterday) it throws RoundClosedError and creates nothing", async () => {
    const h = await createHolder(t.db);
    const round = await t.db.round.findFirstOrThrow({ where: { status: "OPEN" } });
    await t.db.round.update({
      where: { id: round.id },
      data: { windowOpensAt: new Date(Date.now() - 30 * 86_400_000), windowClosesAt: new Date(Date.now() - 86_400_000) },
    });
    try {
      await expect(startDeclaration(t.db, actorOf(h.user.id))).rejects.toBeInstanceOf(RoundClosedError);
      expect(await t.db.declaration.count({ where: { officeId: h.office.id } })).toBe(0);
      expect(await t.db.auditEvent.count({ where: { action: "declaration.created", actorId: h.user.id } })).toBe(0);
    } finally {
      await t.db.round.update({
        where: { id: round.id },
        data: { windowOpensAt: round.windowOpensAt, windowClosesAt: round.windowClosesAt },
      });
    }
  });

  test("a round still in DRAFT or already CLOSED does not count as open", async () => {
    const h = await createHolder(t.db);
    const round = await t.db.round.findFirstOrThrow({ where: { status: "OPEN" } });
    try {
      for (const status of ["DRAFT", "CLOSED"] as const) {
        await t.db.round.update({ where: { id: round.id }, data: { status } });
        await expect(startDeclaration(t.db, actorOf(h.user.id))).rejects.toBeInstanceOf(RoundClosedError);
      }
    } finally {
      await t.db.round.update({ where: { id: round.id }, data: { status: "OPEN" } });
    }
    expect(await t.db.declaration.count({ where: { officeId: h.office.id } })).toBe(0);
  });
});

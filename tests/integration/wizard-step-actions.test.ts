// The wizard's server actions against a real database. Only the session lookup is
// replaced (there is no HTTP request in Jest): `signedInAs` decides who calls.
import type { CurrentUser } from "@/lib/auth/current-user";
import { seedDemoData } from "@/prisma/demo-data";
import { setupTestDatabase } from "../helpers/test-database";
import { declarationAt, VALID_STEP_VALUES } from "../helpers/declarations";

let signedInAs: CurrentUser | null = null;
jest.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => signedInAs, getActingUser: async () => signedInAs }));
jest.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "203.0.113.5" }) }));
// The app behind one reverse proxy, which writes the client's address into X-Forwarded-For.
process.env.TRUSTED_PROXIES = "10.0.0.1";

const t = setupTestDatabase();
type Actions = {
  saveStepAction: typeof import("@/lib/actions/declaration/save-step").saveStepAction;
  addStaffMemberAction: typeof import("@/lib/actions/declaration/add-staff-member").addStaffMemberAction;
  removeStaffMemberAction: typeof import("@/lib/actions/declaration/remove-staff-member").removeStaffMemberAction;
  completeStaffAction: typeof import("@/lib/actions/declaration/complete-staff-step").completeStaffAction;
  addBoardMemberAction: typeof import("@/lib/actions/declaration/add-board-member").addBoardMemberAction;
};
let a: Actions;

beforeAll(async () => {
  process.env.DATABASE_URL = t.url; // lib/db.ts connects to the test database
  await seedDemoData(t.db);
  a = {
    ...(await import("@/lib/actions/declaration/save-step")),
    ...(await import("@/lib/actions/declaration/add-staff-member")),
    ...(await import("@/lib/actions/declaration/remove-staff-member")),
    ...(await import("@/lib/actions/declaration/complete-staff-step")),
    ...(await import("@/lib/actions/declaration/add-board-member")),
  };
});

afterEach(() => {
  signedInAs = null;
});

async function asUser(id: string) {
  signedInAs = (await t.db.user.findUniqueOrThrow({
    where: { id },
    include: { region: true, office: { include: { province: { include: { region: true } } } } },
  })) as CurrentUser;
}

async function snapshot(declarationId: string) {
  const d = await t.db.declaration.findUniqueOrThrow({ where: { id: declarationId } });
  // A refusal is audited too (access.refused), but nothing of the file changes.
  const audits = await t.db.auditEvent.count({ where: { targetId: declarationId, action: { not: "access.refused" } } });
  const staff = await t.db.staffMember.count({ where: { declarationId } });
  return { version: d.version, data: d.data, stepStatus: d.stepStatus, audits, staff };
}

const STAFF = (nationalId: string, disabled = false) => ({
  firstName: "سارا",
  lastName: "کریمی",
  birthDate: "1370/01/01",
  gender: "FEMALE",
  nationalId,
  mobile: "09351234567",
  disabled,
  insured: true,
  acceptsTerms: true,
});

describe.each([2, 3, 5, 6])("step %i form", (step) => {
  test("completes with valid data: status, version and audit", async () => {
    const f = await declarationAt(t.db, step);
    await asUser(f.holder.user.id);
    const result = await a.saveStepAction({
      declarationId: f.declaration.id,
      step,
      version: f.declaration.version,
      values: VALID_STEP_VALUES[String(step)],
      mode: "complete",
    });
    expect(result).toMatchObject({ ok: true, data: { version: f.declaration.version + 1 } });
    const after = await snapshot(f.declaration.id);
    expect((after.stepStatus as Record<string, string>)[String(step)]).toBe("COMPLETE");
    expect(
      await t.db.auditEvent.count({ where: { targetId: f.declaration.id, action: "declaration.step_saved", ip: "203.0.113.5" } }),
    ).toBe(1);
  });

  test("signed out: refused with a Persian message, nothing written", async () => {
    const f = await declarationAt(t.db, step);
    const before = await snapshot(f.declaration.id);
    const result = await a.saveStepAction({
      declarationId: f.declaration.id,
      step,
      version: f.declaration.version,
      values: VALID_STEP_VALUES[String(step)],
      mode: "complete",
    });
    expect(result).toMatchObject({ ok: false, code: "SIGNED_OUT", formError: expect.stringContaining("نشست شما به پایان رسیده") });
    expect(await snapshot(f.declaration.id)).toEqual(before);
  });

  test("another office's holder: 'not found', nothing written", async () => {
    const f = await declarationAt(t.db, step);
    const other = await declarationAt(t.db, step);
    await asUser(other.holder.user.id);
    const before = await snapshot(f.declaration.id);
    const result = await a.saveStepAction({
      declarationId: f.declaration.id,
      step,
      version: f.declaration.version,
      values: VALID_STEP_VALUES[String(step)],
      mode: "draft",
    });
    expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await snapshot(f.declaration.id)).toEqual(before);
  });

  test("before the earlier steps are complete: refused, nothing written", async () => {
    const f = await declarationAt(t.db, step - 1 === 4 ? 3 : step - 1);
    await asUser(f.holder.user.id);
    const before = await snapshot(f.declaration.id);
    const result = await a.saveStepAction({
      declarationId: f.declaration.id,
      step,
      version: f.declaration.version,
      values: VALID_STEP_VALUES[String(step)],
      mode: "draft",
    });
    expect(result).toMatchObject({ ok: false, formError: expect.stringContaining("هنوز باز نشده است") });
    expect(await snapshot(f.declaration.id)).toEqual(before);
  });

  test("a stale tab: refused with a clear message, the newer data kept", async () => {
    const f = await declarationAt(t.db, step);
    await asUser(f.holder.user.id);
    const first = await a.saveStepAction({
      declarationId: f.declaration.id,
      step,
      version: f.declaration.version,
      values: VALID_STEP_VALUES[String(step)],
      mode: "draft",
    });
    expect(first.ok).toBe(true);
    const newer = await snapshot(f.declaration.id);
    const stale = await a.saveStepAction({
      declarationId: f.declaration.id,
      step,
      version: f.declaration.version,
      values: {},
      mode: "draft",
    });
    expect(stale).toMatchObject({ ok: false, code: "STALE", formError: expect.stringContaining("زبانه یا دستگاه دیگری") });
    expect(await snapshot(f.declaration.id)).toEqual(newer);
  });

  test("invalid data on completion: field messages in Persian, nothing written", async () => {
    const f = await declarationAt(t.db, step);
    await asUser(f.holder.user.id);
    const before = await snapshot(f.declaration.id);
    const bad = Object.fromEntries(Object.entries(VALID_STEP_VALUES[String(step)]!).map(([k, v]) => [k, typeof v === "string" ? "x" : v]));
    const result = await a.saveStepAction({
      declarationId: f.declaration.id,
      step,
      version: f.declaration.version,
      values: bad,
      mode: "complete",
    });
    expect(result.ok).toBe(false);
    const errors = (result as { fieldErrors: Record<string, string> }).fieldErrors;
    expect(Object.keys(errors).length).toBeGreaterThan(0);
    for (const message of Object.values(errors)) expect(message).toMatch(/[\u0600-\u06FF]/);
    expect(await snapshot(f.declaration.id)).toEqual(before);
  });
});

test("a draft keeps incomplete data but still checks types", async () => {
  const f = await declarationAt(t.db, 3);
  await asUser(f.holder.user.id);
  const ok = await a.saveStepAction({
    declarationId: f.declaration.id,
    step: 3,
    version: f.declaration.version,
    values: { floorArea: "4" },
    mode: "draft",
  });
  expect(ok).toMatchObject({ ok: true, data: { values: { floorArea: "4" }, stepStatus: { "3": "IN_PROGRESS" } } });
  const wrongType = await a.saveStepAction({
    declarationId: f.declaration.id,
    step: 3,
    version: f.declaration.version + 1,
    values: { floorArea: 4, facilities: ["jacuzzi"] },
    mode: "draft",
  });
  expect(wrongType.ok).toBe(false);
  const unknownField = await a.saveStepAction({
    declarationId: f.declaration.id,
    step: 3,
    version: f.declaration.version + 1,
    values: { status: "SUBMITTED" },
    mode: "draft",
  });
  expect(unknownField.ok).toBe(false);
  expect((await t.db.declaration.findUniqueOrThrow({ where: { id: f.declaration.id } })).status).toBe("DRAFT");
});

test("switching to a real person drops step 4, switching back restores what was typed", async () => {
  const f = await declarationAt(t.db, 5, { personType: "LEGAL" });
  await asUser(f.holder.user.id);
  await t.db.declaration.update({
    where: { id: f.declaration.id },
    data: { data: { ...(f.declaration.data as object), "4": VALID_STEP_VALUES["4"] } as object },
  });
  let version = f.declaration.version;
  const toReal = await a.saveStepAction({
    declarationId: f.declaration.id,
    step: 3,
    version,
    values: { ...VALID_STEP_VALUES["3"], personType: "REAL" },
    mode: "complete",
  });
  expect(toReal).toMatchObject({ ok: true, data: { stepStatus: { "4": "NOT_NEEDED" } } });
  version += 1;
  const toLegal = await a.saveStepAction({
    declarationId: f.declaration.id,
    step: 3,
    version,
    values: { ...VALID_STEP_VALUES["3"], personType: "LEGAL" },
    mode: "complete",
  });
  expect(toLegal).toMatchObject({ ok: true, data: { stepStatus: { "4": "IN_PROGRESS" } } });
  const d = await t.db.declaration.findUniqueOrThrow({ where: { id: f.declaration.id } });
  expect((d.data as Record<string, unknown>)["4"]).toEqual(VALID_STEP_VALUES["4"]);
});

test("step 4 needs at least one board member to be complete", async () => {
  const f = await declarationAt(t.db, 4, { personType: "LEGAL" });
  await asUser(f.holder.user.id);
  const without = await a.saveStepAction({
    declarationId: f.declaration.id,
    step: 4,
    version: f.declaration.version,
    values: VALID_STEP_VALUES["4"],
    mode: "complete",
  });
  expect(without).toMatchObject({ ok: false, formError: expect.stringContaining("هیئت مدیره") });
  const added = await a.addBoardMemberAction({
    declarationId: f.declaration.id,
    version: f.declaration.version,
    values: { firstName: "مریم", lastName: "احمدی", nationalId: "0023456787", position: "مدیرعامل", mobile: "" },
  });
  expect(added.ok).toBe(true);
  const withOne = await a.saveStepAction({
    declarationId: f.declaration.id,
    step: 4,
    version: f.declaration.version + 1,
    values: VALID_STEP_VALUES["4"],
    mode: "complete",
  });
  expect(withOne).toMatchObject({ ok: true, data: { stepStatus: { "4": "COMPLETE" } } });
});

describe("step 7, staff", () => {
  test("the list must match step 3's numbers; the message names both numbers", async () => {
    const f = await declarationAt(t.db, 7); // step 3 declared 2 staff, 1 disabled
    await asUser(f.holder.user.id);
    let version = f.declaration.version;
    const one = await a.addStaffMemberAction({ declarationId: f.declaration.id, version, values: STAFF("0045678911", true) });
    expect(one.ok).toBe(true);
    version += 1;
    const early = await a.completeStaffAction({ declarationId: f.declaration.id, version });
    expect(early).toMatchObject({ ok: false, formError: expect.stringContaining("(۱ نفر)") });
    expect((early as { formError: string }).formError).toContain("(۲ نفر)");
    const two = await a.addStaffMemberAction({ declarationId: f.declaration.id, version, values: STAFF("0056789122") });
    expect(two.ok).toBe(true);
    version += 1;
    const done = await a.completeStaffAction({ declarationId: f.declaration.id, version });
    expect(done).toMatchObject({ ok: true, data: { stepStatus: { "7": "COMPLETE" } } });
  });

  test("the same national ID twice in one office is refused beside the field", async () => {
    const f = await declarationAt(t.db, 7);
    await asUser(f.holder.user.id);
    await a.addStaffMemberAction({ declarationId: f.declaration.id, version: f.declaration.version, values: STAFF("0067891233") });
    const again = await a.addStaffMemberAction({
      declarationId: f.declaration.id,
      version: f.declaration.version + 1,
      values: STAFF("0067891233"),
    });
    expect(again).toMatchObject({ ok: false, fieldErrors: { nationalId: expect.stringContaining("قبلاً") } });
    expect(await t.db.staffMember.count({ where: { declarationId: f.declaration.id } })).toBe(1);
  });

  test("the same national ID in another office is accepted (a discrepancy for the region, not an error)", async () => {
    const f = await declarationAt(t.db, 7);
    const g = await declarationAt(t.db, 7);
    await asUser(f.holder.user.id);
    expect(
      (await a.addStaffMemberAction({ declarationId: f.declaration.id, version: f.declaration.version, values: STAFF("0078912342") })).ok,
    ).toBe(true);
    await asUser(g.holder.user.id);
    expect(
      (await a.addStaffMemberAction({ declarationId: g.declaration.id, version: g.declaration.version, values: STAFF("0078912342") })).ok,
    ).toBe(true);
    expect(await t.db.staffMember.count({ where: { nationalId: "0078912342" } })).toBe(2);
    const { staffDiscrepancies } = await import("@/lib/declaration/discrepancies");
    const seen = await staffDiscrepancies(t.db, g.declaration.id);
    expect(seen).toEqual([
      { nationalId: "0078912342", name: "سارا کریمی", otherOffices: [{ code: f.holder.office.code, declarationId: f.declaration.id }] },
    ]);
  });

  test("another holder cannot remove a staff member", async () => {
    const f = await declarationAt(t.db, 7);
    await asUser(f.holder.user.id);
    const added = await a.addStaffMemberAction({
      declarationId: f.declaration.id,
      version: f.declaration.version,
      values: STAFF("0089123451"),
    });
    const rowId = (added as { data: { id: string } }).data.id;
    const other = await declarationAt(t.db, 7);
    await asUser(other.holder.user.id);
    const refused = await a.removeStaffMemberAction({ declarationId: f.declaration.id, version: f.declaration.version + 1, rowId });
    expect(refused).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const viaOwnFile = await a.removeStaffMemberAction({ declarationId: other.declaration.id, version: other.declaration.version, rowId });
    expect(viaOwnFile.ok).toBe(false);
    expect(await t.db.staffMember.count({ where: { id: rowId } })).toBe(1);
  });
});

test("after the window closes, or once submitted, nothing can be saved", async () => {
  const f = await declarationAt(t.db, 2);
  await asUser(f.holder.user.id);
  await t.db.declaration.update({ where: { id: f.declaration.id }, data: { status: "SUBMITTED" } });
  const submitted = await a.saveStepAction({
    declarationId: f.declaration.id,
    step: 2,
    version: f.declaration.version,
    values: VALID_STEP_VALUES["2"],
    mode: "draft",
  });
  expect(submitted).toMatchObject({ ok: false, formError: expect.stringContaining("ارسال شده") });

  const g = await declarationAt(t.db, 2);
  await asUser(g.holder.user.id);
  const round = await t.db.round.findUniqueOrThrow({ where: { id: g.declaration.roundId } });
  await t.db.round.update({ where: { id: round.id }, data: { windowClosesAt: new Date(Date.now() - 1000) } });
  try {
    const closed = await a.saveStepAction({
      declarationId: g.declaration.id,
      step: 2,
      version: g.declaration.version,
      values: VALID_STEP_VALUES["2"],
      mode: "draft",
    });
    expect(closed).toMatchObject({ ok: false, formError: expect.stringContaining("مهلت") });
  } finally {
    await t.db.round.update({ where: { id: round.id }, data: { windowClosesAt: round.windowClosesAt } });
  }
});

// The wizard's step page decides "may the holder change this step now" with the same rules
// the services enforce: they must never disagree (a form that looks open but refuses every
// save, or a closed-looking form the server would accept).
import { seedDemoData } from "@/prisma/demo-data";
import { loadStepPage } from "@/lib/declaration/load-step-page";
import { saveStep } from "@/lib/declaration/save-step";
import { CorrectionClosedError, NotFlaggedError, WindowClosedError } from "@/lib/declaration/errors";
import { NotFoundError } from "@/lib/errors/app-error";
import { setupTestDatabase } from "../helpers/test-database";
import { declarationAt, VALID_STEP_VALUES } from "../helpers/declarations";
import { createHolder, createStaffUser } from "../helpers/fixtures";

const t = setupTestDatabase();
const MINUTE = 60_000;

beforeAll(async () => {
  await seedDemoData(t.db);
});

const draftSave = (f: Awaited<ReturnType<typeof declarationAt>>, step: number, version: number, now: Date) =>
  saveStep(
    t.db,
    f.actor,
    f.caller,
    { declarationId: f.declaration.id, step, version, values: VALID_STEP_VALUES[String(step)]!, mode: "draft" },
    now,
  );

test("inside the window the holder's open step is editable, and the service saves it", async () => {
  const f = await declarationAt(t.db, 3);
  const now = new Date();
  const page = await loadStepPage(t.db, f.caller, f.declaration.id, 3, now);
  expect(page).toMatchObject({ readOnly: false, state: "NOT_STARTED", body: { kind: "form", step: 3 } });
  await expect(draftSave(f, 3, f.declaration.version, now)).resolves.toMatchObject({ version: f.declaration.version + 1 });
});

test("before the window opens the page is read-only, as the service refuses the save", async () => {
  const f = await declarationAt(t.db, 3);
  const round = await t.db.round.findUniqueOrThrow({ where: { id: f.declaration.roundId } });
  const early = new Date(round.windowOpensAt.getTime() - MINUTE);
  expect((await loadStepPage(t.db, f.caller, f.declaration.id, 3, early)).readOnly).toBe(true);
  await expect(draftSave(f, 3, f.declaration.version, early)).rejects.toBeInstanceOf(WindowClosedError);
  const late = new Date(round.windowClosesAt.getTime() + MINUTE);
  expect((await loadStepPage(t.db, f.caller, f.declaration.id, 3, late)).readOnly).toBe(true);
  await expect(draftSave(f, 3, f.declaration.version, late)).rejects.toBeInstanceOf(WindowClosedError);
});

test("a returned file opens only the flagged field, until the earliest correction deadline", async () => {
  const f = await declarationAt(t.db, 9);
  const now = new Date();
  const expert = (await createStaffUser(t.db, "EXPERT", { regionId: f.declaration.regionId })).user;
  const [soon, later] = [new Date(now.getTime() + 60 * MINUTE), new Date(now.getTime() + 24 * 60 * MINUTE)];
  await t.db.declaration.update({
    where: { id: f.declaration.id },
    data: { status: "RETURNED", trackingCode: "123412341234", submittedAt: now },
  });
  await t.db.correctionRequest.createMany({
    data: [
      {
        declarationId: f.declaration.id,
        section: "3",
        field: "licenceNumber",
        comment: "شماره پروانه را اصلاح کنید.",
        dueAt: later,
        createdById: expert.id,
      },
      {
        declarationId: f.declaration.id,
        section: "3",
        field: "floorArea",
        comment: "مساحت را اصلاح کنید.",
        dueAt: soon,
        createdById: expert.id,
      },
    ],
  });
  const version = (await t.db.declaration.findUniqueOrThrow({ where: { id: f.declaration.id } })).version;

  const step3 = await loadStepPage(t.db, f.caller, f.declaration.id, 3, now);
  expect(step3).toMatchObject({ readOnly: false, openFields: ["licenceNumber", "floorArea"], correction: { dueAt: soon, open: true } });
  const step5 = await loadStepPage(t.db, f.caller, f.declaration.id, 5, now);
  expect(step5).toMatchObject({ readOnly: true, correction: { open: false } });
  await expect(draftSave(f, 5, version, now)).rejects.toBeInstanceOf(NotFlaggedError);

  // After the earliest deadline both the page and the service close, even though the other request is still "open".
  const after = new Date(soon.getTime() + MINUTE);
  expect((await loadStepPage(t.db, f.caller, f.declaration.id, 3, after)).readOnly).toBe(true);
  await expect(draftSave(f, 3, version, after)).rejects.toBeInstanceOf(CorrectionClosedError);
});

test("the region's expert sees the step read-only; another holder and an unknown step get not found", async () => {
  const f = await declarationAt(t.db, 3);
  const expert = (await createStaffUser(t.db, "EXPERT", { regionId: f.declaration.regionId })).user;
  const page = await loadStepPage(t.db, { id: expert.id, role: "EXPERT", regionId: expert.regionId }, f.declaration.id, 3, new Date());
  expect(page.readOnly).toBe(true);
  const other = await createHolder(t.db, { password: "another-holder-secret" });
  await expect(
    loadStepPage(t.db, { id: other.user.id, role: "HOLDER", regionId: null }, f.declaration.id, 3, new Date()),
  ).rejects.toBeInstanceOf(NotFoundError);
  await expect(loadStepPage(t.db, f.caller, f.declaration.id, 10, new Date())).rejects.toBeInstanceOf(NotFoundError);
});

test("a staff member's birth date comes back as the day typed (a date column), in the form and in the summary", async () => {
  const { addStaffMember } = await import("@/lib/declaration/staff");
  const { formatJalaliDay } = await import("@/lib/format/jalali");
  const f = await declarationAt(t.db, 7);
  const member = (nationalId: string, birthDate: string) => ({
    firstName: "سارا",
    lastName: "کریمی",
    birthDate,
    gender: "FEMALE",
    nationalId,
    mobile: "09351234567",
    disabled: false,
    insured: true,
    acceptsTerms: true,
  });
  let version = f.declaration.version;
  for (const [id, day] of [
    ["0045678911", "1370/03/15"],
    ["0056789122", "1372/07/01"],
  ] as const) {
    version = (
      await addStaffMember(t.db, { actor: f.actor, caller: f.caller }, { declarationId: f.declaration.id, version }, member(id, day))
    ).version;
  }
  const page = await loadStepPage(t.db, f.caller, f.declaration.id, 7, new Date());
  if (page.body?.kind !== "staff") throw new Error("not the staff step");
  expect(page.body.staff.map((s) => formatJalaliDay(s.birthDate))).toEqual(["۱۳۷۰/۰۳/۱۵", "۱۳۷۲/۰۷/۰۱"]);
  const stored = await t.db.$queryRaw<
    { d: string }[]
  >`SELECT "birthDate"::text AS d FROM "StaffMember" WHERE "declarationId" = ${f.declaration.id} ORDER BY "createdAt"`;
  expect(stored.map((r) => r.d)).toEqual(["1991-06-05", "1993-09-23"]);
});

// The head office's rule sets: an upload is validated with every bad field named, stored
// as the next version of its key (the same content twice is one version), compared with
// another version, previewed on an office's file, approved (who and when) and then
// immutable — the database itself refuses a change. Nobody but the head office gets in.
import sample from "@/lib/ranking/sample-ruleset.json";
import { seedDemoData } from "@/prisma/demo-data";
import { approveRuleSet, deleteRuleSet, RuleSetUploadError, uploadRuleSet } from "@/lib/admin/rule-sets";
import { previewRuleSet } from "@/lib/admin/preview-rule-set";
import { ruleSetCoverageWarnings } from "@/lib/admin/rule-set-coverage";
import { compareRuleSets, parseRuleSet } from "@/lib/ranking";
import { NotFoundError, RefusedError } from "@/lib/errors/app-error";
import { setupTestDatabase } from "../helpers/test-database";
import { createHolder, createStaffUser } from "../helpers/fixtures";
import { declarationAt } from "../helpers/declarations";

const t = setupTestDatabase();
let admin: { id: string; role: "ADMIN"; regionId: null };
const actor = () => ({ userId: admin.id, role: "ADMIN" as const, ip: null });
const clone = () => JSON.parse(JSON.stringify(sample)) as typeof sample & Record<string, unknown>;
const upload = (def: unknown, fileName = "table.json") =>
  uploadRuleSet(t.db, actor(), admin, { fileName, text: typeof def === "string" ? def : JSON.stringify(def, null, 2) });

beforeAll(async () => {
  await seedDemoData(t.db);
  admin = { id: (await createStaffUser(t.db, "ADMIN")).user.id, role: "ADMIN", regionId: null };
});

async function refusal(def: unknown): Promise<RuleSetUploadError> {
  const e = await upload(def).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(RuleSetUploadError);
  return e as RuleSetUploadError;
}

test("every validation error of RULESET.md is reported with its field, and nothing is stored", async () => {
  const before = await t.db.ruleSet.count();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- deliberately malformed JSON
  const bad = clone() as Record<string, any>;
  bad.id = "official-1405";
  bad.criteria[0].bands = [
    { min: 30, points: 8 },
    { min: 20, points: 4 },
  ]; // not ascending
  bad.criteria[1].kind = "perHead"; // unknown kind
  bad.criteria[2].key = bad.criteria[3].key; // duplicate key
  bad.criteria[6].points = -5; // negative points
  delete bad.criteria[8].max; // regionEntered without max
  bad.violations[1].code = "V01"; // duplicate code
  bad.ranks = [
    { rank: 1, minScore: 50 },
    { rank: 2, minScore: 70 },
    { rank: 3, minScore: 10 },
  ]; // ascending, no catch-all
  const e = await refusal(bad);
  const paths = e.issues.map((i) => i.path);
  expect(paths).toEqual(
    expect.arrayContaining([
      "criteria[0].bands[1].min",
      "criteria[1].kind",
      "criteria[3].key",
      "criteria[6].points",
      "criteria[8].max",
      "violations[1].code",
      "ranks",
    ]),
  );
  for (const i of e.issues) expect(i.message).toContain(`(${i.path})`);
  // The form shows them as path → message.
  expect(Object.keys(e.fieldErrors)).toEqual(expect.arrayContaining(["criteria[1].kind", "violations[1].code"]));
  expect(e.userMessage).toMatch(/خطا دارد/);

  const syntax = await refusal('{\n  "id": "x",\n  "title": "t",\n}');
  expect(syntax.issues[0]!.message).toMatch(/JSON معتبر نیست \(سطر ۴|JSON معتبر نیست \(سطر 4/);
  await expect(upload("   ")).rejects.toMatchObject({ fieldErrors: { file: expect.any(String) } });
  expect(await t.db.ruleSet.count()).toBe(before);
});

test("versions: an upload is the next version of its key, the same content twice is one version, and two versions compare field by field", async () => {
  const v1 = clone();
  v1.id = "official-1406";
  v1.isSample = false;
  v1.title = "جدول رسمی ۱۴۰۶";
  const first = await upload(v1);
  expect(first).toMatchObject({ version: 1, existing: false });
  // Key order and whitespace do not make a new version.
  const again = await upload(JSON.stringify(Object.fromEntries(Object.entries(v1).reverse())));
  expect(again).toEqual({ ruleSetId: first.ruleSetId, version: 1, existing: true });

  const v2 = clone();
  Object.assign(v2, { id: "official-1406", isSample: false, title: "جدول رسمی ۱۴۰۶" });
  (v2.criteria[0] as { bands: { min: number; points: number }[] }).bands[1]!.points = 9;
  v2.criteria = v2.criteria.filter((c) => c.key !== "association");
  v2.violations.push({ code: "V24", title: "تخلف تازه", points: 2 });
  v2.ranks[0]!.minScore = 75;
  const second = await upload(v2);
  expect(second).toMatchObject({ version: 2, existing: false });
  const rows = await t.db.ruleSet.findMany({ where: { key: "official-1406" }, orderBy: { version: "asc" } });
  expect(rows.map((r) => [r.version, r.isSample, r.approvedAt, r.uploadedById])).toEqual([
    [1, false, null, admin.id],
    [2, false, null, admin.id],
  ]);
  const audit = await t.db.auditEvent.findMany({ where: { action: "ruleset.uploaded", targetId: { in: rows.map((r) => r.id) } } });
  expect(audit).toHaveLength(2);

  const diff = compareRuleSets(parseRuleSet(rows[0]!.definition), parseRuleSet(rows[1]!.definition));
  expect(diff.identical).toBe(false);
  expect(diff.criteria.removed.map((c) => c.key)).toEqual(["association"]);
  expect(diff.criteria.changed).toEqual([expect.objectContaining({ changes: [{ field: "bands[1].points", before: 8, after: 9 }] })]);
  expect(diff.violations.added.map((v) => v.code)).toEqual(["V24"]);
  expect(diff.ranks).toEqual([{ rank: 1, field: "minScore", before: 70, after: 75 }]);
});

test("approval records who and when; an approved rule set cannot be changed, deleted or approved again, even directly in the database", async () => {
  const def = clone();
  def.id = "to-approve";
  const { ruleSetId } = await upload(def);
  await approveRuleSet(t.db, actor(), admin, ruleSetId, new Date("2026-11-20T08:00:00Z"));
  const row = await t.db.ruleSet.findUniqueOrThrow({ where: { id: ruleSetId } });
  expect(row).toMatchObject({ approvedById: admin.id, approvedAt: new Date("2026-11-20T08:00:00Z") });
  expect(await t.db.auditEvent.count({ where: { action: "ruleset.approved", targetId: ruleSetId, actorId: admin.id } })).toBe(1);

  await expect(approveRuleSet(t.db, actor(), admin, ruleSetId)).rejects.toBeInstanceOf(RefusedError);
  await expect(deleteRuleSet(t.db, actor(), admin, ruleSetId)).rejects.toBeInstanceOf(RefusedError);
  await expect(t.db.ruleSet.update({ where: { id: ruleSetId }, data: { title: "دست‌کاری" } })).rejects.toThrow(
    /approved and cannot be changed/,
  );
  await expect(t.db.ruleSet.delete({ where: { id: ruleSetId } })).rejects.toThrow(/approved and cannot be changed/);
  expect((await t.db.ruleSet.findUniqueOrThrow({ where: { id: ruleSetId } })).title).toBe(row.title);

  // An unapproved upload may be deleted.
  const draft = clone();
  draft.id = "to-delete";
  const d = await upload(draft);
  await deleteRuleSet(t.db, actor(), admin, d.ruleSetId);
  expect(await t.db.ruleSet.findUnique({ where: { id: d.ruleSetId } })).toBeNull();
});

test("preview scores an office's latest file with the candidate and shows its score under its own round's table", async () => {
  const { declaration } = await declarationAt(t.db, 9);
  const office = await t.db.office.findUniqueOrThrow({ where: { id: declaration.officeId } });
  const harsher = clone();
  harsher.id = "harsher";
  harsher.criteria[0] = {
    key: "floorArea",
    title: "متراژ دفتر",
    fact: "floorArea",
    kind: "bands",
    bands: [{ min: 1000, points: 15 }],
  } as never;
  const { ruleSetId } = await upload(harsher);
  const p = await previewRuleSet(t.db, admin, { ruleSetId, officeCode: office.code });
  expect(p.office.code).toBe(office.code);
  const floor = p.candidate.rows.find((r) => r.key === "floorArea")!;
  expect(floor.points).toBe(0);
  expect(p.current.positive - p.candidate.positive).toBeGreaterThan(0);
  expect(p.candidate.total).toBe(p.candidate.positive - p.candidate.negative);

  await expect(previewRuleSet(t.db, admin, { ruleSetId, officeCode: "99999" })).rejects.toMatchObject({
    fieldErrors: { officeCode: expect.any(String) },
  });
  const noFile = await createHolder(t.db);
  await expect(previewRuleSet(t.db, admin, { ruleSetId, officeCode: noFile.office.code })).rejects.toMatchObject({
    fieldErrors: { officeCode: expect.stringContaining("پرونده") },
  });
});

test("coverage warnings name criteria this system cannot feed", () => {
  const def = clone();
  def.criteria.push({ key: "wifi", title: "اینترنت بی‌سیم", fact: "hasWifi", kind: "boolean", points: 2 } as never);
  (def.criteria[4] as { choices: Record<string, number> }).choices.phd = 10;
  const warnings = ruleSetCoverageWarnings(parseRuleSet(def));
  expect(warnings.map((w) => w.path)).toEqual(["criteria[4].choices.phd", `criteria[${def.criteria.length - 1}].fact`]);
  expect(ruleSetCoverageWarnings(parseRuleSet(sample))).toEqual([]);
});

test("experts and holders cannot upload, approve, delete or preview rule sets (not found)", async () => {
  const expert = (await createStaffUser(t.db, "EXPERT", { regionId: 1 })).user;
  const holder = (await createHolder(t.db)).user;
  const def = clone();
  def.id = "intruder";
  const { ruleSetId } = await upload(def);
  for (const who of [
    { id: expert.id, role: "EXPERT" as const, regionId: 1 },
    { id: holder.id, role: "HOLDER" as const, regionId: null },
  ]) {
    const a = { userId: who.id, role: who.role, ip: null };
    await expect(
      uploadRuleSet(t.db, a, who, { fileName: "x.json", text: JSON.stringify({ ...def, id: "intruder-2" }) }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(approveRuleSet(t.db, a, who, ruleSetId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteRuleSet(t.db, a, who, ruleSetId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(previewRuleSet(t.db, who, { ruleSetId, officeCode: "21001" })).rejects.toBeInstanceOf(NotFoundError);
  }
  expect(await t.db.ruleSet.findUniqueOrThrow({ where: { id: ruleSetId } })).toMatchObject({ approvedAt: null });
  expect(await t.db.ruleSet.count({ where: { key: "intruder-2" } })).toBe(0);
});

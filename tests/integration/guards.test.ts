import { loadDeclarationFor, loadOfficeFor, type Caller } from "@/lib/authz/guards";
import { NotFoundError } from "@/lib/errors/app-error";
import { can, scopeOf } from "@/lib/authz/permissions";
import { startDeclaration } from "@/lib/declaration/start-declaration";
import { PROVINCES } from "@/lib/geo/regions";
import { seedDemoData } from "@/prisma/demo-data";
import { setupTestDatabase } from "../helpers/test-database";
import { createHolder, createStaffUser } from "../helpers/fixtures";

const t = setupTestDatabase();

// Province 5 (قزوین) is in region 2; province 1 (تهران) is in region 1.
const QAZVIN = 5;
const QAZVIN_REGION = PROVINCES.find((p) => p.id === QAZVIN)!.regionId;
const MISSING_ID = "cm0000000000000000000000a";

type Holder = Awaited<ReturnType<typeof createHolder>>;
let holder: Holder;
let otherHolder: Holder;
let holderCaller: Caller;
let otherCaller: Caller;
let expertSameRegion: Caller;
let expertOtherRegion: Caller;
let adminCaller: Caller;
let declarationId: string;
let otherDeclarationId: string;

const callerOf = (u: { id: string; role: Caller["role"]; regionId: number | null }): Caller => ({
  id: u.id,
  role: u.role,
  regionId: u.regionId,
});

beforeAll(async () => {
  await seedDemoData(t.db);
  holder = await createHolder(t.db, { provinceId: QAZVIN });
  otherHolder = await createHolder(t.db, { provinceId: 1 });
  holderCaller = callerOf(holder.user);
  otherCaller = callerOf(otherHolder.user);
  expertSameRegion = callerOf((await createStaffUser(t.db, "EXPERT", { regionId: QAZVIN_REGION })).user);
  expertOtherRegion = callerOf((await createStaffUser(t.db, "EXPERT", { regionId: QAZVIN_REGION === 1 ? 3 : 1 })).user);
  adminCaller = callerOf((await createStaffUser(t.db, "ADMIN")).user);
  declarationId = (await startDeclaration(t.db, { userId: holder.user.id, role: "HOLDER", ip: null })).id;
  otherDeclarationId = (await startDeclaration(t.db, { userId: otherHolder.user.id, role: "HOLDER", ip: null })).id;
});

describe("loadOfficeFor", () => {
  test("a holder loads their own office", async () => {
    const office = await loadOfficeFor(t.db, holderCaller, holder.office.id);
    expect(office.id).toBe(holder.office.id);
    expect(office.province.regionId).toBe(QAZVIN_REGION);
  });

  test("another holder's office is 'not found' for a holder", async () => {
    await expect(loadOfficeFor(t.db, otherCaller, holder.office.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(loadOfficeFor(t.db, holderCaller, otherHolder.office.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  test("an expert of the office's region loads it; an expert of another region gets 'not found'", async () => {
    expect((await loadOfficeFor(t.db, expertSameRegion, holder.office.id)).id).toBe(holder.office.id);
    await expect(loadOfficeFor(t.db, expertOtherRegion, holder.office.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  test("an expert with no region sees no office", async () => {
    await expect(loadOfficeFor(t.db, { ...expertSameRegion, regionId: null }, holder.office.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  test("an admin loads any office", async () => {
    expect((await loadOfficeFor(t.db, adminCaller, holder.office.id)).id).toBe(holder.office.id);
    expect((await loadOfficeFor(t.db, adminCaller, otherHolder.office.id)).id).toBe(otherHolder.office.id);
  });

  test("a non-existent id is 'not found' for every role, the same error as for someone else's office", async () => {
    for (const caller of [holderCaller, expertSameRegion, adminCaller]) {
      await expect(loadOfficeFor(t.db, caller, MISSING_ID)).rejects.toBeInstanceOf(NotFoundError);
    }
    const missing = await loadOfficeFor(t.db, holderCaller, MISSING_ID).catch((e: Error) => e.message);
    const foreign = await loadOfficeFor(t.db, holderCaller, otherHolder.office.id).catch((e: Error) => e.message);
    expect(foreign).toBe(missing);
  });
});

describe("loadDeclarationFor", () => {
  test("a holder loads their own declaration, for viewing and for editing", async () => {
    expect((await loadDeclarationFor(t.db, holderCaller, declarationId)).id).toBe(declarationId);
    expect((await loadDeclarationFor(t.db, holderCaller, declarationId, "declaration:edit")).id).toBe(declarationId);
  });

  test("another holder's declaration is 'not found', for viewing and for editing", async () => {
    await expect(loadDeclarationFor(t.db, otherCaller, declarationId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(loadDeclarationFor(t.db, otherCaller, declarationId, "declaration:edit")).rejects.toBeInstanceOf(NotFoundError);
  });

  test("a holder may not review, even their own declaration", async () => {
    await expect(loadDeclarationFor(t.db, holderCaller, declarationId, "declaration:review")).rejects.toBeInstanceOf(NotFoundError);
  });

  test("an expert of the region views and reviews it; an expert of another region gets 'not found'", async () => {
    expect((await loadDeclarationFor(t.db, expertSameRegion, declarationId)).id).toBe(declarationId);
    expect((await loadDeclarationFor(t.db, expertSameRegion, declarationId, "declaration:review")).id).toBe(declarationId);
    await expect(loadDeclarationFor(t.db, expertOtherRegion, declarationId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(loadDeclarationFor(t.db, expertOtherRegion, declarationId, "declaration:review")).rejects.toBeInstanceOf(NotFoundError);
  });

  test("'declaration:edit' is 'not found' for an expert, even in their own region", async () => {
    expect(scopeOf("EXPERT", "declaration:edit")).toBeNull();
    await expect(loadDeclarationFor(t.db, expertSameRegion, declarationId, "declaration:edit")).rejects.toBeInstanceOf(NotFoundError);
  });

  test("an admin views any declaration but may neither review nor edit (as permissions.ts defines)", async () => {
    expect(can("ADMIN", "declaration:view:any")).toBe(true);
    expect(scopeOf("ADMIN", "declaration:review")).toBeNull();
    expect(scopeOf("ADMIN", "declaration:edit")).toBeNull();
    expect((await loadDeclarationFor(t.db, adminCaller, declarationId)).id).toBe(declarationId);
    expect((await loadDeclarationFor(t.db, adminCaller, otherDeclarationId)).id).toBe(otherDeclarationId);
    await expect(loadDeclarationFor(t.db, adminCaller, declarationId, "declaration:review")).rejects.toBeInstanceOf(NotFoundError);
    await expect(loadDeclarationFor(t.db, adminCaller, declarationId, "declaration:edit")).rejects.toBeInstanceOf(NotFoundError);
  });

  test("a non-existent id is 'not found' for every role", async () => {
    for (const caller of [holderCaller, expertSameRegion, adminCaller]) {
      await expect(loadDeclarationFor(t.db, caller, MISSING_ID)).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  test("an office id given as a declaration id (and the reverse) finds nothing", async () => {
    await expect(loadDeclarationFor(t.db, adminCaller, holder.office.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(loadOfficeFor(t.db, adminCaller, declarationId)).rejects.toBeInstanceOf(NotFoundError);
  });
});

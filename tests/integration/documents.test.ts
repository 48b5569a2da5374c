import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import { seedDemoData } from "@/prisma/demo-data";
import { startDeclaration } from "@/lib/declaration/start-declaration";
import { uploadDocument } from "@/lib/declaration/upload-document";
import { deleteDocument } from "@/lib/declaration/delete-document";
import { readDocument } from "@/lib/declaration/read-document";
import { StaleVersionError, StepInvalidError, WindowClosedError } from "@/lib/declaration/errors";
import { NotFoundError } from "@/lib/errors/app-error";
import { DOCUMENT_KINDS, MAX_DOCUMENT_BYTES } from "@/lib/documents/kinds";
import { DOCUMENT_NOT_FOUND_MESSAGE } from "@/lib/declaration/document-messages";
import { LocalFileStore, fileStore, type FileStore } from "@/lib/storage/storage";
import type { DocumentKind } from "@/lib/generated/prisma/enums";
import { setupTestDatabase } from "../helpers/test-database";
import { createHolder, createStaffUser } from "../helpers/fixtures";
import { htmlFile, tinyDocx, tinyJpeg, tinyPdf } from "../helpers/file-fixtures";

const t = setupTestDatabase();
let storageDir: string;
const savedEnv = { dir: process.env.PISHKHAN_STORAGE_DIR, blob: process.env.BLOB_READ_WRITE_TOKEN };

beforeAll(async () => {
  storageDir = fs.mkdtempSync(path.join(os.tmpdir(), "pishkhan-docs-"));
  process.env.PISHKHAN_STORAGE_DIR = storageDir;
  delete process.env.BLOB_READ_WRITE_TOKEN;
  await seedDemoData(t.db);
});

afterAll(() => {
  fs.rmSync(storageDir, { recursive: true, force: true });
  if (savedEnv.dir === undefined) delete process.env.PISHKHAN_STORAGE_DIR;
  else process.env.PISHKHAN_STORAGE_DIR = savedEnv.dir;
  if (savedEnv.blob !== undefined) process.env.BLOB_READ_WRITE_TOKEN = savedEnv.blob;
});

type Who = Parameters<typeof uploadDocument>[1];

async function holderWithDeclaration() {
  const h = await createHolder(t.db);
  const who: Who = { actor: { userId: h.user.id, role: "HOLDER", ip: null }, caller: { id: h.user.id, role: "HOLDER", regionId: null } };
  const declaration = await startDeclaration(t.db, who.actor);
  return { ...h, who, declaration };
}

function storedFiles(): string[] {
  if (!fs.existsSync(storageDir)) return [];
  return (fs.readdirSync(storageDir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(storageDir, f)).isFile()).sort();
}

function fileFor(kind: DocumentKind): { bytes: Buffer; fileName: string } {
  if (kind === "CONTRACTS_LIST") return { bytes: tinyDocx(), fileName: "فهرست قراردادها.docx" };
  if (kind === "CONTRACTS" || kind === "LICENCE") return { bytes: tinyPdf(), fileName: `${kind.toLowerCase()}.pdf` };
  return { bytes: tinyJpeg(), fileName: `${kind.toLowerCase()}.jpg` };
}

async function currentVersion(declarationId: string) {
  return (await t.db.declaration.findUniqueOrThrow({ where: { id: declarationId } })).version;
}

async function expectNothingWritten(declarationId: string, before: { version: number; files: string[]; rows: number; audits: number }) {
  expect(await currentVersion(declarationId)).toBe(before.version);
  expect(storedFiles()).toEqual(before.files);
  expect(await t.db.document.count({ where: { declarationId } })).toBe(before.rows);
  expect(await t.db.auditEvent.count({ where: { action: { in: ["document.uploaded", "document.deleted"] } } })).toBe(before.audits);
}

async function snapshot(declarationId: string) {
  return {
    version: await currentVersion(declarationId),
    files: storedFiles(),
    rows: await t.db.document.count({ where: { declarationId } }),
    audits: await t.db.auditEvent.count({ where: { action: { in: ["document.uploaded", "document.deleted"] } } }),
  };
}

describe("uploadDocument", () => {
  test("uploading every required kind makes step 1 COMPLETE; each upload is stored, bumps the version and is audited", async () => {
    const { who, declaration, user } = await holderWithDeclaration();
    let version = declaration.version;
    for (const [i, spec] of DOCUMENT_KINDS.entries()) {
      const { bytes, fileName } = fileFor(spec.kind);
      const result = await uploadDocument(t.db, who, { declarationId: declaration.id, version, kind: spec.kind, fileName, bytes });
      expect(result.version).toBe(version + 1);
      version = result.version;
      expect(result.document).toMatchObject({ kind: spec.kind, fileName, size: bytes.length });
      const last = i === DOCUMENT_KINDS.length - 1;
      expect(result.stepStatus["1"]).toBe(last ? "COMPLETE" : "IN_PROGRESS");

      const row = await t.db.document.findUniqueOrThrow({ where: { id: result.document.id } });
      expect(row.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(row.uploadedById).toBe(user.id);
      expect(row.objectionId).toBeNull();
      expect(row.storageKey).toMatch(/^documents\/[0-9a-f-]{36}$/);
      expect(row.storageKey).not.toContain(fileName);
      expect(await fileStore().get(row.storageKey)).toEqual(bytes);
    }
    const stored = await t.db.declaration.findUniqueOrThrow({ where: { id: declaration.id } });
    expect((stored.stepStatus as Record<string, string>)["1"]).toBe("COMPLETE");
    expect(stored.version).toBe(declaration.version + DOCUMENT_KINDS.length);

    const docs = await t.db.document.findMany({ where: { declarationId: declaration.id } });
    expect(docs.map((d) => d.contentType).sort()).toEqual(
      [
        ...Array(6).fill("image/jpeg"),
        ...Array(2).fill("application/pdf"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      ].sort(),
    );
    const audits = await t.db.auditEvent.findMany({ where: { action: "document.uploaded", actorId: user.id } });
    expect(audits).toHaveLength(DOCUMENT_KINDS.length);
    expect(audits.map((a) => a.targetId).sort()).toEqual(docs.map((d) => d.id).sort());
    expect(audits.every((a) => a.targetType === "Document" && a.actorRole === "HOLDER")).toBe(true);
  });

  test("replacing keeps one row per kind, removes the old bytes and records what was replaced", async () => {
    const { who, declaration } = await holderWithDeclaration();
    const first = await uploadDocument(t.db, who, {
      declarationId: declaration.id,
      version: declaration.version,
      kind: "SIGNBOARD",
      fileName: "old.jpg",
      bytes: tinyJpeg(),
    });
    const oldRow = await t.db.document.findUniqueOrThrow({ where: { id: first.document.id } });
    const second = await uploadDocument(t.db, who, {
      declarationId: declaration.id,
      version: first.version,
      kind: "SIGNBOARD",
      fileName: "new.pdf",
      bytes: tinyPdf(),
    });

    const rows = await t.db.document.findMany({ where: { declarationId: declaration.id, kind: "SIGNBOARD" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: second.document.id, fileName: "new.pdf", contentType: "application/pdf" });
    expect(await fileStore().get(oldRow.storageKey)).toBeNull();
    expect(await fileStore().get(rows[0]!.storageKey)).toEqual(tinyPdf());
    expect(second.stepStatus["1"]).toBe("IN_PROGRESS");

    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: "document.uploaded", targetId: second.document.id } });
    expect(audit.before).toEqual([expect.objectContaining({ id: oldRow.id, kind: "SIGNBOARD", fileName: "old.jpg" })]);
  });

  test("an HTML page named .jpg is refused with the Persian message, and nothing is written", async () => {
    const { who, declaration } = await holderWithDeclaration();
    const before = await snapshot(declaration.id);
    const attempt = uploadDocument(t.db, who, {
      declarationId: declaration.id,
      version: declaration.version,
      kind: "SIGNBOARD",
      fileName: "photo.jpg",
      bytes: htmlFile(),
    });
    await expect(attempt).rejects.toBeInstanceOf(StepInvalidError);
    await expect(attempt).rejects.toMatchObject({
      fieldErrors: { file: "این فایل JPEG یا PDF نیست؛ نوع فایل از روی محتوای آن بررسی می‌شود، نه از روی نام آن." },
    });
    await expectNothingWritten(declaration.id, before);
  });

  test("a Word file is refused for a photo kind (only the contracts accept .docx)", async () => {
    const { who, declaration } = await holderWithDeclaration();
    await expect(
      uploadDocument(t.db, who, {
        declarationId: declaration.id,
        version: declaration.version,
        kind: "INTERIOR",
        fileName: "x.jpg",
        bytes: tinyDocx(),
      }),
    ).rejects.toMatchObject({ fieldErrors: { file: expect.stringContaining("JPEG یا PDF نیست") } });
  });

  test("2 MB + 1 byte is refused with a message naming the size, and nothing is written", async () => {
    const { who, declaration } = await holderWithDeclaration();
    const before = await snapshot(declaration.id);
    const jpeg = tinyJpeg();
    const bytes = Buffer.concat([jpeg.subarray(0, -2), Buffer.alloc(MAX_DOCUMENT_BYTES + 1 - jpeg.length), jpeg.subarray(-2)]);
    expect(bytes.length).toBe(MAX_DOCUMENT_BYTES + 1);
    const attempt = uploadDocument(t.db, who, {
      declarationId: declaration.id,
      version: declaration.version,
      kind: "SIGNBOARD",
      fileName: "big.jpg",
      bytes,
    });
    await expect(attempt).rejects.toBeInstanceOf(StepInvalidError);
    await expect(attempt).rejects.toMatchObject({
      fieldErrors: { file: expect.stringMatching(/^حجم فایل \(۲٬۰۹۷٬۱۵۳ بایت\) بیش از ۲ مگابایت است\./) },
    });
    await expectNothingWritten(declaration.id, before);

    // Exactly 2 MB is accepted.
    const exact = bytes.subarray(1);
    const ok = await uploadDocument(t.db, who, {
      declarationId: declaration.id,
      version: declaration.version,
      kind: "SIGNBOARD",
      fileName: "exact.jpg",
      bytes: Buffer.concat([jpeg.subarray(0, 3), exact.subarray(3)]),
    });
    expect(ok.document.size).toBe(MAX_DOCUMENT_BYTES);
  });

  test("a stale version is refused (StaleVersionError) and nothing is written: the stored bytes are removed again", async () => {
    const { who, declaration } = await holderWithDeclaration();
    const first = await uploadDocument(t.db, who, {
      declarationId: declaration.id,
      version: declaration.version,
      kind: "LICENCE",
      fileName: "l.pdf",
      bytes: tinyPdf(),
    });
    const before = await snapshot(declaration.id);
    await expect(
      uploadDocument(t.db, who, {
        declarationId: declaration.id,
        version: declaration.version,
        kind: "DEGREE",
        fileName: "d.jpg",
        bytes: tinyJpeg(),
      }),
    ).rejects.toBeInstanceOf(StaleVersionError);
    await expectNothingWritten(declaration.id, before);
    expect(before.version).toBe(first.version);
  });

  test("two uploads at the same moment from the same version: one wins, the other is stale and leaves no bytes", async () => {
    const { who, declaration } = await holderWithDeclaration();
    const before = await snapshot(declaration.id);
    const results = await Promise.allSettled([
      uploadDocument(t.db, who, {
        declarationId: declaration.id,
        version: declaration.version,
        kind: "SIGNBOARD",
        fileName: "a.jpg",
        bytes: tinyJpeg(),
      }),
      uploadDocument(t.db, who, {
        declarationId: declaration.id,
        version: declaration.version,
        kind: "INTERIOR",
        fileName: "b.jpg",
        bytes: tinyJpeg(),
      }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r) => r.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toBeInstanceOf(StaleVersionError);
    expect(await t.db.document.count({ where: { declarationId: declaration.id } })).toBe(1);
    expect(storedFiles()).toHaveLength(before.files.length + 1);
    expect(await currentVersion(declaration.id)).toBe(declaration.version + 1);
  });

  test("another holder's declaration is 'not found', and nothing is written", async () => {
    const a = await holderWithDeclaration();
    const b = await holderWithDeclaration();
    const before = await snapshot(a.declaration.id);
    await expect(
      uploadDocument(t.db, b.who, {
        declarationId: a.declaration.id,
        version: a.declaration.version,
        kind: "SIGNBOARD",
        fileName: "x.jpg",
        bytes: tinyJpeg(),
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expectNothingWritten(a.declaration.id, before);
  });

  test("an expert, even of the office's region, cannot upload into a holder's declaration", async () => {
    const a = await holderWithDeclaration();
    const expert = await createStaffUser(t.db, "EXPERT", { regionId: a.declaration.regionId });
    const before = await snapshot(a.declaration.id);
    await expect(
      uploadDocument(
        t.db,
        {
          actor: { userId: expert.user.id, role: "EXPERT", ip: null },
          caller: { id: expert.user.id, role: "EXPERT", regionId: a.declaration.regionId },
        },
        { declarationId: a.declaration.id, version: a.declaration.version, kind: "SIGNBOARD", fileName: "x.jpg", bytes: tinyJpeg() },
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expectNothingWritten(a.declaration.id, before);
  });

  test("after the round's window has closed it throws WindowClosedError and writes nothing", async () => {
    const { who, declaration } = await holderWithDeclaration();
    const round = await t.db.round.findUniqueOrThrow({ where: { id: declaration.roundId } });
    const before = await snapshot(declaration.id);
    await expect(
      uploadDocument(
        t.db,
        who,
        { declarationId: declaration.id, version: declaration.version, kind: "SIGNBOARD", fileName: "x.jpg", bytes: tinyJpeg() },
        { now: new Date(round.windowClosesAt.getTime() + 1000) },
      ),
    ).rejects.toBeInstanceOf(WindowClosedError);
    await expectNothingWritten(declaration.id, before);
  });

  test("a store that fails to write leaves no row; a store that fails to remove a replaced file does not fail the upload", async () => {
    const { who, declaration } = await holderWithDeclaration();
    const local = new LocalFileStore(storageDir);
    const failingPut: FileStore = {
      put: () => Promise.reject(new Error("disk full")),
      get: (k) => local.get(k),
      delete: (k) => local.delete(k),
    };
    await expect(
      uploadDocument(
        t.db,
        who,
        { declarationId: declaration.id, version: declaration.version, kind: "SIGNBOARD", fileName: "x.jpg", bytes: tinyJpeg() },
        { store: failingPut },
      ),
    ).rejects.toThrow("disk full");
    expect(await t.db.document.count({ where: { declarationId: declaration.id } })).toBe(0);

    const first = await uploadDocument(t.db, who, {
      declarationId: declaration.id,
      version: declaration.version,
      kind: "SIGNBOARD",
      fileName: "x.jpg",
      bytes: tinyJpeg(),
    });
    const failingDelete: FileStore = {
      put: (k, b) => local.put(k, b),
      get: (k) => local.get(k),
      delete: () => Promise.reject(new Error("io")),
    };
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const second = await uploadDocument(
        t.db,
        who,
        { declarationId: declaration.id, version: first.version, kind: "SIGNBOARD", fileName: "y.jpg", bytes: tinyJpeg() },
        { store: failingDelete },
      );
      expect(second.version).toBe(first.version + 1);
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
});

describe("deleteDocument", () => {
  test("removes the row and its bytes, takes step 1 back from COMPLETE and is audited", async () => {
    const { who, declaration, user } = await holderWithDeclaration();
    let version = declaration.version;
    const ids: Partial<Record<DocumentKind, string>> = {};
    for (const spec of DOCUMENT_KINDS) {
      const r = await uploadDocument(t.db, who, { declarationId: declaration.id, version, kind: spec.kind, ...fileFor(spec.kind) });
      version = r.version;
      ids[spec.kind] = r.document.id;
    }
    const row = await t.db.document.findUniqueOrThrow({ where: { id: ids.DEGREE! } });
    const result = await deleteDocument(t.db, who, { declarationId: declaration.id, version, documentId: row.id });
    expect(result.version).toBe(version + 1);
    expect(result.stepStatus["1"]).toBe("IN_PROGRESS");
    expect(await t.db.document.findUnique({ where: { id: row.id } })).toBeNull();
    expect(await fileStore().get(row.storageKey)).toBeNull();
    const stored = await t.db.declaration.findUniqueOrThrow({ where: { id: declaration.id } });
    expect((stored.stepStatus as Record<string, string>)["1"]).toBe("IN_PROGRESS");

    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: "document.deleted", targetId: row.id } });
    expect(audit).toMatchObject({ actorId: user.id, targetType: "Document" });
    expect(audit.before).toMatchObject({ kind: "DEGREE", sha256: row.sha256 });
  });

  test("deleting the only document sets step 1 back to NOT_STARTED", async () => {
    const { who, declaration } = await holderWithDeclaration();
    const up = await uploadDocument(t.db, who, {
      declarationId: declaration.id,
      version: declaration.version,
      kind: "SIGNBOARD",
      fileName: "x.jpg",
      bytes: tinyJpeg(),
    });
    const result = await deleteDocument(t.db, who, { declarationId: declaration.id, version: up.version, documentId: up.document.id });
    expect(result.stepStatus["1"]).toBe("NOT_STARTED");
  });

  test("a stale version, another holder's declaration, another declaration's document, a closed window: refused, nothing deleted", async () => {
    const a = await holderWithDeclaration();
    const b = await holderWithDeclaration();
    const up = await uploadDocument(t.db, a.who, {
      declarationId: a.declaration.id,
      version: a.declaration.version,
      kind: "SIGNBOARD",
      fileName: "x.jpg",
      bytes: tinyJpeg(),
    });
    const before = await snapshot(a.declaration.id);

    await expect(
      deleteDocument(t.db, a.who, { declarationId: a.declaration.id, version: a.declaration.version, documentId: up.document.id }),
    ).rejects.toBeInstanceOf(StaleVersionError);
    await expect(
      deleteDocument(t.db, b.who, { declarationId: a.declaration.id, version: up.version, documentId: up.document.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      deleteDocument(t.db, b.who, { declarationId: b.declaration.id, version: b.declaration.version, documentId: up.document.id }),
    ).rejects.toMatchObject({
      userMessage: DOCUMENT_NOT_FOUND_MESSAGE,
    });
    const round = await t.db.round.findUniqueOrThrow({ where: { id: a.declaration.roundId } });
    await expect(
      deleteDocument(
        t.db,
        a.who,
        { declarationId: a.declaration.id, version: up.version, documentId: up.document.id },
        { now: new Date(round.windowClosesAt.getTime() + 1) },
      ),
    ).rejects.toBeInstanceOf(WindowClosedError);

    await expectNothingWritten(a.declaration.id, before);
    expect(await t.db.declaration.findUniqueOrThrow({ where: { id: b.declaration.id } })).toMatchObject({ version: b.declaration.version });
  });
});

describe("readDocument (GET /api/documents/[id])", () => {
  test("the holder, an expert of the region and an admin read it; another holder and an expert of another region get 'not found'", async () => {
    const a = await holderWithDeclaration();
    const b = await holderWithDeclaration();
    const up = await uploadDocument(t.db, a.who, {
      declarationId: a.declaration.id,
      version: a.declaration.version,
      kind: "LICENCE",
      fileName: "l.pdf",
      bytes: tinyPdf(),
    });
    const region = a.declaration.regionId;
    const expert = await createStaffUser(t.db, "EXPERT", { regionId: region });
    const otherExpert = await createStaffUser(t.db, "EXPERT", { regionId: region === 1 ? 2 : 1 });
    const admin = await createStaffUser(t.db, "ADMIN");

    const own = await readDocument(t.db, a.who.caller, up.document.id);
    expect(own.bytes).toEqual(tinyPdf());
    expect(own.document.contentType).toBe("application/pdf");
    await expect(readDocument(t.db, { id: expert.user.id, role: "EXPERT", regionId: region }, up.document.id)).resolves.toMatchObject({
      bytes: tinyPdf(),
    });
    await expect(readDocument(t.db, { id: admin.user.id, role: "ADMIN", regionId: null }, up.document.id)).resolves.toMatchObject({
      bytes: tinyPdf(),
    });

    await expect(readDocument(t.db, b.who.caller, up.document.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      readDocument(t.db, { id: otherExpert.user.id, role: "EXPERT", regionId: otherExpert.user.regionId }, up.document.id),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(readDocument(t.db, a.who.caller, "no-such-document")).rejects.toBeInstanceOf(NotFoundError);
  });
});

// Uploads that are traps for the reviewer (a PDF that is a web page or runs a script, a Word
// file that fetches a template, runs DDE or macros, embeds a program), sent through the
// services and the routes as an attacker would: each is refused with a Persian message beside
// the file and writes nothing — not a row, not a byte. Refused uploads of every kind (wrong
// caller, closed window, stale version, bad bytes) never reach the store. Downloads are named
// by the type read from the bytes and served sandboxed; staff views of identity documents are audited.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Db } from "@/lib/db-client";
import { seedDemoData } from "@/prisma/demo-data";
import { startDeclaration } from "@/lib/declaration/start-declaration";
import { MAX_DOCUMENT_BYTES } from "@/lib/documents/kinds";
import { UNSAFE_CONTENT_MESSAGE } from "@/lib/declaration/document-messages";
import { LocalFileStore, type FileStore } from "@/lib/storage/storage";
import { setupTestDatabase } from "../helpers/test-database";
import { createHolder, createStaffUser } from "../helpers/fixtures";
import {
  cleanDocx,
  docxWithAttachedTemplate,
  docxWithDdeField,
  docxWithDdeSimpleField,
  docxWithExternalRelationship,
  docxWithMacroContentType,
  docxWithMacros,
  docxWithOleObject,
  docxZipBomb,
  htmlFile,
  jpegWithHtml,
  pdfHtmlPolyglot,
  pdfWithEmbeddedFile,
  pdfWithJavaScript,
  pdfWithJavaScriptInObjectStream,
  pdfWithLaunch,
  tinyDocx,
  tinyJpeg,
  tinyPdf,
} from "../helpers/file-fixtures";

const mockDb: { current: Db | null } = { current: null };
const mockUser: { current: unknown } = { current: null };
jest.mock("@/lib/db", () => ({
  get db() {
    return mockDb.current;
  },
}));
jest.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => mockUser.current, getActingUser: async () => mockUser.current }));

import { uploadDocument } from "@/lib/declaration/upload-document";
import { fileObjection } from "@/lib/declaration/file-objection";
import { POST } from "@/app/api/declarations/[declarationId]/documents/route";
import { GET } from "@/app/api/documents/[documentId]/route";

const t = setupTestDatabase();
let storageDir: string;
const savedDir = process.env.PISHKHAN_STORAGE_DIR;

beforeAll(async () => {
  storageDir = fs.mkdtempSync(path.join(os.tmpdir(), "pishkhan-traps-"));
  process.env.PISHKHAN_STORAGE_DIR = storageDir;
  delete process.env.BLOB_READ_WRITE_TOKEN;
  mockDb.current = t.db;
  await seedDemoData(t.db);
});

afterAll(() => {
  fs.rmSync(storageDir, { recursive: true, force: true });
  if (savedDir === undefined) delete process.env.PISHKHAN_STORAGE_DIR;
  else process.env.PISHKHAN_STORAGE_DIR = savedDir;
});

/** A store in its own directory that counts every write, even one removed again afterwards. */
function countingStore() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pishkhan-traps-store-"));
  const local = new LocalFileStore(dir);
  const counts = { puts: 0 };
  const store: FileStore = {
    put: (k, b) => {
      counts.puts++;
      return local.put(k, b);
    },
    get: (k) => local.get(k),
    delete: (k) => local.delete(k),
  };
  const files = () => (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile());
  return { store, counts, files, dir };
}

async function holder() {
  const h = await createHolder(t.db, { password: "Secret-pass-1" });
  const actor = { userId: h.user.id, role: "HOLDER" as const, ip: null };
  const declaration = await startDeclaration(t.db, actor);
  const user = await t.db.user.findUniqueOrThrow({ where: { id: h.user.id } });
  return { user, declaration, who: { actor, caller: { id: h.user.id, role: "HOLDER" as const, regionId: null } } };
}

const PDF_TRAPS: [string, Buffer, keyof typeof UNSAFE_CONTENT_MESSAGE][] = [
  ["PDF/HTML polyglot", pdfHtmlPolyglot(), "html"],
  ["PDF with /JavaScript", pdfWithJavaScript(), "pdf_active"],
  ["PDF with /J#61vaScript", pdfWithJavaScript("J#61vaScript"), "pdf_active"],
  ["PDF with /Launch", pdfWithLaunch(), "pdf_active"],
  ["PDF with /EmbeddedFile", pdfWithEmbeddedFile(), "pdf_active"],
  ["PDF with JavaScript in an object stream", pdfWithJavaScriptInObjectStream(), "pdf_active"],
];
const DOCX_TRAPS: [string, Buffer, keyof typeof UNSAFE_CONTENT_MESSAGE][] = [
  ["Word with an external relationship", docxWithExternalRelationship(), "docx_external"],
  ["Word with attachedTemplate", docxWithAttachedTemplate(), "docx_template"],
  ["Word with a DDEAUTO field", docxWithDdeField(), "docx_field"],
  ["Word with a DDE fldSimple", docxWithDdeSimpleField(), "docx_field"],
  ["Word with vbaProject.bin", docxWithMacros(), "docx_macro"],
  ["Word with a macro content type", docxWithMacroContentType(), "docx_macro"],
  ["Word with an OLE object", docxWithOleObject(), "docx_ole"],
  ["Word zip bomb", docxZipBomb(), "docx_unreadable"],
];

describe("uploads that are traps are refused beside the file, and nothing is stored", () => {
  test.each([...PDF_TRAPS, ...DOCX_TRAPS, ["JPEG with HTML in a comment", jpegWithHtml(), "html"] as const])(
    "%s",
    async (_, bytes, issue) => {
      const { declaration, who } = await holder();
      const s = countingStore();
      const kind = issue.startsWith("docx") ? "CONTRACTS" : issue === "html" && bytes[0] === 0xff ? "SIGNBOARD" : "CONTRACTS";
      const attempt = uploadDocument(
        t.db,
        who,
        { declarationId: declaration.id, version: declaration.version, kind, fileName: "x.pdf.html", bytes },
        { store: s.store },
      );
      // vbaProject.bin is refused by the type check already (not a .docx), with the type message.
      await expect(attempt).rejects.toMatchObject({
        code: "INVALID",
        fieldErrors: { file: bytes === DOCX_TRAPS[4]![1] ? expect.stringContaining("Word") : UNSAFE_CONTENT_MESSAGE[issue] },
      });
      expect(s.counts.puts).toBe(0);
      expect(await t.db.document.count({ where: { declarationId: declaration.id } })).toBe(0);
    },
  );

  test("a clean Word file (styles, settings, internal relationships) and a clean PDF are accepted", async () => {
    const { declaration, who } = await holder();
    const s = countingStore();
    const a = await uploadDocument(
      t.db,
      who,
      { declarationId: declaration.id, version: declaration.version, kind: "CONTRACTS_LIST", fileName: "فهرست.docx", bytes: cleanDocx() },
      { store: s.store },
    );
    await uploadDocument(
      t.db,
      who,
      { declarationId: declaration.id, version: a.version, kind: "CONTRACTS", fileName: "c.pdf", bytes: tinyPdf() },
      { store: s.store },
    );
    expect(s.counts.puts).toBe(2);
    expect(s.files()).toHaveLength(2);
  });

  test("60 refused uploads of every kind (caller, window, version, step, bytes) write 0 files", async () => {
    const own = await holder();
    const other = await holder();
    const expert = await createStaffUser(t.db, "EXPERT", { regionId: own.declaration.regionId });
    const expertWho = {
      actor: { userId: expert.user.id, role: "EXPERT" as const, ip: null },
      caller: { id: expert.user.id, role: "EXPERT" as const, regionId: own.declaration.regionId },
    };
    const round = await t.db.round.findUniqueOrThrow({ where: { id: own.declaration.roundId } });
    const jpeg = tinyJpeg();
    const big = Buffer.concat([jpeg.subarray(0, -2), Buffer.alloc(MAX_DOCUMENT_BYTES), jpeg.subarray(-2)]);
    const d = own.declaration;
    const ok = { declarationId: d.id, version: d.version, kind: "SIGNBOARD", fileName: "x.jpg", bytes: jpeg };
    const refusals: [string, () => Promise<unknown>][] = [
      ["another holder's file", () => uploadDocument(t.db, other.who, ok, { store: s.store })],
      ["an expert of the region", () => uploadDocument(t.db, expertWho, ok, { store: s.store })],
      ["an id that does not exist", () => uploadDocument(t.db, own.who, { ...ok, declarationId: "nope" }, { store: s.store })],
      ["a stale version", () => uploadDocument(t.db, own.who, { ...ok, version: d.version + 5 }, { store: s.store })],
      [
        "the window closed",
        () => uploadDocument(t.db, own.who, ok, { store: s.store, now: new Date(round.windowClosesAt.getTime() + 1000) }),
      ],
      ["an unknown kind", () => uploadDocument(t.db, own.who, { ...ok, kind: "PASSPORT" }, { store: s.store })],
      ["an empty file", () => uploadDocument(t.db, own.who, { ...ok, bytes: new Uint8Array() }, { store: s.store })],
      ["2 MB and more", () => uploadDocument(t.db, own.who, { ...ok, bytes: big }, { store: s.store })],
      ["HTML named .jpg", () => uploadDocument(t.db, own.who, { ...ok, bytes: htmlFile() }, { store: s.store })],
      ["Word for a photo", () => uploadDocument(t.db, own.who, { ...ok, bytes: tinyDocx() }, { store: s.store })],
      ...[...PDF_TRAPS, ...DOCX_TRAPS].map(
        ([name, bytes]) =>
          [name, () => uploadDocument(t.db, own.who, { ...ok, kind: "CONTRACTS", bytes }, { store: s.store })] as [
            string,
            () => Promise<unknown>,
          ],
      ),
      // Another holder's trap, and another holder's clean file: refused for the caller before the bytes count.
      [
        "another holder, clean PDF",
        () => uploadDocument(t.db, other.who, { ...ok, kind: "CONTRACTS", bytes: tinyPdf() }, { store: s.store }),
      ],
    ];
    const s = countingStore();
    let n = 0;
    while (n < 60) {
      for (const [name, run] of refusals) {
        if (n++ >= 60) break;
        const result = await run().then(
          () => "accepted",
          (e: { code?: string }) => e.code ?? String(e),
        );
        expect({ name, result }).toEqual({ name, result: expect.stringMatching(/^(NOT_FOUND|STALE|INVALID|REFUSED)$/) });
      }
    }
    expect(s.counts.puts).toBe(0);
    expect(s.files()).toEqual([]);
    expect(await t.db.document.count({ where: { declarationId: d.id } })).toBe(0);
  }, 60_000);

  test("objection attachments: traps, and clean files on a file that cannot take an objection, store nothing", async () => {
    const own = await holder(); // a draft: no result to object to
    const other = await holder();
    const s = countingStore();
    const text = { declarationId: own.declaration.id, text: "اعتراض من به نتیجه این است که امتیاز درست حساب نشده است." };
    for (const [, bytes] of PDF_TRAPS) {
      await expect(
        fileObjection(t.db, own.who.actor, own.who.caller, text, { attachments: [{ fileName: "a.pdf", bytes }], store: s.store }),
      ).rejects.toMatchObject({ code: "INVALID", fieldErrors: { files: expect.stringContaining("a.pdf: ") } });
    }
    await expect(
      fileObjection(t.db, own.who.actor, own.who.caller, text, { attachments: [{ fileName: "a.pdf", bytes: tinyPdf() }], store: s.store }),
    ).rejects.toMatchObject({ code: "REFUSED" });
    await expect(
      fileObjection(t.db, other.who.actor, other.who.caller, text, {
        attachments: [{ fileName: "a.pdf", bytes: tinyPdf() }],
        store: s.store,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(s.counts.puts).toBe(0);
    expect(s.files()).toEqual([]);
  });
});

describe("the upload route", () => {
  test("a PDF/HTML polyglot named x.pdf.html: 422 beside the file, nothing stored", async () => {
    const { user, declaration } = await holder();
    mockUser.current = user;
    const before = (fs.readdirSync(storageDir, { recursive: true }) as string[]).length;
    const form = new FormData();
    form.set("kind", "CONTRACTS");
    form.set("version", String(declaration.version));
    form.set("file", new Blob([new Uint8Array(pdfHtmlPolyglot())], { type: "application/pdf" }), "x.pdf.html");
    const res = await POST(new Request(`http://localhost/api/declarations/${declaration.id}/documents`, { method: "POST", body: form }), {
      params: Promise.resolve({ declarationId: declaration.id }),
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ ok: false, fieldErrors: { file: UNSAFE_CONTENT_MESSAGE.html } });
    expect((fs.readdirSync(storageDir, { recursive: true }) as string[]).length).toBe(before);
    mockUser.current = null;
  });
});

describe("downloads", () => {
  /** A row as an older version of the app may have stored it (before the inspection existed). */
  async function storedDocument(
    kind: "CONTRACTS" | "NATIONAL_CARD" | "CONTRACTS_LIST",
    fileName: string,
    bytes: Buffer,
    contentType: string,
  ) {
    const h = await holder();
    const key = `documents/${crypto.randomUUID()}`;
    await new LocalFileStore(storageDir).put(key, bytes);
    const doc = await t.db.document.create({
      data: {
        declarationId: h.declaration.id,
        kind,
        storageKey: key,
        fileName,
        contentType,
        size: bytes.length,
        sha256: "0".repeat(64),
        uploadedById: h.user.id,
      },
    });
    return { ...h, doc };
  }
  const get = (id: string, query = "") =>
    GET(new Request(`http://localhost/api/documents/${id}${query}`), { params: Promise.resolve({ documentId: id }) });

  test("a stored polyglot named x.pdf.html is served as x.pdf, sandboxed, never sniffed", async () => {
    const { user, doc } = await storedDocument("CONTRACTS", "x.pdf.html", pdfHtmlPolyglot(), "application/pdf");
    mockUser.current = user;
    const res = await get(doc.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe(`inline; filename="document.pdf"; filename*=UTF-8''x.pdf`);
    expect(res.headers.get("content-security-policy")).toBe("sandbox");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const dl = await get(doc.id, "?download=1");
    expect(dl.headers.get("content-disposition")).toMatch(/^attachment; .*filename\*=UTF-8''x\.pdf$/);
    mockUser.current = null;
  });

  test("a Word file is always an attachment named .docx, whatever it was uploaded as", async () => {
    const { user, doc } = await storedDocument(
      "CONTRACTS_LIST",
      "قرارداد.html",
      tinyDocx(),
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    mockUser.current = user;
    const res = await get(doc.id);
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="document.docx"; filename*=UTF-8''${encodeURIComponent("قرارداد.docx")}`,
    );
    expect(res.headers.get("content-security-policy")).toContain("sandbox");
    mockUser.current = null;
  });

  test("an expert's and an admin's views of a national card are audited (kind, inline/download); the holder's are not", async () => {
    const { user, doc, declaration } = await storedDocument("NATIONAL_CARD", "card.jpg", tinyJpeg(), "image/jpeg");
    const expert = await t.db.user.findUniqueOrThrow({
      where: { id: (await createStaffUser(t.db, "EXPERT", { regionId: declaration.regionId })).user.id },
    });
    const admin = await t.db.user.findUniqueOrThrow({ where: { id: (await createStaffUser(t.db, "ADMIN")).user.id } });
    mockUser.current = user;
    expect((await get(doc.id)).status).toBe(200);
    mockUser.current = expert;
    expect((await get(doc.id)).status).toBe(200);
    mockUser.current = admin;
    expect((await get(doc.id, "?download=1")).status).toBe(200);
    const rows = await t.db.auditEvent.findMany({ where: { action: "document.viewed", targetId: doc.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.actorId, r.actorRole, r.after])).toEqual([
      [expert.id, "EXPERT", expect.objectContaining({ kind: "NATIONAL_CARD", disposition: "inline", declarationId: declaration.id })],
      [admin.id, "ADMIN", expect.objectContaining({ kind: "NATIONAL_CARD", disposition: "download" })],
    ]);
    mockUser.current = null;
  });
});

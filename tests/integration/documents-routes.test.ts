// The two route handlers of the documents step, called as Next calls them (a Request and
// the route params), with the signed-in user and the database substituted.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Db } from "@/lib/db-client";
import { seedDemoData } from "@/prisma/demo-data";
import { startDeclaration } from "@/lib/declaration/start-declaration";
import { MAX_DOCUMENT_BYTES } from "@/lib/documents/kinds";
import { setupTestDatabase } from "../helpers/test-database";
import { createHolder, createStaffUser } from "../helpers/fixtures";
import { htmlFile, tinyDocx, tinyJpeg, tinyPdf } from "../helpers/file-fixtures";

const mockDb: { current: Db | null } = { current: null };
const mockUser: { current: unknown } = { current: null };
jest.mock("@/lib/db", () => ({
  get db() {
    return mockDb.current;
  },
}));
jest.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => mockUser.current, getActingUser: async () => mockUser.current }));

// Imported after the mocks are in place.
import { POST } from "@/app/api/declarations/[declarationId]/documents/route";
import { GET } from "@/app/api/documents/[documentId]/route";

const t = setupTestDatabase();
let storageDir: string;
const savedDir = process.env.PISHKHAN_STORAGE_DIR;

beforeAll(async () => {
  storageDir = fs.mkdtempSync(path.join(os.tmpdir(), "pishkhan-docs-routes-"));
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

async function holder() {
  const h = await createHolder(t.db, { password: "Secret-pass-1" });
  const declaration = await startDeclaration(t.db, { userId: h.user.id, role: "HOLDER", ip: null });
  const user = await t.db.user.findUniqueOrThrow({ where: { id: h.user.id } });
  return { user, declaration };
}

function uploadRequest(
  declarationId: string,
  fields: { kind: string; version: number | string; file?: Blob; fileName?: string },
  headers: Record<string, string> = {},
) {
  const form = new FormData();
  form.set("kind", fields.kind);
  form.set("version", String(fields.version));
  if (fields.file) form.set("file", fields.file, fields.fileName ?? "file.bin");
  return new Request(`http://localhost/api/declarations/${declarationId}/documents`, { method: "POST", body: form, headers });
}

/** A Blob of copies (Buffers may sit on a shared pool, which Blob's types refuse). */
function blobOf(parts: Uint8Array[], type?: string): Blob {
  return new Blob(
    parts.map((p) => new Uint8Array(p)),
    type ? { type } : undefined,
  );
}

const postParams = (declarationId: string) => ({ params: Promise.resolve({ declarationId }) });
const getParams = (documentId: string) => ({ params: Promise.resolve({ documentId }) });

describe("POST /api/declarations/[id]/documents", () => {
  test("signed out: 401 with a Persian message", async () => {
    mockUser.current = null;
    const res = await POST(uploadRequest("x", { kind: "SIGNBOARD", version: 1, file: blobOf([tinyJpeg()]) }), postParams("x"));
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ ok: false, code: "SIGNED_OUT", formError: expect.stringContaining("نشست") });
  });

  test("uploads a JPEG and answers with the new version, the step status and the document", async () => {
    const { user, declaration } = await holder();
    mockUser.current = user;
    const res = await POST(
      uploadRequest(declaration.id, { kind: "SIGNBOARD", version: declaration.version, file: blobOf([tinyJpeg()]), fileName: "تابلو.jpg" }),
      postParams(declaration.id),
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      ok: true,
      data: {
        version: declaration.version + 1,
        stepStatus: { "1": "IN_PROGRESS" },
        document: { kind: "SIGNBOARD", fileName: "تابلو.jpg", contentType: "image/jpeg" },
      },
    });
    expect(body.data.document.storageKey).toBeUndefined();
  });

  test("an HTML page named .jpg: 422 with the message for the file field", async () => {
    const { user, declaration } = await holder();
    mockUser.current = user;
    const res = await POST(
      uploadRequest(declaration.id, {
        kind: "SIGNBOARD",
        version: declaration.version,
        file: blobOf([htmlFile()], "image/jpeg"),
        fileName: "photo.jpg",
      }),
      postParams(declaration.id),
    );
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ ok: false, fieldErrors: { file: expect.stringContaining("JPEG یا PDF نیست") } });
    expect(await t.db.document.count({ where: { declarationId: declaration.id } })).toBe(0);
  });

  test("a body announced over ~2.5 MB is refused with 413 before it is read", async () => {
    const { user, declaration } = await holder();
    mockUser.current = user;
    let pulled = false;
    const body = new ReadableStream(
      {
        pull() {
          pulled = true;
          throw new Error("the body must not be read");
        },
      },
      { highWaterMark: 0 },
    );
    const req = new Request(`http://localhost/api/declarations/${declaration.id}/documents`, {
      method: "POST",
      body,
      headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(3 * 1024 * 1024) },
      duplex: "half",
    } as RequestInit);
    const res = await POST(req, postParams(declaration.id));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ ok: false, fieldErrors: { file: expect.stringContaining("بیش از ۲ مگابایت") } });
    expect(pulled).toBe(false);
  });

  test("a body without Content-Length is cut off once it passes the limit", async () => {
    const { user, declaration } = await holder();
    mockUser.current = user;
    const big = blobOf([tinyJpeg(), new Uint8Array(MAX_DOCUMENT_BYTES + 600 * 1024)]);
    const req = uploadRequest(declaration.id, { kind: "SIGNBOARD", version: declaration.version, file: big, fileName: "big.jpg" });
    expect(req.headers.get("content-length")).toBeNull();
    const res = await POST(req, postParams(declaration.id));
    expect(res.status).toBe(413);
  });

  test("2 MB + 1 byte inside the allowed body size: 422 naming the size", async () => {
    const { user, declaration } = await holder();
    mockUser.current = user;
    const jpeg = tinyJpeg();
    const file = blobOf([jpeg.subarray(0, -2), new Uint8Array(MAX_DOCUMENT_BYTES + 1 - jpeg.length), jpeg.subarray(-2)]);
    const res = await POST(
      uploadRequest(declaration.id, { kind: "SIGNBOARD", version: declaration.version, file, fileName: "big.jpg" }),
      postParams(declaration.id),
    );
    expect(res.status).toBe(422);
    expect((await res.json()).fieldErrors.file).toMatch(/^حجم فایل \(۲٬۰۹۷٬۱۵۳ بایت\) بیش از ۲ مگابایت است/);
  });

  test("stale version: 409 STALE; another holder's declaration: 404; no file: 422; bad version: 400; cross-site: 403", async () => {
    const a = await holder();
    const b = await holder();
    mockUser.current = a.user;
    const stale = await POST(
      uploadRequest(a.declaration.id, { kind: "LICENCE", version: a.declaration.version + 5, file: blobOf([tinyPdf()]) }),
      postParams(a.declaration.id),
    );
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ code: "STALE" });

    const other = await POST(
      uploadRequest(b.declaration.id, { kind: "LICENCE", version: b.declaration.version, file: blobOf([tinyPdf()]) }),
      postParams(b.declaration.id),
    );
    expect(other.status).toBe(404);
    expect(await other.json()).toMatchObject({ code: "NOT_FOUND" });

    const noFile = await POST(
      uploadRequest(a.declaration.id, { kind: "LICENCE", version: a.declaration.version }),
      postParams(a.declaration.id),
    );
    expect(noFile.status).toBe(422);

    const badVersion = await POST(
      uploadRequest(a.declaration.id, { kind: "LICENCE", version: "abc", file: blobOf([tinyPdf()]) }),
      postParams(a.declaration.id),
    );
    expect(badVersion.status).toBe(400);

    const cross = await POST(
      uploadRequest(
        a.declaration.id,
        { kind: "LICENCE", version: a.declaration.version, file: blobOf([tinyPdf()]) },
        { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      ),
      postParams(a.declaration.id),
    );
    expect(cross.status).toBe(403);
    expect(await t.db.document.count({ where: { declarationId: a.declaration.id } })).toBe(0);
  });
});

describe("GET /api/documents/[id]", () => {
  test("serves the bytes with the sniffed type, Content-Disposition, nosniff, no-store; PDFs sandboxed; Word downloaded", async () => {
    const { user, declaration } = await holder();
    mockUser.current = user;
    const up1 = await (
      await POST(
        uploadRequest(declaration.id, {
          kind: "LICENCE",
          version: declaration.version,
          file: blobOf([tinyPdf()]),
          fileName: "پروانه (اسکن).pdf",
        }),
        postParams(declaration.id),
      )
    ).json();
    const up2 = await (
      await POST(
        uploadRequest(declaration.id, {
          kind: "CONTRACTS_LIST",
          version: up1.data.version,
          file: blobOf([tinyDocx()]),
          fileName: "list.docx",
        }),
        postParams(declaration.id),
      )
    ).json();

    const pdf = await GET(new Request(`http://localhost/api/documents/${up1.data.document.id}`), getParams(up1.data.document.id));
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer())).toEqual(tinyPdf());
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toBe(
      `inline; filename="document.pdf"; filename*=UTF-8''${encodeURIComponent("پروانه ")}%28${encodeURIComponent("اسکن")}%29.pdf`,
    );
    expect(pdf.headers.get("x-content-type-options")).toBe("nosniff");
    expect(pdf.headers.get("cache-control")).toBe("private, no-store");
    expect(pdf.headers.get("content-security-policy")).toBe("sandbox");

    const download = await GET(
      new Request(`http://localhost/api/documents/${up1.data.document.id}?download=1`),
      getParams(up1.data.document.id),
    );
    expect(download.headers.get("content-disposition")).toMatch(/^attachment;/);

    const docx = await GET(new Request(`http://localhost/api/documents/${up2.data.document.id}`), getParams(up2.data.document.id));
    expect(docx.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(docx.headers.get("content-disposition")).toMatch(/^attachment; filename="document.docx"; filename\*=UTF-8''list\.docx$/);
  });

  test("another holder and an expert of another region get 404; an expert of the region gets the file; signed out gets 401", async () => {
    const a = await holder();
    const b = await holder();
    mockUser.current = a.user;
    const up = await (
      await POST(
        uploadRequest(a.declaration.id, {
          kind: "SIGNBOARD",
          version: a.declaration.version,
          file: blobOf([tinyJpeg()]),
          fileName: "s.jpg",
        }),
        postParams(a.declaration.id),
      )
    ).json();
    const id = up.data.document.id as string;
    const get = () => GET(new Request(`http://localhost/api/documents/${id}`), getParams(id));

    mockUser.current = b.user;
    expect((await get()).status).toBe(404);

    const region = a.declaration.regionId;
    const expert = await createStaffUser(t.db, "EXPERT", { regionId: region });
    const otherExpert = await createStaffUser(t.db, "EXPERT", { regionId: region === 1 ? 2 : 1 });
    mockUser.current = otherExpert.user;
    expect((await get()).status).toBe(404);
    mockUser.current = expert.user;
    const ok = await get();
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("image/jpeg");
    expect(ok.headers.get("content-disposition")).toMatch(/^inline;/);

    mockUser.current = null;
    expect((await get()).status).toBe(401);
  });
});

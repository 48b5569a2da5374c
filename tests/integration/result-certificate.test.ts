// The receipt after the rank is final still tells what was submitted (and says so); the
// result certificate tells the final result. Both, as page and PDF, carry the verification
// link and its QR code. The file is taken to FINAL through the real services.
import { renderToStaticMarkup } from "react-dom/server";
import type { Db } from "@/lib/db-client";
import { seedDemoData } from "@/prisma/demo-data";
import { formatNumberFa, toPersianDigits } from "@/lib/format/digits";
import { setupTestDatabase } from "../helpers/test-database";
import { createStaffUser } from "../helpers/fixtures";
import { finalFile, submittedFile } from "../helpers/final-file";
import { pdfContains, pdfText } from "../helpers/pdf-text";

const mockDb: { current: Db | null } = { current: null };
const mockUser: { current: unknown } = { current: null };
jest.mock("@/lib/db", () => ({
  get db() {
    return mockDb.current;
  },
}));
jest.mock("@/lib/auth/current-user", () => ({
  getCurrentUser: async () => mockUser.current,
  getActingUser: async () => mockUser.current,
  requireUser: async () => mockUser.current,
}));
jest.mock("next/headers", () => ({ headers: async () => new Headers({ host: "rank.example.ir", "x-forwarded-proto": "https" }) }));

import { GET as getReceipt } from "@/app/api/declarations/[declarationId]/receipt/route";
import { GET as getCertificate } from "@/app/api/declarations/[declarationId]/certificate/route";
import ReceiptPage from "@/app/(holder)/declarations/[declarationId]/receipt/page";
import CertificatePage from "@/app/(holder)/declarations/[declarationId]/certificate/page";

const t = setupTestDatabase();

beforeAll(async () => {
  mockDb.current = t.db;
  await seedDemoData(t.db);
});

const call = (GET: typeof getReceipt, declarationId: string, what: string) =>
  GET(new Request(`http://localhost/api/declarations/${declarationId}/${what}`), { params: Promise.resolve({ declarationId }) });

async function pdfOf(res: Response): Promise<Buffer> {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/pdf");
  const bytes = Buffer.from(await res.arrayBuffer());
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  return bytes;
}

const page = async (Page: typeof ReceiptPage, declarationId: string) =>
  renderToStaticMarkup(await Page({ params: Promise.resolve({ declarationId }) }));

/** A QR code image in the PDF (react-pdf embeds the PNG as an image XObject). */
const hasImage = (pdf: Buffer) => /\/Subtype\s*\/Image/.test(pdf.toString("latin1"));

describe("after the rank is final", () => {
  let f: Awaited<ReturnType<typeof finalFile>>;
  beforeAll(async () => {
    f = await finalFile(t.db);
  });

  test("the file is final, and its final total differs from the submitted one", () => {
    expect(f.declaration.status).toBe("FINAL");
    expect(f.decided.total.toNumber()).toBe(f.declaration.finalScore!.toNumber());
    expect(f.submitted.total.toNumber()).not.toBe(f.decided.total.toNumber());
  });

  test("the receipt PDF keeps the submission's total, says it is the submission-time state and carries the verify link and QR", async () => {
    mockUser.current = await t.db.user.findUniqueOrThrow({ where: { id: f.holder.user.id } });
    const pdf = await pdfOf(await call(getReceipt, f.id, "receipt"));
    const { text } = pdfText(pdf);
    expect(text).toContain(formatNumberFa(f.submitted.total.toNumber()));
    expect(text).not.toContain(formatNumberFa(f.decided.total.toNumber()));
    expect(pdfContains(pdf, "این رسید وضعیت پرونده را در زمان ارسال نشان می‌دهد")).toBe(true);
    expect(pdfContains(pdf, "وضعیت در زمان ارسال")).toBe(true);
    expect(pdfContains(pdf, "این امتیاز موقت است")).toBe(false);
    expect(text).toContain(`http://localhost/verify/${f.trackingCode}`);
    expect(hasImage(pdf)).toBe(true);
  });

  test("the receipt page keeps the submission's total, says so, links the certificate and the verify page", async () => {
    mockUser.current = await t.db.user.findUniqueOrThrow({ where: { id: f.holder.user.id } });
    const html = await page(ReceiptPage, f.id);
    expect(html).toContain("این رسید وضعیت پرونده را در زمان ارسال نشان می‌دهد");
    expect(html).toContain(`<strong>${formatNumberFa(f.submitted.total.toNumber())}</strong>`);
    expect(html).not.toContain("این امتیاز موقت است");
    expect(html).toContain(`https://rank.example.ir/verify/${f.trackingCode}`);
    expect(html).toContain("<svg");
    expect(html).toContain(`/declarations/${f.id}/certificate`);
  });

  test("the certificate PDF shows the final total, the rank, the objection outcome, the snapshot's hash and the verify link", async () => {
    mockUser.current = await t.db.user.findUniqueOrThrow({ where: { id: f.holder.user.id } });
    const res = await call(getCertificate, f.id, "certificate");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="certificate-${f.trackingCode}.pdf"`);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const pdf = await pdfOf(res);
    const { text } = pdfText(pdf);
    expect(text).toContain(formatNumberFa(f.decided.total.toNumber()));
    expect(text).toContain(toPersianDigits(f.decided.rank));
    expect(pdfContains(pdf, "اعتراض")).toBe(true);
    expect(pdfContains(pdf, "اعتراض پذیرفته شد")).toBe(true);
    expect(pdfContains(pdf, "تاریخ قطعی شدن")).toBe(true);
    expect(text.replace(/\s+/g, "")).toContain(f.decided.sha256);
    expect(text).toContain(`http://localhost/verify/${f.trackingCode}`);
    expect(hasImage(pdf)).toBe(true);
  });

  test("the certificate page shows the final total, rank, share of services, final date and the objection outcome", async () => {
    mockUser.current = await t.db.user.findUniqueOrThrow({ where: { id: f.holder.user.id } });
    const html = await page(CertificatePage, f.id);
    const breakdown = f.decided.breakdown as { total: number; rank: number; serviceSharePercent: number };
    expect(html).toContain("گواهی نتیجه ارزیابی");
    expect(html).toContain(`<strong>${formatNumberFa(breakdown.total)}</strong>`);
    expect(html).toContain(`رتبه ${toPersianDigits(breakdown.rank)}`);
    expect(html).toContain(`${toPersianDigits(breakdown.serviceSharePercent)}٪`);
    expect(html).toContain("اعتراض پذیرفته شد و امتیاز اصلاح شد");
    expect(html).toContain(f.decided.sha256);
    expect(html).toContain(`https://rank.example.ir/verify/${f.trackingCode}`);
    expect(html).toContain("<svg");
  });

  test("the region's expert and the head office get the certificate; another holder and another region's expert get 404", async () => {
    const regionId = f.declaration.regionId;
    mockUser.current = await t.db.user.findUniqueOrThrow({ where: { id: f.expertIds[0]! } });
    await pdfOf(await call(getCertificate, f.id, "certificate"));
    mockUser.current = (await createStaffUser(t.db, "ADMIN")).user;
    await pdfOf(await call(getCertificate, f.id, "certificate"));
    mockUser.current = (await createStaffUser(t.db, "EXPERT", { regionId: regionId === 1 ? 2 : 1 })).user;
    const foreign = await call(getCertificate, f.id, "certificate");
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toEqual({ ok: false, code: "NOT_FOUND", formError: "این پرونده یافت نشد یا به آن دسترسی ندارید." });
    const other = await submittedFile(t.db);
    mockUser.current = await t.db.user.findUniqueOrThrow({ where: { id: other.holder.user.id } });
    expect((await call(getCertificate, f.id, "certificate")).status).toBe(404);
    await expect(page(CertificatePage, f.id)).rejects.toMatchObject({ digest: expect.stringContaining("404") });
  });
});

describe("before the rank is final", () => {
  test("a submitted file has no certificate yet: 404 saying so, and the page says so", async () => {
    const f = await submittedFile(t.db);
    mockUser.current = await t.db.user.findUniqueOrThrow({ where: { id: f.holder.user.id } });
    const res = await call(getCertificate, f.id, "certificate");
    expect(res.status).toBe(404);
    expect((await res.json()).formError).toContain("هنوز قطعی نشده");
    expect(await page(CertificatePage, f.id)).toContain("هنوز قطعی نشده");
  });

  test("an objection upheld: the certificate says the result did not change", async () => {
    const f = await finalFile(t.db, "UPHELD");
    mockUser.current = await t.db.user.findUniqueOrThrow({ where: { id: f.holder.user.id } });
    expect(await page(CertificatePage, f.id)).toContain("اعتراض بررسی شد و نتیجه تغییری نکرد");
  });
});

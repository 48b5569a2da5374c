// GET: the PDF result certificate (گواهی نتیجه) of a declaration whose rank is final,
// downloaded from the certificate page. Same audience as the receipt — the office's holder,
// an expert of its region, an admin — and the same "not found" for anyone else
// (lib/declaration/result-certificate.ts). Before the rank is final: 404 saying so. Never
// cached: the certificate names the office and its score.
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors/app-error";
import { routeHandler } from "@/lib/http/error-response";
import { routeCaller } from "@/lib/http/route-access";
import { loadResultCertificate } from "@/lib/declaration/result-certificate";
import { renderCertificatePdf } from "@/lib/pdf/certificate-pdf";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const NOT_FINAL_MESSAGE = "رتبه این پرونده هنوز قطعی نشده است؛ گواهی نتیجه پس از قطعی شدن رتبه صادر می‌شود.";

export const GET = routeHandler<{ declarationId: string }>("certificate", async (request, { declarationId }) => {
  const certificate = await loadResultCertificate(db, await routeCaller(), declarationId, new URL(request.url).origin);
  if (!certificate) throw new NotFoundError("certificate", NOT_FINAL_MESSAGE);

  const pdf = await renderCertificatePdf(certificate);
  const headers = new Headers({
    "Content-Type": "application/pdf",
    "Content-Length": String(pdf.length),
    "Content-Disposition": `attachment; filename="certificate-${certificate.trackingCode}.pdf"`,
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
    "Cross-Origin-Resource-Policy": "same-origin",
  });
  return new Response(new Uint8Array(pdf), { status: 200, headers });
});

// GET: the PDF receipt of a submitted declaration, downloaded from the receipt page. Same
// audience as the page — the office's holder, an expert of its region, an admin — and the
// same "not found" for anyone else as for a declaration that does not exist
// (lib/declaration/receipt.ts). A draft has no receipt yet: 404 saying so. Never cached: the
// receipt names the office and its score.
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors/app-error";
import { routeHandler } from "@/lib/http/error-response";
import { routeCaller } from "@/lib/http/route-access";
import { loadReceipt } from "@/lib/declaration/receipt";
import { renderReceiptPdf } from "@/lib/pdf/receipt-pdf";

// react-pdf reads the font files and runs pdfkit: Node only.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// A route module may export only what Next reads (GET, runtime …): messages stay local.
const NOT_SUBMITTED_MESSAGE = "این پرونده هنوز ارسال نشده است؛ رسید پس از ارسال نهایی صادر می‌شود.";

export const GET = routeHandler<{ declarationId: string }>("receipt", async (request, { declarationId }) => {
  const receipt = await loadReceipt(db, await routeCaller(), declarationId, new URL(request.url).origin);
  if (!receipt) throw new NotFoundError("receipt", NOT_SUBMITTED_MESSAGE);

  const pdf = await renderReceiptPdf(receipt);
  // The tracking code is 12 digits (tracking-code.ts), so the name needs no encoding.
  const headers = new Headers({
    "Content-Type": "application/pdf",
    "Content-Length": String(pdf.length),
    "Content-Disposition": `attachment; filename="receipt-${receipt.trackingCode}.pdf"`,
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
    "Cross-Origin-Resource-Policy": "same-origin",
  });
  return new Response(new Uint8Array(pdf), { status: 200, headers });
});

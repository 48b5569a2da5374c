// GET: the PDF receipt of a submitted declaration, downloaded from the receipt page. Same
// audience as the page — the office's holder, an expert of its region, an admin — and the
// same "not found" for anyone else as for a declaration that does not exist
// (lib/declaration/receipt.ts). A draft has no receipt yet: 404 saying so. Never cached: the
// receipt names the office and its score.
import { db } from "@/lib/db";
import { jsonError, loadOr404, routeCaller } from "@/lib/http/route-access";
import { loadReceipt } from "@/lib/declaration/receipt";
import { renderReceiptPdf } from "@/lib/pdf/receipt-pdf";

// react-pdf reads the font files and runs pdfkit: Node only.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// A route module may export only what Next reads (GET, runtime …): messages stay local.
const NOT_FOUND_MESSAGE = "این پرونده یافت نشد یا به آن دسترسی ندارید.";
const NOT_SUBMITTED_MESSAGE = "این پرونده هنوز ارسال نشده است؛ رسید پس از ارسال نهایی صادر می‌شود.";

export async function GET(_request: Request, { params }: { params: Promise<{ declarationId: string }> }) {
  const { declarationId } = await params;
  const caller = await routeCaller();
  if (caller instanceof Response) return caller;

  const receipt = await loadOr404(() => loadReceipt(db, caller, declarationId), NOT_FOUND_MESSAGE);
  if (receipt instanceof Response) return receipt;
  if (!receipt) return jsonError(404, NOT_SUBMITTED_MESSAGE);

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
}

// GET ?format=xlsx|csv[&region=<id>]: a round's results as a spreadsheet, streamed as it is
// read (lib/export). The head office gets every region or the one it names; an expert only
// their own region, whatever the URL says; anyone else "not found", as for a round that does
// not exist. X-Total-Rows (and for XLSX X-Expected-Bytes, a guess) feed the dashboard's
// progress bar. Never cached: the file names offices and their scores. Every export is
// audited ("round.exported": format, region, rows).
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { clientIp, userAgent } from "@/lib/auth/request-context";
import { AppError } from "@/lib/errors/app-error";
import { routeHandler } from "@/lib/http/error-response";
import { routeCaller } from "@/lib/http/route-access";
import { positiveIntParam } from "@/lib/dashboard/scope";
import { planRoundExport } from "@/lib/export/round-results";
import { EXPORT_CONTENT_TYPE, estimatedXlsxBytes, exportContentDisposition, exportStream } from "@/lib/export/export-stream";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const NOT_FOUND = "این دوره یافت نشد یا به نتایج آن دسترسی ندارید.";
const BAD_FORMAT = "قالب خروجی باید xlsx یا csv باشد.";

export const GET = routeHandler<{ roundId: string }>(
  "export",
  async (request, { roundId }) => {
    const caller = await routeCaller();
    const query = new URL(request.url).searchParams;
    const plan = await planRoundExport(db, caller, roundId, positiveIntParam(query.get("region") ?? undefined));
    // Checked after access, so that the answer says nothing about a round one may not see.
    const format = query.get("format") ?? "xlsx";
    if (format !== "csv" && format !== "xlsx") throw new AppError("INVALID", BAD_FORMAT, { status: 400 });
    // Who took which results out, before the first byte leaves.
    await recordAudit(
      db,
      { userId: caller.id, role: caller.role, ip: clientIp(request.headers), userAgent: userAgent(request.headers) },
      {
        action: "round.exported",
        targetType: "Round",
        targetId: plan.round.id,
        after: { format, regionId: plan.regionId ?? null, regionName: plan.regionName ?? null, rows: plan.total },
      },
    );

    const headers = new Headers({
      "Content-Type": EXPORT_CONTENT_TYPE[format],
      "Content-Disposition": exportContentDisposition(plan, format),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "X-Total-Rows": String(plan.total),
    });
    if (format === "xlsx") headers.set("X-Expected-Bytes", String(estimatedXlsxBytes(plan)));
    return new Response(exportStream(db, plan, format), { status: 200, headers });
  },
  { notFound: NOT_FOUND },
);

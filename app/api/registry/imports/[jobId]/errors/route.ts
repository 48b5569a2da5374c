// GET: the row errors of an import job as CSV (row, column, Persian title, message), to fix
// the file from. Only the head office; anyone else, or a job that is not an import: 404.
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors/app-error";
import { routeHandler } from "@/lib/http/error-response";
import { routeCaller } from "@/lib/http/route-access";
import { errorsCsv } from "@/lib/registry/report";
import { loadImportJob } from "@/lib/registry/start-import";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const NOT_FOUND_MESSAGE = "این کار یافت نشد یا به آن دسترسی ندارید.";

export const GET = routeHandler<{ jobId: string }>(
  "registry-errors",
  async (_request, { jobId }) => {
    const job = await loadImportJob(db, await routeCaller(), jobId);
    if (!job.report) throw new NotFoundError("report");
    const body = new TextEncoder().encode(errorsCsv(job.report));
    return new Response(body, {
      status: 200,
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="registry-errors-${job.id}.csv"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
  { notFound: NOT_FOUND_MESSAGE },
);

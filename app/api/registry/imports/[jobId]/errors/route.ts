// GET: the row errors of an import job as CSV (row, column, Persian title, message), to fix
// the file from. Only the head office; anyone else, or a job that is not an import: 404.
import { db } from "@/lib/db";
import { jsonError, loadOr404, routeCaller } from "@/lib/http/route-access";
import { errorsCsv } from "@/lib/registry/report";
import { loadImportJob } from "@/lib/registry/start-import";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const NOT_FOUND_MESSAGE = "این کار یافت نشد یا به آن دسترسی ندارید.";

export async function GET(_request: Request, { params }: { params: Promise<{ jobId: string }> }) {
  const { jobId } = await params;
  const caller = await routeCaller();
  if (caller instanceof Response) return caller;
  const job = await loadOr404(() => loadImportJob(db, caller, jobId), NOT_FOUND_MESSAGE);
  if (job instanceof Response) return job;
  if (!job.report) return jsonError(404, NOT_FOUND_MESSAGE);
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
}

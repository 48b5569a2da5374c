// GET: the row errors of an import job as CSV (row, column, Persian title, message), to fix
// the file from. Only the head office; anyone else, or a job that is not an import: 404.
import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { getActingUser } from "@/lib/auth/current-user";
import { NotFoundError } from "@/lib/authz/errors";
import { SESSION_EXPIRED_MESSAGE } from "@/lib/actions/result";
import { errorsCsv } from "@/lib/registry/report";
import { loadImportJob } from "@/lib/registry/start-import";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };
const NOT_FOUND_MESSAGE = "این کار یافت نشد یا به آن دسترسی ندارید.";

export async function GET(_request: Request, { params }: { params: Promise<{ jobId: string }> }) {
  const { jobId } = await params;
  const user = await getActingUser();
  if (!user || user.mustChangePassword) return NextResponse.json({ error: SESSION_EXPIRED_MESSAGE }, { status: 401, headers: NO_STORE });
  let job: Awaited<ReturnType<typeof loadImportJob>>;
  try {
    job = await loadImportJob(db, { id: user.id, role: user.role, regionId: user.regionId }, jobId);
  } catch (e) {
    if (e instanceof NotFoundError) return NextResponse.json({ error: NOT_FOUND_MESSAGE }, { status: 404, headers: NO_STORE });
    throw e;
  }
  if (!job.report) return NextResponse.json({ error: NOT_FOUND_MESSAGE }, { status: 404, headers: NO_STORE });
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

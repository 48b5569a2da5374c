// GET: a background job's state and progress, polled by the page that started it
// (components/jobs/job-progress.tsx). Only those who may run that kind of job see it.
import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { getActingUser } from "@/lib/auth/current-user";
import { NotFoundError } from "@/lib/authz/errors";
import { SESSION_EXPIRED_MESSAGE } from "@/lib/actions/result";
import { loadJobFor } from "@/lib/jobs/load-job";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };
const NOT_FOUND_MESSAGE = "این کار یافت نشد یا به آن دسترسی ندارید.";

export async function GET(_request: Request, { params }: { params: Promise<{ jobId: string }> }) {
  const { jobId } = await params;
  const user = await getActingUser();
  if (!user || user.mustChangePassword) return NextResponse.json({ error: SESSION_EXPIRED_MESSAGE }, { status: 401, headers: NO_STORE });
  try {
    const job = await loadJobFor(db, { id: user.id, role: user.role, regionId: user.regionId }, jobId);
    // The report may be large (row errors): the poller needs it only once the job is over.
    const over = job.status === "SUCCEEDED" || job.status === "FAILED";
    return NextResponse.json({ ...job, result: over ? job.result : null }, { headers: NO_STORE });
  } catch (e) {
    if (e instanceof NotFoundError) return NextResponse.json({ error: NOT_FOUND_MESSAGE }, { status: 404, headers: NO_STORE });
    throw e;
  }
}

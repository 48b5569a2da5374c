// GET: a background job's state and progress, polled by the page that started it
// (components/jobs/job-progress.tsx). Only those who may run that kind of job see it.
import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { NO_STORE, routeHandler } from "@/lib/http/error-response";
import { routeCaller } from "@/lib/http/route-access";
import { loadJobFor } from "@/lib/jobs/load-job";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const NOT_FOUND_MESSAGE = "این کار یافت نشد یا به آن دسترسی ندارید.";

export const GET = routeHandler<{ jobId: string }>(
  "jobs",
  async (_request, { jobId }) => {
    const job = await loadJobFor(db, await routeCaller(), jobId);
    // The report may be large (row errors): the poller needs it only once the job is over.
    const over = job.status === "SUCCEEDED" || job.status === "FAILED";
    return NextResponse.json({ ...job, result: over ? job.result : null }, { headers: NO_STORE });
  },
  { notFound: NOT_FOUND_MESSAGE },
);

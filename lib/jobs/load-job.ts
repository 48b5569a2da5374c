import type { Db } from "@/lib/db-client";
import type { Caller } from "@/lib/authz/guards";
import { scopeOf, type ResourceAction } from "@/lib/authz/permissions";
import { NotFoundError } from "@/lib/errors/app-error";
import type { JobKind, JobStatus } from "@/lib/generated/prisma/enums";

// Who may watch a job: whoever may start that kind of job (head office only today).
// Anyone else gets "not found", as for a job that does not exist.
const PERMISSION_OF: Record<JobKind, ResourceAction> = {
  REGISTRY_IMPORT: "registry:import",
  ROUND_CLOSE: "round:manage",
};

function mayRunJob(caller: Pick<Caller, "role">, kind: JobKind): boolean {
  return scopeOf(caller.role, PERMISSION_OF[kind]) === "any";
}

export type JobView = {
  id: string;
  kind: JobKind;
  status: JobStatus;
  done: number;
  total: number;
  error: string | null;
  result: unknown;
  input: unknown;
  createdAt: string;
  finishedAt: string | null;
};

export async function loadJobFor(db: Db, caller: Caller, jobId: string): Promise<JobView> {
  const job = await db.job.findUnique({
    where: { id: jobId },
    select: {
      id: true,
      kind: true,
      status: true,
      done: true,
      total: true,
      error: true,
      result: true,
      input: true,
      createdAt: true,
      finishedAt: true,
    },
  });
  if (!job || !mayRunJob(caller, job.kind)) throw new NotFoundError("job");
  return { ...job, createdAt: job.createdAt.toISOString(), finishedAt: job.finishedAt?.toISOString() ?? null };
}

// The head office's registry import, as services: start a dry run from an uploaded file, start
// the apply of a finished dry run (the same stored bytes, checked by SHA-256 — nobody uploads
// twice), and read an import job for the page. Only holders of `registry:import:any`; anyone
// else gets "not found", as for a job that does not exist.
import type { Db } from "@/lib/db-client";
import type { AuditActor } from "@/lib/audit/record-audit";
import type { Caller } from "@/lib/authz/guards";
import { scopeOf } from "@/lib/authz/permissions";
import { InvalidInputError, NotFoundError, RefusedError } from "@/lib/errors/app-error";
import { enqueueJob } from "@/lib/jobs/queue";
import { readRegistryFile } from "./csv";
import { importJobInput, sha256Hex, type ImportJobInput } from "./import-job";
import type { ImportReport } from "./report";

export function mayImportRegistry(caller: Pick<Caller, "role">): boolean {
  return scopeOf(caller.role, "registry:import") === "any";
}

function requireImporter(caller: Pick<Caller, "role">): void {
  if (!mayImportRegistry(caller)) throw new NotFoundError("registry");
}

/** A file name fit for the page and the audit: no path, no control characters, at most 120 characters. */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = Array.from(base.replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "").trim())
    .slice(0, 120)
    .join("");
  return clean || "registry.csv";
}

/** A field error on the file input: the file cannot be read at all. */
class RegistryFileError extends InvalidInputError {
  constructor(message: string) {
    super({ file: message }, message);
  }
}

/** Checks the file (encoding, header, size, rows), stores it on a dry-run job and returns the job. */
export async function startRegistryDryRun(
  db: Db,
  actor: AuditActor,
  caller: Caller,
  upload: { fileName: string; bytes: Uint8Array<ArrayBuffer> },
) {
  requireImporter(caller);
  const file = readRegistryFile(upload.bytes);
  if (!file.ok) throw new RegistryFileError(file.message);
  const input: ImportJobInput = {
    mode: "dry-run",
    fileName: cleanFileName(upload.fileName),
    sha256: sha256Hex(upload.bytes),
    rows: file.rows.length,
    ip: actor.ip,
    userAgent: actor.userAgent ?? null,
  };
  return enqueueJob(db, { kind: "REGISTRY_IMPORT", input, file: upload.bytes, total: file.rows.length, createdById: caller.id });
}

const APPLY_CONFIRM_MESSAGE = "فایل ردیف‌های نادرست دارد. اگر می‌خواهید فقط ردیف‌های درست اعمال شوند، این گزینه را تیک بزنید.";

/**
 * Queues the apply of a finished dry run with the same bytes. Allowed when the dry run found
 * errors only with `confirmSkipErrors` (bad rows are skipped). A second request for the same
 * dry run returns the apply job already queued or done instead of a new one.
 */
export async function startRegistryApply(
  db: Db,
  actor: AuditActor,
  caller: Caller,
  request: { dryRunJobId: string; confirmSkipErrors: boolean },
) {
  requireImporter(caller);
  return db.$transaction(async (tx) => {
    // One apply per dry run, even for two clicks at once.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`registry-apply:${request.dryRunJobId}`}))`;
    const dry = await tx.job.findUnique({
      where: { id: request.dryRunJobId },
      select: { id: true, kind: true, status: true, input: true, result: true },
    });
    const input = importJobInput.safeParse(dry?.input);
    if (!dry || dry.kind !== "REGISTRY_IMPORT" || !input.success || input.data.mode !== "dry-run") throw new NotFoundError("job");
    if (dry.status !== "SUCCEEDED") throw new RefusedError("بررسی آزمایشی این فایل هنوز تمام نشده یا ناموفق بوده است.");
    const previous = await tx.job.findFirst({
      where: { kind: "REGISTRY_IMPORT", status: { not: "FAILED" }, input: { path: ["dryRunJobId"], equals: dry.id } },
      orderBy: { createdAt: "desc" },
      select: { id: true },
    });
    if (previous) return previous;
    const report = dry.result as ImportReport | null;
    if ((report?.invalidRows ?? 0) > 0 && !request.confirmSkipErrors)
      throw new InvalidInputError({ confirmSkipErrors: APPLY_CONFIRM_MESSAGE }, APPLY_CONFIRM_MESSAGE);
    // The bytes stay on the dry run's job; the apply checks their SHA-256 when it reads them.
    const [check] = await tx.$queryRaw<
      { intact: boolean }[]
    >`SELECT (file IS NOT NULL AND encode(sha256(file), 'hex') = ${input.data.sha256}) AS intact FROM "Job" WHERE id = ${dry.id}`;
    if (!check?.intact) throw new RefusedError("فایل این بررسی دیگر در دسترس نیست یا تغییر کرده است. فایل را دوباره بارگذاری کنید.");
    const applyInput: ImportJobInput = {
      ...input.data,
      mode: "apply",
      dryRunJobId: dry.id,
      ip: actor.ip,
      userAgent: actor.userAgent ?? null,
    };
    return enqueueJob(tx, { kind: "REGISTRY_IMPORT", input: applyInput, total: input.data.rows ?? 0, createdById: caller.id });
  });
}

export type ImportJobView = {
  id: string;
  status: "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED";
  done: number;
  total: number;
  error: string | null;
  input: ImportJobInput;
  report: ImportReport | null;
  createdAt: Date;
  finishedAt: Date | null;
  createdBy: string;
  /** For a dry run: the apply job started from it, if any. */
  applyJobId: string | null;
};

/** One import job for the page (the report included once it is over). */
export async function loadImportJob(db: Db, caller: Caller, jobId: string): Promise<ImportJobView> {
  requireImporter(caller);
  const job = await db.job.findUnique({
    where: { id: jobId },
    select: {
      id: true,
      kind: true,
      status: true,
      done: true,
      total: true,
      error: true,
      input: true,
      result: true,
      createdAt: true,
      finishedAt: true,
      createdBy: { select: { firstName: true, lastName: true } },
    },
  });
  const input = importJobInput.safeParse(job?.input);
  if (!job || job.kind !== "REGISTRY_IMPORT" || !input.success) throw new NotFoundError("job");
  const apply =
    input.data.mode === "dry-run"
      ? await db.job.findFirst({
          where: { kind: "REGISTRY_IMPORT", status: { not: "FAILED" }, input: { path: ["dryRunJobId"], equals: job.id } },
          orderBy: { createdAt: "desc" },
          select: { id: true },
        })
      : null;
  return {
    id: job.id,
    status: job.status,
    done: job.done,
    total: job.total,
    error: job.error,
    input: input.data,
    report: job.status === "SUCCEEDED" ? (job.result as ImportReport) : null,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
    createdBy: `${job.createdBy.firstName} ${job.createdBy.lastName}`,
    applyJobId: apply?.id ?? null,
  };
}

export type ImportJobSummary = {
  id: string;
  status: ImportJobView["status"];
  mode: "dry-run" | "apply";
  fileName: string;
  rows: number | null;
  createdAt: Date;
  createdBy: string;
};

/** The latest import jobs, newest first (without their files or reports). */
export async function listImportJobs(db: Db, caller: Caller, take = 10): Promise<ImportJobSummary[]> {
  requireImporter(caller);
  const jobs = await db.job.findMany({
    where: { kind: "REGISTRY_IMPORT" },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, status: true, input: true, createdAt: true, createdBy: { select: { firstName: true, lastName: true } } },
  });
  return jobs.flatMap((j) => {
    const input = importJobInput.safeParse(j.input);
    if (!input.success) return [];
    return [
      {
        id: j.id,
        status: j.status,
        mode: input.data.mode,
        fileName: input.data.fileName,
        rows: input.data.rows ?? null,
        createdAt: j.createdAt,
        createdBy: `${j.createdBy.firstName} ${j.createdBy.lastName}`,
      },
    ];
  });
}

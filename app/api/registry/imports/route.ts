// POST multipart/form-data (file): the head office uploads a licence-registry CSV. The file is
// checked at once (size, UTF-8, header, number of rows: a refusal is shown beside the file
// input), stored on a dry-run job (lib/registry) and the job worker is woken; the answer is
// the job's id, whose progress the /registry page shows. A route handler, not a server action,
// so that the size is checked before the body is read. Anyone but the head office: 404.
import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { clientIp, userAgent } from "@/lib/auth/request-context";
import { InvalidInputError, NotFoundError } from "@/lib/errors/app-error";
import { NO_STORE, routeHandler } from "@/lib/http/error-response";
import { BodyTooLargeError, openUpload } from "@/lib/http/upload-request";
import { kickJobWorker } from "@/lib/jobs/worker";
import { MAX_FILE_BYTES } from "@/lib/registry/columns";
import { FILE_TOO_LARGE_MESSAGE } from "@/lib/registry/csv";
import { mayImportRegistry, startRegistryDryRun } from "@/lib/registry/start-import";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// The file and the multipart framing around it.
const MAX_BODY_BYTES = MAX_FILE_BYTES + 64 * 1024;
const NO_FILE_MESSAGE = "فایل CSV را انتخاب کنید.";

export const POST = routeHandler("registry-import", async (request) => {
  const { user, form } = await openUpload(request, MAX_BODY_BYTES, "file", {
    allowed: (u) => {
      if (!mayImportRegistry(u)) throw new NotFoundError("registry");
    },
    tooLargeMessage: FILE_TOO_LARGE_MESSAGE,
  });
  const file = form.get("file");
  if (!(file instanceof Blob) || file.size === 0) {
    const message = file instanceof Blob ? "فایل خالی است." : NO_FILE_MESSAGE;
    throw new InvalidInputError({ file: message }, message);
  }
  if (file.size > MAX_FILE_BYTES) throw new BodyTooLargeError("file", FILE_TOO_LARGE_MESSAGE);

  const actor = { userId: user.id, role: user.role, ip: clientIp(request.headers), userAgent: userAgent(request.headers) };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const job = await startRegistryDryRun(
    db,
    actor,
    { id: user.id, role: user.role, regionId: user.regionId },
    { fileName: (file as File).name ?? "", bytes },
  );
  kickJobWorker();
  return NextResponse.json({ ok: true, data: { jobId: job.id } }, { status: 200, headers: NO_STORE });
});

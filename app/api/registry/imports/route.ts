// POST multipart/form-data (file): the head office uploads a licence-registry CSV. The file is
// checked at once (size, UTF-8, header, number of rows: a refusal is shown beside the file
// input), stored on a dry-run job (lib/registry) and the job worker is woken; the answer is
// the job's id, whose progress the /registry page shows. A route handler, not a server action,
// so that the size is checked before the body is read. Anyone but the head office: 404.
import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { getActingUser } from "@/lib/auth/current-user";
import { clientIp, userAgent } from "@/lib/auth/request-context";
import { INVALID_REQUEST_MESSAGE, NOT_FOUND_MESSAGE, SESSION_EXPIRED_MESSAGE } from "@/lib/actions/result";
import { NotFoundError } from "@/lib/authz/errors";
import { crossSite, fail, MUST_CHANGE_PASSWORD_MESSAGE, readBody } from "@/lib/http/upload-request";
import { kickJobWorker } from "@/lib/jobs/worker";
import { MAX_FILE_BYTES } from "@/lib/registry/columns";
import { FILE_TOO_LARGE_MESSAGE } from "@/lib/registry/csv";
import { mayImportRegistry, RegistryFileError, startRegistryDryRun } from "@/lib/registry/start-import";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// The file and the multipart framing around it.
const MAX_BODY_BYTES = MAX_FILE_BYTES + 64 * 1024;
const NO_FILE_MESSAGE = "فایل CSV را انتخاب کنید.";

export async function POST(request: Request) {
  if (crossSite(request)) return fail(403, { ok: false, formError: INVALID_REQUEST_MESSAGE });
  const user = await getActingUser();
  if (!user) return fail(401, { ok: false, formError: SESSION_EXPIRED_MESSAGE, code: "SIGNED_OUT" });
  if (user.mustChangePassword) return fail(401, { ok: false, formError: MUST_CHANGE_PASSWORD_MESSAGE, code: "SIGNED_OUT" });
  if (!mayImportRegistry(user)) return fail(404, { ok: false, formError: NOT_FOUND_MESSAGE, code: "NOT_FOUND" });

  const tooLarge = () => fail(413, { ok: false, formError: FILE_TOO_LARGE_MESSAGE, fieldErrors: { file: FILE_TOO_LARGE_MESSAGE } });
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return tooLarge();
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) return fail(400, { ok: false, formError: INVALID_REQUEST_MESSAGE });
  const body = await readBody(request, MAX_BODY_BYTES);
  if (!body) return tooLarge();
  let form: FormData;
  try {
    form = await new Response(body as BodyInit, { headers: { "content-type": contentType } }).formData();
  } catch {
    return fail(400, { ok: false, formError: INVALID_REQUEST_MESSAGE });
  }
  const file = form.get("file");
  if (!(file instanceof Blob) || file.size === 0) {
    const message = file instanceof Blob ? "فایل خالی است." : NO_FILE_MESSAGE;
    return fail(422, { ok: false, formError: message, fieldErrors: { file: message } });
  }
  if (file.size > MAX_FILE_BYTES) return tooLarge();

  const actor = { userId: user.id, role: user.role, ip: clientIp(request.headers), userAgent: userAgent(request.headers) };
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const job = await startRegistryDryRun(db, actor, { id: user.id, role: user.role, regionId: user.regionId }, { fileName: (file as File).name ?? "", bytes });
    kickJobWorker();
    return NextResponse.json({ ok: true, data: { jobId: job.id } }, { status: 200, headers: { "Cache-Control": "no-store" } });
  } catch (e) {
    if (e instanceof RegistryFileError) return fail(422, { ok: false, formError: e.userMessage, fieldErrors: e.fieldErrors });
    if (e instanceof NotFoundError) return fail(404, { ok: false, formError: NOT_FOUND_MESSAGE, code: "NOT_FOUND" });
    throw e;
  }
}

"use client";

import { useCallback, useEffect, useRef, useState, type ChangeEvent } from "react";
import { useRouter } from "next/navigation";
import type { DocumentKind } from "@/lib/generated/prisma/enums";
import type { ActionFailure, ActionResult } from "@/lib/actions/result";
import { SESSION_EXPIRED_MESSAGE, UNEXPECTED_MESSAGE } from "@/lib/errors/app-error";
import { CONTENT_TYPE, DOCUMENT_KINDS, FILE_TYPE_LABEL, MAX_DOCUMENT_BYTES, type FileType } from "@/lib/documents/kinds";
import { EMPTY_FILE_MESSAGE, formatFileSize, tooLargeMessage } from "@/lib/declaration/document-messages";
import type { StepStatusMap } from "@/lib/declaration/steps";
import { toPersianDigits } from "@/lib/format/digits";
import { formatJalaliDateTime } from "@/lib/format/jalali";
import { StaleBanner } from "@/components/wizard/save-status";
import { deleteDocumentAction } from "@/lib/actions/declaration/delete-document";

export type DocumentItem = { id: string; kind: DocumentKind; fileName: string; size: number; contentType: string; createdAt: string };

type Props = {
  declarationId: string;
  version: number;
  documents: DocumentItem[];
  /** Called with the declaration's new version after each upload or deletion. */
  onVersion?(version: number): void;
  /** A submitted file: documents are shown, nothing can be changed. */
  readOnly?: boolean;
};

type KindState = { kind: "idle"; error?: string } | { kind: "queued" } | { kind: "uploading"; progress: number } | { kind: "deleting" };

type UploadResponse = { ok: true; data: { version: number; stepStatus: StepStatusMap; document: DocumentItem } } | ActionFailure;

const NETWORK_MESSAGE = "ارتباط با سامانه برقرار نشد و فایل بارگذاری نشد. اتصال اینترنت را بررسی کنید و دوباره تلاش کنید.";
const TEMPLATE_HREF = "/templates/contracts-list.docx";

const ACCEPT_HINT: Record<FileType, string> = {
  jpeg: ".jpg,.jpeg,image/jpeg",
  pdf: ".pdf,application/pdf",
  docx: `.docx,${CONTENT_TYPE.docx}`,
};

const TYPE_OF: Record<string, FileType | undefined> = Object.fromEntries(
  Object.entries(CONTENT_TYPE).map(([t, ct]) => [ct, t as FileType]),
);

function acceptedText(accepts: readonly FileType[]): string {
  const names = accepts.map((t) => FILE_TYPE_LABEL[t]);
  const list = names.length > 1 ? `${names.slice(0, -1).join("، ")} یا ${names.at(-1)}` : (names[0] ?? "");
  return `قالب مجاز: ${list}؛ حداکثر ${toPersianDigits(MAX_DOCUMENT_BYTES / (1024 * 1024))} مگابایت.`;
}

function byKind(documents: DocumentItem[]): Partial<Record<DocumentKind, DocumentItem>> {
  return Object.fromEntries(documents.map((d) => [d.kind, d]));
}

/** POST multipart with upload progress (fetch cannot report upload progress). */
function sendUpload(url: string, form: FormData, onProgress: (percent: number) => void): Promise<UploadResponse> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(Math.min(100, Math.round((e.loaded / e.total) * 100)));
    };
    xhr.onload = () => {
      let body: UploadResponse | null = null;
      try {
        body = JSON.parse(xhr.responseText) as UploadResponse;
      } catch {
        body = null;
      }
      if (body && typeof body === "object" && "ok" in body) return resolve(body);
      // Not our JSON: most likely a redirect to the sign-in page after the session ended.
      const signedOut = xhr.status === 401 || (xhr.responseURL ?? "").includes("/login");
      resolve({
        ok: false,
        formError: signedOut ? SESSION_EXPIRED_MESSAGE : UNEXPECTED_MESSAGE,
        code: signedOut ? "SIGNED_OUT" : undefined,
      });
    };
    xhr.onerror = () => resolve({ ok: false, formError: NETWORK_MESSAGE });
    xhr.onabort = () => resolve({ ok: false, formError: NETWORK_MESSAGE });
    xhr.send(form);
  });
}

function PdfIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className="h-10 w-10 shrink-0 text-red-800"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
    >
      <path d="M6 2h9l5 5v15H6z" />
      <path d="M15 2v5h5" />
      <text x="7.5" y="18" fontSize="6" fill="currentColor" stroke="none" fontFamily="sans-serif">
        PDF
      </text>
    </svg>
  );
}

function WordIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className="h-10 w-10 shrink-0 text-sky-800"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
    >
      <path d="M6 2h9l5 5v15H6z" />
      <path d="M15 2v5h5" />
      <text x="9" y="18" fontSize="7" fill="currentColor" stroke="none" fontFamily="sans-serif">
        W
      </text>
    </svg>
  );
}

/**
 * Step 1 (مستندات): one row per required kind with its status, a file input, an upload
 * progress bar, a preview, «جایگزینی» and «حذف». Uploads run one at a time (each carries
 * the version the previous one returned), so picking several files quickly never makes
 * them refuse each other as "stale". The server checks everything again; the checks here
 * only spare a pointless upload.
 */
export function DocumentsStep({ declarationId, version, documents, onVersion, readOnly = false }: Props) {
  const router = useRouter();
  const [docs, setDocs] = useState(() => byKind(documents));
  const [seenDocs, setSeenDocs] = useState(documents);
  const [states, setStates] = useState<Partial<Record<DocumentKind, KindState>>>({});
  const [announcement, setAnnouncement] = useState("");
  const [staleMessage, setStaleMessage] = useState<string | null>(null);
  const versionRef = useRef(version);
  const queue = useRef<Promise<void>>(Promise.resolve());

  // New server data (after router.refresh()): take it, and never go back to an older version.
  if (documents !== seenDocs) {
    setSeenDocs(documents);
    setDocs(byKind(documents));
  }

  useEffect(() => {
    versionRef.current = Math.max(versionRef.current, version);
  }, [version]);

  const setState = useCallback((kind: DocumentKind, state: KindState) => setStates((s) => ({ ...s, [kind]: state })), []);

  const accepted = useCallback(
    (newVersion: number) => {
      versionRef.current = Math.max(versionRef.current, newVersion);
      onVersion?.(versionRef.current);
      router.refresh();
    },
    [onVersion, router],
  );

  const refused = useCallback(
    (kind: DocumentKind, result: Extract<UploadResponse, { ok: false }>) => {
      const message = result.fieldErrors?.file ?? result.formError ?? UNEXPECTED_MESSAGE;
      if (result.code === "STALE") setStaleMessage(message);
      setState(kind, { kind: "idle", error: message });
    },
    [setState],
  );

  const enqueue = (task: () => Promise<void>) => {
    queue.current = queue.current.then(task).catch(() => undefined);
  };

  const upload = (kind: DocumentKind, label: string, file: File) => {
    if (file.size === 0) return setState(kind, { kind: "idle", error: EMPTY_FILE_MESSAGE });
    if (file.size > MAX_DOCUMENT_BYTES) return setState(kind, { kind: "idle", error: tooLargeMessage(file.size) });
    setState(kind, { kind: "queued" });
    enqueue(async () => {
      setState(kind, { kind: "uploading", progress: 0 });
      const form = new FormData();
      form.set("kind", kind);
      form.set("version", String(versionRef.current));
      form.set("file", file, file.name);
      const result = await sendUpload(`/api/declarations/${encodeURIComponent(declarationId)}/documents`, form, (progress) =>
        setState(kind, { kind: "uploading", progress }),
      );
      if (!result.ok) return refused(kind, result);
      setDocs((d) => ({ ...d, [kind]: result.data.document }));
      setState(kind, { kind: "idle" });
      setAnnouncement(`«${label}» بارگذاری شد.`);
      accepted(result.data.version);
    });
  };

  const remove = (kind: DocumentKind, label: string, doc: DocumentItem) => {
    if (!window.confirm(`«${label}» حذف شود؟`)) return;
    setState(kind, { kind: "deleting" });
    enqueue(async () => {
      let result: ActionResult<{ version: number; stepStatus: StepStatusMap }>;
      try {
        result = await deleteDocumentAction({ declarationId, documentId: doc.id, version: versionRef.current });
      } catch {
        result = { ok: false, formError: NETWORK_MESSAGE };
      }
      if (!result.ok) return refused(kind, result);
      setDocs((d) => ({ ...d, [kind]: undefined }));
      setState(kind, { kind: "idle" });
      setAnnouncement(`«${label}» حذف شد.`);
      accepted(result.data.version);
      // The «حذف» button is gone: keep keyboard users on this kind, at its file input.
      requestAnimationFrame(() => document.getElementById(`doc-${kind.toLowerCase()}-file`)?.focus());
    });
  };

  const onFile = (kind: DocumentKind, label: string) => (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ""; // choosing the same file again must fire "change" again
    if (file) upload(kind, label, file);
  };

  const present = DOCUMENT_KINDS.filter((d) => docs[d.kind]).length;

  return (
    <section aria-labelledby="documents-heading" className="space-y-4">
      <div className="space-y-2">
        <h2 id="documents-heading" className="text-xl font-bold">
          مستندات
        </h2>
        <p>
          هر مدرک را به صورت اسکن رنگی یا عکس واضح بارگذاری کنید. نوع فایل از روی محتوای آن بررسی می‌شود، نه از روی نام آن. این مرحله وقتی
          کامل می‌شود که همه {toPersianDigits(DOCUMENT_KINDS.length)} مدرک بارگذاری شده باشد.
        </p>
        <p className="font-medium" aria-live="polite">
          {toPersianDigits(present)} از {toPersianDigits(DOCUMENT_KINDS.length)} مدرک بارگذاری شده است.
        </p>
        <p role="status" className="sr-only">
          {announcement}
        </p>
      </div>

      {staleMessage ? <StaleBanner message={staleMessage} /> : null}

      <ul className="space-y-3">
        {DOCUMENT_KINDS.map((spec) => {
          const doc = docs[spec.kind];
          const state = states[spec.kind] ?? { kind: "idle" };
          const busy = state.kind !== "idle";
          const error = state.kind === "idle" ? state.error : undefined;
          const base = `doc-${spec.kind.toLowerCase()}`;
          const type = doc ? TYPE_OF[doc.contentType] : undefined;
          const url = doc ? `/api/documents/${encodeURIComponent(doc.id)}` : "";
          const describedBy = [`${base}-status`, `${base}-accepts`, spec.hint ? `${base}-hint` : null, `${base}-error`]
            .filter(Boolean)
            .join(" ");
          return (
            <li key={spec.kind} className={`card relative space-y-3 !p-4 ${doc ? "border-green-300" : ""}`}>
              <div className="flex flex-wrap items-start justify-between gap-2">
                <h3 id={`${base}-label`} className="font-medium">
                  {spec.label}
                </h3>
                <span
                  id={`${base}-status`}
                  className={`rounded-full px-3 py-1 text-sm ${doc ? "bg-green-100 text-green-900" : "border border-slate-300 bg-white text-slate-800"}`}
                >
                  {doc ? "بارگذاری شده" : "بارگذاری نشده"}
                </span>
              </div>

              <p id={`${base}-accepts`} className="text-sm text-slate-700">
                {acceptedText(spec.accepts)}
              </p>
              {spec.hint ? (
                <p id={`${base}-hint`} className="text-sm text-slate-700">
                  {spec.hint}
                </p>
              ) : null}
              {spec.kind === "CONTRACTS_LIST" ? (
                <p>
                  <a href={TEMPLATE_HREF} download="فرم-فهرست-قراردادها.docx" className="font-medium text-brand-700 underline">
                    دریافت فرم فهرست قراردادها (Word)
                  </a>
                </p>
              ) : null}

              {doc ? (
                <div className="flex flex-wrap items-center gap-3 rounded-lg bg-slate-50 p-2">
                  {type === "jpeg" ? (
                    <a href={url} target="_blank" rel="noopener" className="shrink-0">
                      {/* eslint-disable-next-line @next/next/no-img-element -- a private, per-user file: next/image would cache it */}
                      <img
                        src={url}
                        alt={`پیش‌نمایش ${spec.label}`}
                        className="h-24 max-w-full rounded border border-slate-300 object-contain"
                      />
                    </a>
                  ) : type === "pdf" ? (
                    <a href={url} target="_blank" rel="noopener" className="flex items-center gap-1 font-medium text-brand-700 underline">
                      <PdfIcon />
                      مشاهده PDF
                    </a>
                  ) : (
                    <a href={`${url}?download=1`} className="flex items-center gap-1 font-medium text-brand-700 underline">
                      <WordIcon />
                      دریافت فایل Word
                    </a>
                  )}
                  <div className="min-w-0 flex-1 text-sm">
                    <p className="break-all">
                      <bdi>{doc.fileName}</bdi>
                    </p>
                    <p className="text-slate-700">
                      {formatFileSize(doc.size)} — {formatJalaliDateTime(new Date(doc.createdAt))}
                    </p>
                    {type !== "docx" ? (
                      <a href={`${url}?download=1`} className="text-brand-700 underline">
                        دریافت فایل
                      </a>
                    ) : null}
                  </div>
                </div>
              ) : null}

              {state.kind === "uploading" ? (
                <div className="flex items-center gap-2">
                  <progress
                    className="h-3 w-full"
                    max={100}
                    value={state.progress}
                    aria-label={`پیشرفت بارگذاری ${spec.label}`}
                    aria-valuemin={0}
                    aria-valuemax={100}
                    aria-valuenow={state.progress}
                  />
                  <span className="shrink-0 text-sm" aria-hidden="true">
                    {toPersianDigits(state.progress)}٪
                  </span>
                </div>
              ) : state.kind === "queued" ? (
                <p className="text-sm text-slate-700">در صف بارگذاری…</p>
              ) : state.kind === "deleting" ? (
                <p className="text-sm text-slate-700">در حال حذف…</p>
              ) : null}

              <p id={`${base}-error`} className="field-error" role={error ? "alert" : undefined}>
                {error ?? ""}
              </p>

              {readOnly ? null : (
                <div className="flex flex-wrap items-center gap-2">
                  <input
                    id={`${base}-file`}
                    type="file"
                    accept={spec.accepts.map((t) => ACCEPT_HINT[t]).join(",")}
                    className="peer sr-only"
                    aria-labelledby={`${base}-label`}
                    aria-describedby={describedBy}
                    aria-invalid={error ? true : undefined}
                    disabled={busy}
                    onChange={onFile(spec.kind, spec.label)}
                  />
                  <label
                    htmlFor={`${base}-file`}
                    className={`${doc ? "btn-secondary" : "btn"} cursor-pointer peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-amber-700 peer-disabled:cursor-not-allowed peer-disabled:opacity-60`}
                  >
                    {doc ? "جایگزینی" : "انتخاب و بارگذاری فایل"}
                  </label>
                  {doc ? (
                    <button
                      type="button"
                      className="btn-secondary"
                      aria-label={`حذف ${spec.label}`}
                      disabled={busy}
                      onClick={() => remove(spec.kind, spec.label, doc)}
                    >
                      حذف
                    </button>
                  ) : null}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

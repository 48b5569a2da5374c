"use client";

import { useRef, useState } from "react";
import { toPersianDigits } from "@/lib/format/digits";

// «دریافت XLSX» and «دریافت CSV»: plain links to the export route, which work without
// JavaScript (the browser downloads the attachment). With JavaScript, a click reads the
// download here instead so that a progress bar can follow it: rows for CSV (its lines are
// counted), bytes against the server's estimate for XLSX (compressed, so rows cannot be
// counted); then the file is saved under the server's name. A modified click (new tab…) is
// left to the browser.

type Format = "xlsx" | "csv";
type State =
  | { kind: "idle" }
  | { kind: "running"; format: Format; percent: number; text: string }
  | { kind: "done"; text: string }
  | { kind: "error"; text: string };

const FAILED = "دریافت فایل انجام نشد. دوباره تلاش کنید.";

/** The Persian name from Content-Disposition's filename*, else its ASCII filename. */
function fileNameOf(disposition: string | null, fallback: string): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? "");
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through to the plain name
    }
  }
  return /filename="([^"]+)"/i.exec(disposition ?? "")?.[1] ?? fallback;
}

function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function ExportLinks({ roundId, regionId }: { roundId: string; regionId?: number }) {
  const [state, setState] = useState<State>({ kind: "idle" });
  const abort = useRef<AbortController | null>(null);
  const href = (format: Format) =>
    `/api/rounds/${encodeURIComponent(roundId)}/export?format=${format}${regionId ? `&region=${regionId}` : ""}`;

  async function download(format: Format) {
    const controller = new AbortController();
    abort.current = controller;
    setState({ kind: "running", format, percent: 0, text: "در حال آماده‌سازی…" });
    try {
      const res = await fetch(href(format), { cache: "no-store", signal: controller.signal });
      if (!res.ok || !res.body) {
        const body = (await res.json().catch(() => null)) as { formError?: string } | null;
        setState({ kind: "error", text: body?.formError ?? FAILED });
        return;
      }
      const totalRows = Number(res.headers.get("X-Total-Rows")) || 0;
      const expectedBytes = Number(res.headers.get("X-Expected-Bytes")) || 0;
      const reader = res.body.getReader();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let bytes = 0;
      let lines = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        bytes += value.length;
        if (format === "csv") for (const b of value) if (b === 10) lines++;
        // Never 100 % before the end: the XLSX size is an estimate, and the rows may change.
        const share = format === "csv" ? (totalRows > 0 ? (lines - 1) / totalRows : 0) : expectedBytes > 0 ? bytes / expectedBytes : 0;
        const percent = Math.max(0, Math.min(99, Math.floor(share * 100)));
        const text =
          format === "csv"
            ? `${toPersianDigits(Math.max(0, Math.min(lines - 1, totalRows)))} از ${toPersianDigits(totalRows)} ردیف`
            : `${toPersianDigits(Math.round(bytes / 1024))} کیلوبایت دریافت شد`;
        setState({ kind: "running", format, percent, text });
      }
      const name = fileNameOf(res.headers.get("Content-Disposition"), `results.${format}`);
      save(new Blob(chunks, { type: res.headers.get("Content-Type") ?? "application/octet-stream" }), name);
      setState({ kind: "done", text: `فایل «${name}» با ${toPersianDigits(totalRows)} ردیف ذخیره شد.` });
    } catch {
      setState(controller.signal.aborted ? { kind: "idle" } : { kind: "error", text: FAILED });
    } finally {
      abort.current = null;
    }
  }

  const onClick = (format: Format) => (e: React.MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    if (state.kind !== "running") void download(format);
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <a href={href("xlsx")} onClick={onClick("xlsx")} className="btn" aria-disabled={state.kind === "running" || undefined}>
          دریافت XLSX
        </a>
        <a href={href("csv")} onClick={onClick("csv")} className="btn-secondary" aria-disabled={state.kind === "running" || undefined}>
          دریافت CSV
        </a>
      </div>
      {state.kind === "running" ? (
        <div className="space-y-1">
          <label htmlFor="export-progress" className="block text-sm font-medium">
            پیشرفت دریافت فایل {state.format.toUpperCase()}
          </label>
          <div className="flex items-center gap-2">
            <progress id="export-progress" className="h-3 w-full" max={100} value={state.percent} aria-describedby="export-progress-text" />
            <button type="button" className="btn-secondary px-3 py-1 text-sm" onClick={() => abort.current?.abort()}>
              لغو
            </button>
          </div>
          <p id="export-progress-text" className="text-sm">
            {state.text}
          </p>
        </div>
      ) : null}
      {/* Announced once at the start and once at the end, not at every chunk. */}
      <p role="status" aria-live="polite" className={`text-sm ${state.kind === "error" ? "text-red-800" : ""}`}>
        {state.kind === "running" ? "دریافت فایل آغاز شد." : state.kind === "idle" ? "" : state.text}
      </p>
    </div>
  );
}

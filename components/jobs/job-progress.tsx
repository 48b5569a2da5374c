"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { toPersianDigits } from "@/lib/format/digits";

// The progress of a background job (lib/jobs), polled once a second until it ends; then the
// page is refreshed so that it shows the job's report. The bar is a native <progress> with
// a visible label and a polite live region, so screen readers hear the milestones.
type State = { status: "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED"; done: number; total: number; error: string | null };

export function JobProgress({ jobId, label, initial }: { jobId: string; label: string; initial: State }) {
  const router = useRouter();
  const [state, setState] = useState<State>(initial);
  const [lost, setLost] = useState(false);
  const over = state.status === "SUCCEEDED" || state.status === "FAILED";

  useEffect(() => {
    if (over) return;
    let stopped = false;
    const timer = setInterval(async () => {
      try {
        const res = await fetch(`/api/jobs/${encodeURIComponent(jobId)}`, { cache: "no-store" });
        if (!res.ok) throw new Error(String(res.status));
        const next = (await res.json()) as State;
        if (stopped) return;
        setLost(false);
        setState(next);
        if (next.status === "SUCCEEDED" || next.status === "FAILED") router.refresh();
      } catch {
        if (!stopped) setLost(true);
      }
    }, 1000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [jobId, over, router]);

  const percent = state.total > 0 ? Math.min(100, Math.floor((state.done / state.total) * 100)) : 0;
  const text =
    state.status === "QUEUED"
      ? "در نوبت اجرا…"
      : state.status === "RUNNING"
        ? `${toPersianDigits(state.done)} از ${toPersianDigits(state.total)} ردیف (${toPersianDigits(percent)}٪)`
        : state.status === "SUCCEEDED"
          ? "انجام شد."
          : (state.error ?? "انجام نشد.");
  return (
    <div className="space-y-1" data-job-status={state.status}>
      <label htmlFor={`job-${jobId}`} className="block text-sm font-medium">
        {label}
      </label>
      <progress id={`job-${jobId}`} className="h-3 w-full" max={100} value={state.status === "SUCCEEDED" ? 100 : percent} />
      <p className="text-sm" role="status" aria-live="polite">
        {text}
      </p>
      {lost ? <p className="text-sm text-amber-800">اتصال به سرور برقرار نیست؛ دوباره تلاش می‌شود…</p> : null}
    </div>
  );
}

"use client";

import type { SaveState } from "@/components/wizard/use-step-saver";
import { formatJalaliDateTime } from "@/lib/format/jalali";

/** The autosave indicator, announced politely to screen readers. */
export function SaveStatus({ state }: { state: SaveState }) {
  const text =
    state.kind === "pending"
      ? "تغییرات ذخیره‌نشده…"
      : state.kind === "saving"
        ? "در حال ذخیره…"
        : state.kind === "saved"
          ? `پیش‌نویس ذخیره شد (${formatJalaliDateTime(state.at).split(" ").slice(-1)[0]})`
          : state.kind === "error"
            ? state.message
            : "";
  return (
    <p role="status" className={`min-h-6 text-sm ${state.kind === "error" ? "text-red-800" : "text-slate-700"}`}>
      {text}
    </p>
  );
}

export function StaleBanner({ message }: { message: string }) {
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-3 text-red-900">
      <p>{message}</p>
      <button type="button" className="btn mt-2" onClick={() => window.location.reload()}>
        بارگذاری دوباره صفحه
      </button>
    </div>
  );
}

/** The list of what is wrong, at the top of the form, each item linking to its field. */
export function ErrorSummary({
  errors,
  idPrefix,
  labels,
  message,
}: {
  errors: Record<string, string>;
  idPrefix: string;
  labels: Record<string, string>;
  message?: string | null;
}) {
  const entries = Object.entries(errors).filter(([k]) => k !== "_form");
  if (!message && entries.length === 0) return null;
  return (
    <div
      role="alert"
      tabIndex={-1}
      id={`${idPrefix}error-summary`}
      className="rounded-lg border-2 border-red-700 bg-red-50 p-3 text-red-900"
    >
      {message ? <p className="font-bold">{message}</p> : null}
      {entries.length > 0 ? (
        <ul className="mt-1 list-inside list-disc">
          {entries.map(([name, msg]) => (
            <li key={name}>
              <a className="underline" href={`#${idPrefix}${name}`}>
                {labels[name] ?? name}: {msg}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

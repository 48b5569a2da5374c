import type { ReactNode } from "react";

// A labelled field whose error is a Persian sentence right beside it, tied to the input
// with aria-describedby and announced by screen readers (role="alert" on change).
export function FormField(props: { id: string; label: string; error?: string; hint?: string; children: ReactNode }) {
  const { id, label, error, hint, children } = props;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      {children}
      <p id={`${id}-error`} className="field-error" role={error ? "alert" : undefined}>
        {error ?? ""}
      </p>
    </div>
  );
}

export function describedBy(id: string, opts: { hint?: boolean } = {}): string {
  return [opts.hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(" ");
}

export function FormAlert({ message, tone = "error" }: { message?: string | null; tone?: "error" | "success" | "info" }) {
  if (!message) return <div aria-live="polite" />;
  const cls =
    tone === "error"
      ? "border-red-300 bg-red-50 text-red-900"
      : tone === "success"
        ? "border-green-300 bg-green-50 text-green-900"
        : "border-sky-300 bg-sky-50 text-sky-900";
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded-lg border p-3 ${cls}`}>
      {message}
    </div>
  );
}

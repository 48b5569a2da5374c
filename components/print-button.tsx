"use client";

/** Opens the browser's print dialog (the receipt page has print styles). */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="btn print:hidden" onClick={() => window.print()}>
      {label}
    </button>
  );
}

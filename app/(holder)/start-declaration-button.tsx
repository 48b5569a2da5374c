"use client";

import { useState, useTransition } from "react";
import { FormAlert } from "@/components/form-field";
import { startDeclarationAction } from "@/lib/actions/declaration/start-declaration";

export function StartDeclarationButton() {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-2">
      <FormAlert message={error} />
      <button
        type="button"
        className="btn"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await startDeclarationAction();
            if (result && !result.ok) setError(result.formError ?? null);
          })
        }
      >
        {pending ? "در حال آماده‌سازی…" : "شروع ثبت خوداظهاری"}
      </button>
    </div>
  );
}

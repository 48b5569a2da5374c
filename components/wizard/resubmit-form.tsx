"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { FormAlert } from "@/components/form-field";
import { useDeclarationVersion } from "@/components/wizard/version-context";
import { resubmitAction } from "@/lib/actions/declaration/resubmit-declaration";

/** A returned file's «ارسال دوباره»: confirm the corrections and send the file back to the region. */
export function ResubmitForm({ declarationId }: { declarationId: string }) {
  const router = useRouter();
  const version = useDeclarationVersion();
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!confirmed) return setFieldError("برای ارسال دوباره، انجام اصلاحات را با علامت زدن این گزینه تایید کنید.");
    setBusy(true);
    setError(null);
    try {
      const result = await resubmitAction({ declarationId, version: version.get(), confirmed });
      if (result.ok) {
        router.push(`/declarations/${declarationId}`);
        router.refresh();
      } else {
        setFieldError(result.fieldErrors?.confirmed ?? null);
        setError(result.formError ?? null);
      }
    } catch {
      setError("ارتباط با سامانه برقرار نشد و پرونده ارسال نشد. دوباره تلاش کنید.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="card space-y-4" aria-labelledby="resubmit-title">
      <h2 id="resubmit-title" className="text-lg font-bold">
        ارسال دوباره پس از اصلاح
      </h2>
      <FormAlert message={error} />
      <div>
        <label className="flex items-start gap-2 font-medium">
          <input
            type="checkbox"
            className="mt-1 size-5"
            checked={confirmed}
            onChange={(e) => setConfirmed(e.target.checked)}
            aria-describedby="resubmit-confirm-error"
            aria-invalid={fieldError ? true : undefined}
          />
          موارد خواسته‌شده را اصلاح کرده‌ام و درستی اطلاعات را تایید می‌کنم.
        </label>
        <p id="resubmit-confirm-error" className="field-error" role={fieldError ? "alert" : undefined}>
          {fieldError ?? ""}
        </p>
      </div>
      <button type="submit" className="btn" disabled={busy}>
        {busy ? "در حال ارسال…" : "ارسال دوباره پرونده"}
      </button>
    </form>
  );
}

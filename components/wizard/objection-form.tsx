"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { FormAlert, FormField } from "@/components/form-field";
import { objectionAction } from "@/app/(holder)/declarations/[declarationId]/objection-action";

/** The holder's objection to the approved result (within the window). What was typed stays on error. */
export function ObjectionForm({ declarationId }: { declarationId: string }) {
  const router = useRouter();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await objectionAction({ declarationId, text });
      if (result.ok) router.refresh();
      else {
        setFieldError(result.fieldErrors?.text);
        setError(result.fieldErrors?.text ? null : (result.formError ?? null));
      }
    } catch {
      setError("ارتباط با سامانه برقرار نشد و اعتراض ثبت نشد. دوباره تلاش کنید.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-labelledby="objection-title">
      <h3 id="objection-title" className="font-bold">
        ثبت اعتراض
      </h3>
      <FormAlert message={error} />
      <FormField id="objection-text" label="متن اعتراض" hint="بنویسید به کدام امتیاز و چرا اعتراض دارید (دست‌کم ۲۰ حرف)." error={fieldError}>
        <textarea
          id="objection-text"
          className="input min-h-28"
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby="objection-text-hint objection-text-error"
        />
      </FormField>
      <button type="submit" className="btn" disabled={busy}>
        ثبت اعتراض
      </button>
    </form>
  );
}

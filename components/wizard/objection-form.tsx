"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { FormAlert, FormField } from "@/components/form-field";
import { SESSION_EXPIRED_MESSAGE } from "@/lib/errors/app-error";

/**
 * The holder's objection to the approved result (within the window), with up to three
 * PDF/JPEG attachments of at most 2 MB each. What was typed stays when something is refused.
 */
export function ObjectionForm({ declarationId }: { declarationId: string }) {
  const router = useRouter();
  const filesRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ text?: string; files?: string }>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFieldErrors({});
    const body = new FormData();
    body.set("text", text);
    for (const f of Array.from(filesRef.current?.files ?? [])) body.append("files", f);
    try {
      const response = await fetch(`/api/declarations/${encodeURIComponent(declarationId)}/objection`, { method: "POST", body });
      const result = (await response.json()) as { ok: boolean; formError?: string; fieldErrors?: { text?: string; files?: string } };
      if (result.ok) return router.refresh();
      setFieldErrors(result.fieldErrors ?? {});
      setError(result.fieldErrors?.text || result.fieldErrors?.files ? null : (result.formError ?? SESSION_EXPIRED_MESSAGE));
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
      <FormField
        id="objection-text"
        label="متن اعتراض"
        hint="بنویسید به کدام امتیاز و چرا اعتراض دارید (دست‌کم ۲۰ حرف)."
        error={fieldErrors.text}
      >
        <textarea
          id="objection-text"
          className="input min-h-28"
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={fieldErrors.text ? true : undefined}
          aria-describedby="objection-text-hint objection-text-error"
        />
      </FormField>
      <FormField
        id="objection-files"
        label="پیوست (اختیاری)"
        hint="حداکثر ۳ فایل PDF یا JPEG، هر کدام تا ۲ مگابایت."
        error={fieldErrors.files}
      >
        <input
          id="objection-files"
          ref={filesRef}
          type="file"
          multiple
          accept="application/pdf,image/jpeg"
          className="block"
          aria-invalid={fieldErrors.files ? true : undefined}
          aria-describedby="objection-files-hint objection-files-error"
        />
      </FormField>
      <button type="submit" className="btn" disabled={busy}>
        ثبت اعتراض
      </button>
    </form>
  );
}

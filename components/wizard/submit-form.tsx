"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { describedBy, FormAlert, FormField } from "@/components/form-field";
import { useDeclarationVersion } from "@/components/wizard/version-context";
import { submitDeclarationAction } from "@/lib/actions/declaration/submit-declaration";

const CONFIRM_MESSAGE = "برای ارسال، درستی اطلاعات را با علامت زدن این گزینه تایید کنید.";
const PASSWORD_MESSAGE = "رمز عبور خود را وارد کنید.";

/**
 * Step 9's final submission: a confirmation checkbox and the password asked again. The
 * button stays disabled while a request is in flight; the server makes a second request
 * (double click, another tab) return the same submission anyway.
 */
export function SubmitForm({ declarationId }: { declarationId: string }) {
  const router = useRouter();
  const version = useDeclarationVersion();
  const [confirmed, setConfirmed] = useState(false);
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<{ confirmed?: string; password?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (inFlight.current) return;
    const local = { confirmed: confirmed ? undefined : CONFIRM_MESSAGE, password: password ? undefined : PASSWORD_MESSAGE };
    setErrors(local);
    setFormError(null);
    if (local.confirmed || local.password) {
      document.getElementById(local.confirmed ? "s9-confirmed" : "s9-password")?.focus();
      return;
    }
    inFlight.current = true;
    setBusy(true);
    try {
      const result = await submitDeclarationAction({ declarationId, version: version.get(), confirmed, password });
      if (result.ok) {
        router.push(`/declarations/${declarationId}/receipt`);
        router.refresh();
        return;
      }
      setPassword("");
      setErrors({ confirmed: result.fieldErrors?.confirmed, password: result.fieldErrors?.password });
      setFormError(result.fieldErrors?.password || result.fieldErrors?.confirmed ? null : (result.formError ?? null));
      if (result.fieldErrors?.password) document.getElementById("s9-password")?.focus();
    } catch {
      setFormError("ارتباط با سامانه برقرار نشد و پرونده ارسال نشد. دوباره تلاش کنید.");
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="card space-y-4" aria-labelledby="submit-title">
      <h2 id="submit-title" className="text-lg font-bold">
        ارسال نهایی
      </h2>
      <p>پس از ارسال، پرونده برای بررسی به منطقه فرستاده می‌شود و دیگر نمی‌توانید آن را تغییر دهید.</p>
      <FormAlert message={formError} />
      <div>
        <label className="flex items-start gap-2 font-medium">
          <input
            id="s9-confirmed"
            type="checkbox"
            className="mt-1 size-5"
            checked={confirmed}
            onChange={(e) => setConfirmed(e.target.checked)}
            aria-invalid={errors.confirmed ? true : undefined}
            aria-describedby="s9-confirmed-error"
          />
          درستی همه اطلاعات بالا را تایید می‌کنم و می‌دانم که اعلام نادرست پیگرد دارد.
        </label>
        <p id="s9-confirmed-error" className="field-error" role={errors.confirmed ? "alert" : undefined}>
          {errors.confirmed ?? ""}
        </p>
      </div>
      <FormField id="s9-password" label="رمز عبور" hint="برای ارسال، رمز عبور خود را دوباره وارد کنید." error={errors.password}>
        <input
          id="s9-password"
          type="password"
          className="input max-w-sm"
          dir="ltr"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={describedBy("s9-password", { hint: true })}
        />
      </FormField>
      <button type="submit" className="btn" disabled={busy} aria-disabled={busy}>
        {busy ? "در حال ارسال…" : "ارسال نهایی پرونده"}
      </button>
    </form>
  );
}

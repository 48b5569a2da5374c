"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { FormAlert, FormField } from "@/components/form-field";
import { SESSION_EXPIRED_MESSAGE } from "@/lib/errors/app-error";
import { useActionRunner } from "@/components/use-action-runner";
import { applyImportAction } from "@/lib/actions/admin/apply-registry-import";

const NETWORK_MESSAGE = "ارتباط با سامانه برقرار نشد. دوباره تلاش کنید؛ فایل انتخاب‌شده سر جایش است.";

/** Upload for a dry run. A refused file is explained beside the input, which keeps its selection. */
export function UploadForm({ maxMb }: { maxMb: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFileError(undefined);
    try {
      const response = await fetch("/api/registry/imports", { method: "POST", body: new FormData(e.currentTarget) });
      const result = (await response.json()) as {
        ok: boolean;
        data?: { jobId: string };
        formError?: string;
        fieldErrors?: { file?: string };
      };
      if (result.ok && result.data) {
        router.push(`/registry?job=${encodeURIComponent(result.data.jobId)}`);
        return;
      }
      if (result.fieldErrors?.file) setFileError(result.fieldErrors.file);
      else setError(result.formError ?? SESSION_EXPIRED_MESSAGE);
    } catch {
      setError(NETWORK_MESSAGE);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="card space-y-3" aria-labelledby="upload-title">
      <h2 id="upload-title" className="text-lg font-bold">
        بارگذاری فایل
      </h2>
      <FormAlert message={error} />
      <FormField
        id="registry-file"
        label="فایل CSV دفاتر، پروانه‌ها و دارندگان"
        hint={`CSV با کدگذاری UTF-8، حداکثر ${maxMb} مگابایت. ابتدا بررسی آزمایشی انجام می‌شود و چیزی ذخیره نمی‌شود.`}
        error={fileError}
      >
        <input
          id="registry-file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          className="block"
          required
          aria-invalid={fileError ? true : undefined}
          aria-describedby="registry-file-hint registry-file-error"
        />
      </FormField>
      <button type="submit" className="btn" disabled={busy}>
        {busy ? "در حال بارگذاری…" : "بررسی آزمایشی"}
      </button>
    </form>
  );
}

/** Apply a finished dry run; with refused rows, an explicit confirmation that they are skipped. */
export function ApplyForm({
  dryRunJobId,
  invalidRows,
  invalidRowsText,
}: {
  dryRunJobId: string;
  invalidRows: number;
  invalidRowsText: string;
}) {
  const router = useRouter();
  const [confirm, setConfirm] = useState(false);
  const { message, fieldErrors, busy, run } = useActionRunner();
  const confirmError = fieldErrors.confirmSkipErrors;
  const error = message?.tone === "error" && !confirmError ? message.text : null;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    void run(
      () => applyImportAction({ dryRunJobId, confirmSkipErrors: confirm }),
      () => "",
      (d) => router.push(`/registry?job=${encodeURIComponent(d.jobId)}`),
    );
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-labelledby="apply-title">
      <h3 id="apply-title" className="font-bold">
        اعمال در سامانه
      </h3>
      <p className="text-sm">
        همین فایل (بدون بارگذاری دوباره) اعمال می‌شود؛ رمز عبور دارندگانی که پیش‌تر در سامانه بوده‌اند تغییر نمی‌کند.
      </p>
      <FormAlert message={error} />
      {invalidRows > 0 ? (
        <div className="space-y-1">
          <div className="flex items-start gap-2">
            <input
              id="apply-confirm"
              type="checkbox"
              className="mt-1"
              checked={confirm}
              onChange={(e) => setConfirm(e.target.checked)}
              aria-invalid={confirmError ? true : undefined}
              aria-describedby="apply-confirm-error"
            />
            <label htmlFor="apply-confirm">{`${invalidRowsText} ردیف نادرست کنار گذاشته شود و فقط ردیف‌های درست اعمال شوند.`}</label>
          </div>
          <p id="apply-confirm-error" className="field-error" role={confirmError ? "alert" : undefined}>
            {confirmError ?? ""}
          </p>
        </div>
      ) : null}
      <button type="submit" className="btn" disabled={busy}>
        {busy ? "در حال ثبت درخواست…" : "اعمال در سامانه"}
      </button>
    </form>
  );
}

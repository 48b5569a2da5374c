"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { FormAlert } from "@/components/form-field";
import { NETWORK_ERROR_MESSAGE, useActionRunner } from "@/components/use-action-runner";
import { uploadRuleSetAction } from "@/lib/actions/admin/upload-rule-set";
import { approveRuleSetAction } from "@/lib/actions/admin/approve-rule-set";
import { deleteRuleSetAction } from "@/lib/actions/admin/delete-rule-set";

/**
 * Upload a rule set JSON file. A refused file shows its validation report: every problem
 * with the field it names (the server's RuleSetUploadError, one entry per path).
 */
export function RuleSetUploadForm() {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" } | null>(null);
  const [report, setReport] = useState<[string, string][]>([]);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const file = input.current?.files?.[0];
    setReport([]);
    if (!file) {
      setMessage({ text: "فایل جدول امتیازدهی (JSON) را انتخاب کنید.", tone: "error" });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const r = await uploadRuleSetAction({ fileName: file.name, text: await file.text() });
      if (r.ok) {
        setMessage({
          text: r.data.existing
            ? `همین محتوا پیش‌تر به عنوان نسخه ${r.data.version} بارگذاری شده است.`
            : `نسخه ${r.data.version} بارگذاری شد؛ آن را بررسی و تأیید کنید.`,
          tone: "success",
        });
        router.push(`/rule-sets/${r.data.ruleSetId}`);
      } else {
        setMessage({ text: r.formError ?? "بارگذاری انجام نشد.", tone: "error" });
        setReport(Object.entries(r.fieldErrors ?? {}).filter(([k]) => k !== "file"));
        if (r.fieldErrors?.file) setMessage({ text: r.fieldErrors.file, tone: "error" });
      }
    } catch {
      setMessage({ text: NETWORK_ERROR_MESSAGE, tone: "error" });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="card space-y-3" aria-labelledby="upload-heading" noValidate>
      <h2 id="upload-heading" className="text-lg font-bold">
        بارگذاری جدول جدید
      </h2>
      <p className="text-sm text-slate-700">
        فایل JSON با قالب «RULESET.md» (همان قالب جدول نمونه). فایل بررسی می‌شود و هر خطا با نام فیلد آن گزارش می‌شود؛ جدول تا تأیید نشده در
        هیچ دوره‌ای به کار نمی‌رود.
      </p>
      <div>
        <label htmlFor="rule-set-file" className="mb-1 block font-medium">
          فایل جدول (JSON)
        </label>
        <input id="rule-set-file" ref={input} type="file" accept="application/json,.json" className="block" />
      </div>
      <button type="submit" className="btn" disabled={busy}>
        {busy ? "در حال بررسی…" : "بررسی و بارگذاری"}
      </button>
      <FormAlert message={message?.text} tone={message?.tone} />
      {report.length > 0 ? (
        <section aria-labelledby="report-heading" className="space-y-2">
          <h3 id="report-heading" className="font-bold">
            گزارش بررسی فایل
          </h3>
          <table className="w-full text-sm">
            <caption className="sr-only">خطاهای فایل جدول امتیازدهی، هر کدام با فیلد آن</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2 text-start">
                  فیلد
                </th>
                <th scope="col" className="p-2 text-start">
                  خطا
                </th>
              </tr>
            </thead>
            <tbody>
              {report.map(([path, text]) => (
                <tr key={path} className="border-b border-slate-200 align-top">
                  <th scope="row" className="p-2 text-start font-mono text-xs" dir="ltr">
                    {path}
                  </th>
                  <td className="p-2 whitespace-pre-line">{text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </form>
  );
}

/** Approve / delete buttons of an unapproved rule set. */
export function RuleSetDecision({ ruleSetId, label, warnings }: { ruleSetId: string; label: string; warnings: number }) {
  const router = useRouter();
  const { message, busy, run } = useActionRunner();
  const warn = warnings > 0 ? `\nاین جدول ${warnings} هشدار دارد.` : "";
  return (
    <div className="flex flex-wrap items-start gap-3">
      <button
        type="button"
        className="btn"
        disabled={busy}
        onClick={() => {
          if (window.confirm(`«${label}» تأیید شود؟ جدول تأییدشده دیگر تغییر نمی‌کند و در دوره‌ها به کار می‌رود.${warn}`)) {
            void run(
              () => approveRuleSetAction({ ruleSetId }),
              () => "جدول تأیید شد.",
            );
          }
        }}
      >
        تأیید جدول
      </button>
      <button
        type="button"
        className="btn-secondary"
        disabled={busy}
        onClick={() => {
          if (window.confirm(`«${label}» حذف شود؟`))
            void run(
              () => deleteRuleSetAction({ ruleSetId }),
              () => "جدول حذف شد.",
              () => router.push("/rule-sets"),
            );
        }}
      >
        حذف این بارگذاری
      </button>
      <FormAlert message={message?.text} tone={message?.tone} />
    </div>
  );
}

"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { RowListEditor, type Row } from "@/components/wizard/row-list-editor";
import { FormAlert } from "@/components/form-field";
import { useDeclarationVersion } from "@/components/wizard/version-context";
import { nextStepHref } from "@/lib/declaration/steps";
import { completeStaffAction } from "@/lib/actions/declaration/complete-staff-step";

const HEADERS = ["نام و نام خانوادگی", "کد ملی", "تلفن همراه", "تاریخ تولد", "معلولیت", "بیمه"];

/** Step 7: the staff list, then "complete" once it matches step 3's numbers. */
export function StaffStep({
  declarationId,
  rows,
  declared,
  readOnly,
}: {
  declarationId: string;
  rows: Row[];
  declared: string;
  readOnly?: boolean;
}) {
  const router = useRouter();
  const version = useDeclarationVersion();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const complete = async () => {
    setBusy(true);
    const result = await completeStaffAction({ declarationId, version: version.get() });
    setBusy(false);
    if (result.ok) {
      version.set(result.data.version);
      router.push(nextStepHref(declarationId, result.data.stepStatus));
      router.refresh();
    } else setMessage(result.formError ?? null);
  };

  return (
    <div className="space-y-6">
      <p className="card">{declared}</p>
      <RowListEditor kind="staff" declarationId={declarationId} rows={rows} headers={HEADERS} readOnly={readOnly} />
      {readOnly ? null : (
        <div className="space-y-2">
          <FormAlert message={message} />
          <button type="button" className="btn" onClick={complete} disabled={busy}>
            تأیید فهرست و تکمیل مرحله
          </button>
        </div>
      )}
    </div>
  );
}

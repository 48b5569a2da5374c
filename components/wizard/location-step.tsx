"use client";

import { useState } from "react";
import { fieldErrorsOf } from "@/lib/errors/app-error";
import { useRouter } from "next/navigation";
import LazyMapPicker from "@/components/map/lazy-map-picker";
import { full as locationSchema } from "@/lib/declaration/forms/step-6-location";
import { nextStepHref } from "@/lib/declaration/steps";
import { FormAlert } from "@/components/form-field";
import { SaveStatus, StaleBanner } from "@/components/wizard/save-status";
import { useStepSaver } from "@/components/wizard/use-step-saver";

type LatLng = { lat: number; lng: number };

/** Step 6: the office's point, picked on the map or typed; saved as a draft as it moves. */
export function LocationStep({
  declarationId,
  initial,
  declaredProvince,
  readOnly,
}: {
  declarationId: string;
  initial: LatLng | null;
  declaredProvince: string | null;
  readOnly?: boolean;
}) {
  const router = useRouter();
  const [point, setPoint] = useState<LatLng | null>(initial);
  const [error, setError] = useState<string | null>(null);
  const saver = useStepSaver({ declarationId, step: 6, disabled: readOnly });

  const values = (p: LatLng | null) => ({ lat: p ? String(p.lat) : "", lng: p ? String(p.lng) : "" });

  const onChange = (p: LatLng) => {
    setPoint(p);
    setError(null);
    saver.scheduleDraft(values(p));
  };

  const complete = async () => {
    const local = locationSchema.safeParse(values(point));
    if (!local.success) return setError(Object.values(fieldErrorsOf(local.error))[0] ?? null);
    const result = await saver.saveNow(values(point), "complete");
    if (result.ok) {
      router.push(nextStepHref(declarationId, result.data.stepStatus));
      router.refresh();
    } else if (result.code !== "STALE") setError(Object.values(result.fieldErrors ?? {})[0] ?? result.formError ?? null);
  };

  return (
    <div className="space-y-4">
      {saver.state.kind === "stale" ? <StaleBanner message={saver.state.message} /> : null}
      <LazyMapPicker value={point} onChange={readOnly ? () => undefined : onChange} declaredProvince={declaredProvince} />
      <FormAlert message={error} />
      {readOnly ? null : (
        <div className="flex flex-wrap items-center gap-3">
          <button type="button" className="btn" onClick={complete}>
            ذخیره و تکمیل مرحله
          </button>
          <SaveStatus state={saver.state} />
        </div>
      )}
    </div>
  );
}

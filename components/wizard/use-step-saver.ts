"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import type { StepValues } from "@/lib/declaration/forms/field-spec";
import type { SaveStepResult } from "@/lib/declaration/save-step";
import { saveStepAction } from "@/lib/actions/declaration/save-step";
import { useDeclarationVersion } from "@/components/wizard/version-context";

export type SaveState =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "error"; message: string }
  | { kind: "stale"; message: string };

const AUTOSAVE_DELAY_MS = 1200;

/**
 * Saves a step's form: drafts are debounced and strictly sequential (one request at a
 * time, the latest values win), "complete" waits for any draft in flight. The version the
 * server returns is carried to the next save, so a second tab on an older version is
 * refused instead of overwriting newer data; after that, autosave stops.
 */
type SaveAction = (input: {
  declarationId: string;
  step: number;
  version: number;
  values: StepValues;
  mode: "draft" | "complete";
}) => Promise<ActionResult<SaveStepResult>>;

export function useStepSaver(opts: { declarationId: string; step: number; disabled?: boolean; action?: SaveAction }) {
  const { declarationId, step } = opts;
  const action = opts.action ?? saveStepAction;
  const version = useDeclarationVersion();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<unknown> | null>(null);
  const queued = useRef<StepValues | null>(null);
  const stale = useRef(false);
  const [state, setState] = useState<SaveState>({ kind: "idle" });

  const send = useCallback(
    async (values: StepValues, mode: "draft" | "complete"): Promise<ActionResult<SaveStepResult>> => {
      setState({ kind: "saving" });
      let result: ActionResult<SaveStepResult>;
      try {
        result = await action({ declarationId, step, version: version.get(), values, mode });
      } catch {
        result = { ok: false, formError: "ارتباط با سامانه برقرار نشد؛ آنچه نوشته‌اید در این صفحه باقی است. دوباره تلاش کنید." };
      }
      if (result.ok) {
        version.set(result.data.version);
        setState({ kind: "saved", at: new Date() });
      } else if (result.code === "STALE") {
        stale.current = true;
        setState({ kind: "stale", message: result.formError ?? "" });
      } else if (mode === "draft") {
        setState({ kind: "error", message: result.formError ?? "ذخیره نشد." });
      } else {
        setState({ kind: "idle" });
      }
      return result;
    },
    [declarationId, step, version, action],
  );

  const run = useCallback(
    async (values: StepValues) => {
      if (inFlight.current) {
        queued.current = values;
        return;
      }
      let next: StepValues | null = values;
      while (next && !stale.current) {
        queued.current = null;
        const p = send(next, "draft");
        inFlight.current = p;
        await p;
        inFlight.current = null;
        next = queued.current;
      }
    },
    [send],
  );

  const scheduleDraft = useCallback(
    (values: StepValues) => {
      if (opts.disabled || stale.current) return;
      if (timer.current) clearTimeout(timer.current);
      setState({ kind: "pending" });
      timer.current = setTimeout(() => {
        timer.current = null;
        void run(values);
      }, AUTOSAVE_DELAY_MS);
    },
    [opts.disabled, run],
  );

  const saveNow = useCallback(
    async (values: StepValues, mode: "draft" | "complete") => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      queued.current = null;
      while (inFlight.current) await inFlight.current;
      return send(values, mode);
    },
    [send],
  );

  // Leaving with a draft not yet sent: the browser asks before the page goes away.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (timer.current || inFlight.current) e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  return { state, scheduleDraft, saveNow };
}

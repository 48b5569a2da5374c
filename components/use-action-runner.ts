"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/actions/result";

export type RunnerMessage = { text: string; tone: "error" | "success" };

export const NETWORK_ERROR_MESSAGE = "ارتباط با سامانه برقرار نشد. دوباره تلاش کنید.";

/**
 * The state of a button or small form that calls one server action: busy while it runs,
 * the server's Persian message (or the success text) afterwards, and the fields it
 * refused. On success the page is refreshed (or `then` runs instead, e.g. to navigate).
 * `run` resolves to whether the action succeeded, so a form can clear itself.
 */
export function useActionRunner() {
  const router = useRouter();
  const [message, setMessage] = useState<RunnerMessage | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const run = async <T>(call: () => Promise<ActionResult<T>>, success: (data: T) => string, then?: (data: T) => void): Promise<boolean> => {
    setBusy(true);
    setMessage(null);
    setFieldErrors({});
    try {
      const r = await call();
      if (r.ok) {
        setMessage({ text: success(r.data as T), tone: "success" });
        if (then) then(r.data as T);
        else router.refresh();
        return true;
      }
      setFieldErrors(r.fieldErrors ?? {});
      setMessage({ text: r.formError ?? "انجام نشد.", tone: "error" });
    } catch {
      setMessage({ text: NETWORK_ERROR_MESSAGE, tone: "error" });
    } finally {
      setBusy(false);
    }
    return false;
  };
  return { message, fieldErrors, busy, run };
}

"use client";

import { useEffect } from "react";

// Sessions end after 30 minutes without activity. next-auth re-issues the JWT cookie
// with a fresh expiry whenever /api/auth/session is read, so we read it when the person
// actually does something (at most once a minute), not on a timer: an unattended tab lets
// the session lapse. A plain fetch keeps next-auth's client library off every page.
const MIN_INTERVAL_MS = 60_000;

export function SessionKeepAlive() {
  useEffect(() => {
    let last = Date.now();
    const onActivity = () => {
      if (Date.now() - last < MIN_INTERVAL_MS) return;
      last = Date.now();
      void fetch("/api/auth/session", { credentials: "same-origin", cache: "no-store" }).catch(() => undefined);
    };
    const events = ["pointerdown", "keydown", "scroll"] as const;
    events.forEach((e) => window.addEventListener(e, onActivity, { passive: true }));
    return () => events.forEach((e) => window.removeEventListener(e, onActivity));
  }, []);
  return null;
}

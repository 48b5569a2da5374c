"use client";

import { useState } from "react";

// Signs out through next-auth's own endpoint (CSRF token first), which clears the cookie
// and records the audit event; then goes to the sign-in page.
export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  const signOut = async () => {
    setBusy(true);
    try {
      const { csrfToken } = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken: string };
      await fetch("/api/auth/signout", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken, callbackUrl: "/login", json: "true" }),
      });
    } finally {
      // A full page load on purpose: nothing of the signed-in session stays in the browser's memory.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign("/login");
    }
  };
  return (
    <button
      type="button"
      disabled={busy}
      className="rounded-lg border border-white/60 px-3 py-1.5 text-sm hover:bg-white/10"
      onClick={signOut}
    >
      خروج
    </button>
  );
}

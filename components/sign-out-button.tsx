"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button type="button" className="rounded-lg border border-white/60 px-3 py-1.5 text-sm hover:bg-white/10" onClick={() => signOut({ callbackUrl: "/login" })}>
      خروج
    </button>
  );
}

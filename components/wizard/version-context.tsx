"use client";

import { createContext, useContext, useState, type ReactNode } from "react";

// The declaration's version as this page last saw it. Every saving component of a page
// (a step's form, its list of board members or staff, its documents) reads and advances
// the same number, so they never refuse each other as "stale"; another tab still is.
type VersionBox = { get(): number; set(v: number): void };

const VersionContext = createContext<VersionBox | null>(null);

export function DeclarationVersionProvider({ version, children }: { version: number; children: ReactNode }) {
  const [box] = useState<VersionBox>(() => {
    let current = version;
    return { get: () => current, set: (v) => void (current = Math.max(current, v)) };
  });
  return <VersionContext.Provider value={box}>{children}</VersionContext.Provider>;
}

export function useDeclarationVersion(): VersionBox {
  const box = useContext(VersionContext);
  if (!box) throw new Error("useDeclarationVersion outside DeclarationVersionProvider");
  return box;
}

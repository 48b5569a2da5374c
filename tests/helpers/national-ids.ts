// Valid national IDs for fixtures, built with the checksum of DOMAIN.md.
import { randomInt } from "node:crypto";

export function nationalIdFrom(nineDigits: string): string {
  const d = nineDigits.padStart(9, "0").slice(-9);
  const s = [...d].reduce((acc, c, i) => acc + Number(c) * (10 - i), 0);
  const r = s % 11;
  return d + String(r < 2 ? r : 11 - r);
}

const issued = new Set<string>();

/** A random valid national ID, never the same twice in one process. */
export function uniqueNationalId(): string {
  for (;;) {
    const id = nationalIdFrom(String(randomInt(100_000_000, 999_999_999)));
    if (!issued.has(id) && !/^(\d)\1{9}$/.test(id)) {
      issued.add(id);
      return id;
    }
  }
}

// Iranian legal-entity national ID (شناسه ملی اشخاص حقوقی): 11 digits with a
// mod-11 check digit. The tenth digit (plus 2) is added to every digit before
// weighting, so the checksum also guards the digit in front of it.
import { stripSeparators, toAsciiDigits } from "./normalize";

const WEIGHTS = [29, 27, 23, 19, 17, 29, 27, 23, 19, 17] as const;

export function normalizeLegalId(input: string): string {
  return stripSeparators(toAsciiDigits(input));
}

function checksumOk(id: string): boolean {
  const d = Array.from(id, Number);
  const k = d[9]! + 2;
  let s = 0;
  for (let i = 0; i < 10; i++) s += (d[i]! + k) * WEIGHTS[i]!;
  let r = s % 11;
  if (r === 10) r = 0;
  return r === d[10];
}

export function isValidLegalId(input: string): boolean {
  return legalIdIssue(input) === null;
}

export function legalIdIssue(input: string): string | null {
  const id = normalizeLegalId(input);
  if (id === "") return "شناسه ملی را وارد کنید.";
  if (!/^\d+$/.test(id)) return "شناسه ملی فقط باید شامل رقم باشد.";
  if (id.length !== 11) return "شناسه ملی باید ۱۱ رقم باشد.";
  // Digits 4–9 are the entity's serial number; an all-zero serial is never issued
  // (the widely used reference check rejects it too), although the checksum can still match.
  if (/^\d{3}0{6}/.test(id)) return "شناسه ملی معتبر نیست.";
  if (!checksumOk(id)) return "شناسه ملی معتبر نیست.";
  return null;
}

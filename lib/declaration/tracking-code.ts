import { randomInt } from "node:crypto";

// A submission's tracking code (کد رهگیری): 12 digits, random (so codes do not reveal how
// many files were submitted, nor let anyone guess another office's code), the last digit a
// Luhn check digit so a mistyped code is caught before any lookup.
const TRACKING_CODE_LENGTH = 12;

function luhnCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = body.charCodeAt(body.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function generateTrackingCode(random: (max: number) => number = randomInt): string {
  let body = String(1 + random(9)); // no leading zero: the code survives spreadsheets
  while (body.length < TRACKING_CODE_LENGTH - 1) body += String(random(10));
  return body + luhnCheckDigit(body);
}

export function isValidTrackingCode(code: string): boolean {
  return /^[1-9]\d{11}$/.test(code) && luhnCheckDigit(code.slice(0, -1)) === Number(code.at(-1));
}

/** Grouped for reading aloud over the phone: «1234 5678 9012». */
export function groupTrackingCode(code: string): string {
  return code.replace(/(\d{4})(?=\d)/g, "$1 ");
}

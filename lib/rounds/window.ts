// The round's self-declaration window: from windowOpensAt (inclusive) to windowClosesAt
// (exclusive, the start of the Tehran day after the last one). The one definition used by
// the pages, the wizard's services and the submission. Pure.

export type RoundWindow = { windowOpensAt: Date; windowClosesAt: Date };

export function isWindowOpen(round: RoundWindow, now: Date): boolean {
  return now >= round.windowOpensAt && now < round.windowClosesAt;
}

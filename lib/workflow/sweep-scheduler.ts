import "server-only";
import { db } from "@/lib/db";
import { runDeadlineSweep } from "@/lib/workflow/sweep";

// Runs the deadline sweep (sweep.ts) every few minutes in the server process. One run at a
// time per process; several processes may run it at once (the sweep is idempotent and its
// changes are compare-and-set). A failed run is logged and retried at the next tick.
const EVERY_MS = 5 * 60 * 1000;
let started = false;

export function startDeadlineSweeper(): void {
  if (started) return;
  started = true;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const r = await runDeadlineSweep(db);
      if (r.notSubmitted + r.correctionsExpired + r.finalized + r.reminders > 0) console.log("[sweep]", JSON.stringify(r));
    } catch (e) {
      console.error("[sweep] failed:", (e as Error)?.message);
    } finally {
      running = false;
    }
  };
  setTimeout(tick, 10_000).unref();
  setInterval(tick, EVERY_MS).unref();
}

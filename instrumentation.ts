// Next.js calls register() once when a server process starts. It starts the deadline
// sweeper (DEADLINE_SWEEP=off disables it), the background job worker (JOB_WORKER=off)
// and the SMS outbox
// worker (lib/notify/worker.ts) in the Node.js runtime, unless SMS_WORKER=off (e.g. when a
// separate process sends SMS). Server code is imported inside register so that the edge
// runtime never loads it, and a failure here is logged instead of stopping the server.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // A production server refuses to serve without its secret and public https addresses, and
  // with the demo accounts in its database (unless it is the local demo, PISHKHAN_DEMO=1).
  if (process.env.NODE_ENV === "production") {
    const { refuseUnsafeProductionStart } = await import("@/lib/config/refuse-unsafe-start");
    await refuseUnsafeProductionStart();
  }
  // The deadline sweep (lib/workflow/sweep.ts): expiries and reminders, every 5 minutes.
  if (process.env.DEADLINE_SWEEP !== "off") {
    try {
      const { startDeadlineSweeper } = await import("@/lib/workflow/sweep-scheduler");
      startDeadlineSweeper();
    } catch (e) {
      console.error("[sweep] could not start:", (e as Error)?.message);
    }
  }
  // Background jobs (lib/jobs): registry imports, closing large rounds.
  if (process.env.JOB_WORKER !== "off") {
    try {
      const { startJobWorker } = await import("@/lib/jobs/worker");
      startJobWorker();
    } catch (e) {
      console.error("[jobs] worker could not start:", (e as Error)?.message);
    }
  }
  if (process.env.SMS_WORKER === "off") return;
  try {
    const { startOutboxWorker } = await import("@/lib/notify/worker");
    startOutboxWorker();
  } catch (e) {
    console.error("[sms] outbox worker could not start:", (e as Error)?.message);
  }
}

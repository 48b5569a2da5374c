import "server-only";
import { isLocalDemo, productionEnvProblems } from "@/lib/config/production-env.mjs";

// Run once when a production server process starts (instrumentation.ts), however it was
// launched (`npm start`, `next start`, a container's `node server.js`). A server that would
// serve with a guessable session secret, on plain http, or with the demo accounts and their
// published passwords in its database stops with a clear log line instead of serving.

async function demoAdminPresent(): Promise<boolean> {
  const [{ db }, { verifyPassword }, { DEMO_ACCOUNTS, DEMO_STAFF_PASSWORD }] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/auth/password"),
    import("@/prisma/demo-data"),
  ]);
  const admin = await db.user.findUnique({ where: { nationalId: DEMO_ACCOUNTS.admin.nationalId }, select: { passwordHash: true } });
  return !!admin && (await verifyPassword(admin.passwordHash, DEMO_STAFF_PASSWORD));
}

export async function refuseUnsafeProductionStart(): Promise<void> {
  if (isLocalDemo(process.env)) return;
  const problems = productionEnvProblems(process.env);
  try {
    if (await demoAdminPresent()) {
      problems.push(
        "the database holds the demo admin with its published password: this is the local demo's data. Use a database without demo data (npm run seed:demo loads it only when asked), or set PISHKHAN_DEMO=1 for a demo.",
      );
    }
  } catch (e) {
    // The database may be down at this instant; /api/ready reports that. The checks above still apply.
    console.error("[start] could not check the database for demo accounts:", (e as Error)?.message);
  }
  if (problems.length === 0) return;
  console.error(`[start] Refusing to serve in production:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exit(1);
}

// Run by tests/e2e/holder-phone.spec.ts in a child process (the services are server-only,
// loaded here with the react-server condition): takes a file to a final rank through the real
// services in the app's database and prints what the browser test needs.
import { createPrismaClient } from "@/lib/db-client";
import { finalFile } from "../helpers/final-file";

async function main() {
  const db = createPrismaClient(process.env.DATABASE_URL!, 2);
  const f = await finalFile(db);
  console.log(JSON.stringify({ nationalId: f.holder.nationalId, id: f.id, trackingCode: f.trackingCode }));
  await db.$disconnect();
}

void main();

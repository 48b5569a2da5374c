// `tsx prisma/seed.ts`: fills an empty database with the demo data; does nothing otherwise.
import { createPrismaClient } from "@/lib/db-client";
import { isDatabaseEmpty, seedDemoData } from "./demo-data";

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const db = createPrismaClient(url, 2);
  try {
    if (!(await isDatabaseEmpty(db))) {
      console.log("Database already has data: demo data not loaded.");
      return;
    }
    await seedDemoData(db);
    console.log("Demo data loaded (accounts in README.md).");
  } finally {
    await db.$disconnect();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

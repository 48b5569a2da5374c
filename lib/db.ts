import "server-only";
import { createPrismaClient, type Db } from "@/lib/db-client";

// One client per server process (and per hot reload in development).
const globalForDb = globalThis as unknown as { pishkhanDb?: Db };

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm run dev` or `npm start`.");
  return url;
}

export const db: Db = globalForDb.pishkhanDb ?? createPrismaClient(databaseUrl());
if (process.env.NODE_ENV !== "production") globalForDb.pishkhanDb = db;

export type { Tx } from "@/lib/db-client";

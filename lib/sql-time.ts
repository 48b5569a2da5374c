import { Prisma } from "@/lib/generated/prisma/client";

// Instants are stored in `timestamp(3) without time zone` columns holding UTC (Prisma's
// mapping of DateTime). Raw SQL that compares with them must speak the same: these are the
// only spellings of "now" and of a JavaScript Date in such SQL.

/** The database's clock as a UTC timestamp: every worker and web node compares with the same clock. */
export const UTC_NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

/** A JavaScript instant as a UTC timestamp, comparable with the columns. */
export const utcTimestamp = (d: Date) => Prisma.sql`(CAST(${d.toISOString()} AS timestamptz) AT TIME ZONE 'UTC')`;

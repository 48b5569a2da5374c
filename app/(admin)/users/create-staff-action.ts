"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { runParsedAction } from "@/lib/actions/run-action";
import { createStaffAccount } from "@/lib/admin/staff-users";

// Fields are validated by the service, each with its Persian message.
const input = z.record(z.string(), z.unknown());

/** The head office creates an expert or admin account with a temporary password (shown once). */
export async function createStaffAction(raw: unknown) {
  return runParsedAction(input, raw, (i, who) => createStaffAccount(db, who.actor, who.caller, i));
}

"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { runParsedAction } from "@/lib/actions/run-action";
import { changeStaffAccount } from "@/lib/admin/staff-users";

const input = z.object({ userId: z.string().min(1).max(64), action: z.enum(["deactivate", "activate", "reset_password", "unlock"]) });

/** Deactivate, reactivate, reset the password of, or unlock a staff account. */
export async function changeStaffAction(raw: unknown) {
  return runParsedAction(input, raw, (i, who) => changeStaffAccount(db, who.actor, who.caller, i));
}

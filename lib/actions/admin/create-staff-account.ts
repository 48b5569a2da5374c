"use server";

import { db } from "@/lib/db";
import { defineAction } from "@/lib/actions/define-action";
import { createStaffAccount, createStaffInput } from "@/lib/admin/staff-users";

/** The head office creates an expert or admin account with a temporary password (shown once). */
export const createStaffAction = defineAction(createStaffInput, (i, who) => createStaffAccount(db, who.actor, who.caller, i), {
  name: "admin.create-staff-account",
});

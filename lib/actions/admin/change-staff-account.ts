"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { defineAction } from "@/lib/actions/define-action";
import { changeStaffAccount, STAFF_ACCOUNT_ACTIONS } from "@/lib/admin/staff-users";
import { recordId } from "@/lib/validation/record-id";

/** Deactivate, reactivate, reset the password of, or unlock a staff account. */
export const changeStaffAction = defineAction(
  z.object({ userId: recordId, action: z.enum(STAFF_ACCOUNT_ACTIONS) }),
  (i, who) => changeStaffAccount(db, who.actor, who.caller, i),
  { name: "admin.change-staff-account" },
);

"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { defineAction } from "@/lib/actions/define-action";
import { resubmitDeclaration } from "@/lib/declaration/resubmit-declaration";
import { declarationTarget } from "@/lib/validation/record-id";

/** The holder sends the corrected file back to the region. */
export const resubmitAction = defineAction(
  declarationTarget.extend({ confirmed: z.boolean() }),
  (i, who) => resubmitDeclaration(db, who.actor, who.caller, i),
  { name: "declaration.resubmit-declaration" },
);

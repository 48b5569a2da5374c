"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { defineAction } from "@/lib/actions/define-action";
import { releaseDeclaration } from "@/lib/review/assignment";
import { recordId } from "@/lib/validation/record-id";

/** The assignee gives a file back to the region's pool. */
export const releaseAction = defineAction(
  z.object({ declarationId: recordId }),
  (i, who) => releaseDeclaration(db, who.actor, who.caller, i.declarationId),
  { name: "review.release-declaration" },
);

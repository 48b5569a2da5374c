"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { defineAction } from "@/lib/actions/define-action";
import { claimDeclaration } from "@/lib/review/assignment";
import { recordId } from "@/lib/validation/record-id";

/** An expert takes a file of the region (starting its review if it was waiting). */
export const claimAction = defineAction(
  z.object({ declarationId: recordId }),
  (i, who) => claimDeclaration(db, who.actor, who.caller, i.declarationId),
  { name: "review.claim-declaration" },
);

"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { runParsedAction } from "@/lib/actions/run-action";
import { saveRound } from "@/lib/admin/rounds";

// Fields are validated by the service, each with its Persian message.
const input = z.record(z.string(), z.unknown());

/** Creates a round, or edits one that is not closed. */
export async function saveRoundAction(raw: unknown) {
  return runParsedAction(input, raw, (i, who) => saveRound(db, who.actor, who.caller, i));
}

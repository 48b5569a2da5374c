import { z } from "zod";

/** The id of a row as the browser sends it back (a cuid): bounded, so a forged call cannot send megabytes. */
export const recordId = z.string().min(1).max(64);

/** The declaration and the version the browser's copy started from: part of every change of a file. */
export const declarationTarget = z.object({ declarationId: recordId, version: z.number().int().min(1) });
export type DeclarationTarget = z.output<typeof declarationTarget>;

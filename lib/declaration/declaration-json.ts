// The declaration's JSON columns as the code reads them: `data` (what the holder typed,
// step by step) and `stepStatus` (each step's stored status). Parsed once where a row is
// read (readDeclarationData, readStepStatus), so no service casts the column's JsonValue;
// a row that does not fit is a bug, refused loudly rather than read half. Written back
// through toJson, the one place a value becomes Prisma's input type.
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import type { StepValues } from "@/lib/declaration/forms/field-spec";
import type { StepStatusMap } from "@/lib/declaration/steps";

/** What the holder typed: step number ("2", "3" …) → that step's values. */
export type DeclarationData = Partial<Record<string, StepValues>>;

const stepValue = z.union([z.string(), z.boolean(), z.array(z.string())]).optional();
const declarationDataSchema = z.record(z.string(), z.record(z.string(), stepValue));
const stepStatusSchema = z.record(z.string(), z.enum(["NOT_STARTED", "IN_PROGRESS", "COMPLETE", "NOT_NEEDED"]));

export function readDeclarationData(json: unknown): DeclarationData {
  return declarationDataSchema.parse(json ?? {});
}

export function readStepStatus(json: unknown): StepStatusMap {
  return stepStatusSchema.parse(json ?? {});
}

/** Any value JSON can hold (undefined members are dropped when written). */
export type JsonInput = string | number | boolean | null | readonly JsonInput[] | { readonly [key: string]: JsonInput | undefined };

export function toJson(value: JsonInput): Prisma.InputJsonValue {
  return value as Prisma.InputJsonValue;
}

/** A JSON value for a nullable column: SQL NULL when there is none. */
export function toJsonOrDbNull(value: JsonInput | undefined): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return value === undefined || value === null ? Prisma.DbNull : toJson(value);
}

import "server-only";
import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/errors/app-error";

/**
 * For pages: what `load` finds, or the "not found" page when the service says NotFoundError
 * (no such record, or not the user's to see: the page cannot tell them apart either).
 */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
}

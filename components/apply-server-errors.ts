import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

// Puts a server action's field messages beside their fields (keeping what was typed) and
// returns the message for the whole form, if any.
export function applyServerErrors<T extends FieldValues>(
  result: { formError?: string; fieldErrors?: Record<string, string> },
  setError: UseFormSetError<T>,
): string | null {
  let first = true;
  for (const [name, message] of Object.entries(result.fieldErrors ?? {})) {
    if (name === "_form") continue;
    setError(name as Path<T>, { type: "server", message }, { shouldFocus: first });
    first = false;
  }
  return result.formError ?? result.fieldErrors?._form ?? null;
}

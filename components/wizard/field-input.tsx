"use client";

import { Controller, type Control, type FieldErrors, type UseFormRegister } from "react-hook-form";
import type { FieldSpec, StepValues, TextFieldSpec } from "@/lib/declaration/forms/field-spec";
import { FormField, describedBy } from "@/components/form-field";
import { JalaliDateInput } from "@/components/wizard/jalali-date-input";

type Props = {
  spec: FieldSpec;
  idPrefix: string;
  register: UseFormRegister<StepValues>;
  control: Control<StepValues>;
  errors: FieldErrors<StepValues>;
  disabled?: boolean;
};

/** Renders one field of a step's spec, with its label, hint and Persian error. */
export function FieldInput({ spec, idPrefix, register, control, errors, disabled }: Props) {
  const id = `${idPrefix}${spec.name}`;
  const error = errors[spec.name]?.message as string | undefined;
  const aria = { "aria-invalid": error ? true : undefined, "aria-describedby": describedBy(id, { hint: !!spec.hint }) } as const;
  const label = spec.optional ? `${spec.label} (اختیاری)` : spec.label;
  const text = "dir" in spec || "inputMode" in spec || "autoComplete" in spec ? (spec as TextFieldSpec) : null;

  if (spec.kind === "radio" || spec.kind === "checklist") {
    return (
      <fieldset className="space-y-1" aria-describedby={aria["aria-describedby"]} disabled={disabled}>
        <legend className="font-medium">{label}</legend>
        {spec.hint ? (
          <p id={`${id}-hint`} className="text-sm text-slate-700">
            {spec.hint}
          </p>
        ) : null}
        <div className={spec.kind === "checklist" ? "grid gap-2 sm:grid-cols-2" : "flex flex-wrap gap-4"}>
          {spec.options.map((o) => (
            // At least 44×44 px to tap on a phone (the label is the target, not only the small circle).
            <label key={o.value} className="flex min-h-11 min-w-11 cursor-pointer items-center gap-2 rounded-lg px-2">
              <input type={spec.kind === "radio" ? "radio" : "checkbox"} value={o.value} className="size-5" {...register(spec.name)} />
              {o.label}
            </label>
          ))}
        </div>
        <p id={`${id}-error`} className="field-error" role={error ? "alert" : undefined}>
          {error ?? ""}
        </p>
      </fieldset>
    );
  }

  if (spec.kind === "checkbox") {
    return (
      <div>
        <label className="flex items-center gap-2 font-medium">
          <input id={id} type="checkbox" className="size-5" disabled={disabled} {...aria} {...register(spec.name)} />
          {spec.label}
        </label>
        {spec.hint ? (
          <p id={`${id}-hint`} className="text-sm text-slate-700">
            {spec.hint}
          </p>
        ) : null}
        <p id={`${id}-error`} className="field-error" role={error ? "alert" : undefined}>
          {error ?? ""}
        </p>
      </div>
    );
  }

  return (
    <FormField id={id} label={label} hint={spec.hint} error={error}>
      {spec.kind === "date" ? (
        <Controller
          control={control}
          name={spec.name}
          render={({ field }) => (
            <JalaliDateInput
              id={id}
              label={spec.label}
              value={(field.value as string) ?? ""}
              onChange={field.onChange}
              onBlur={field.onBlur}
              invalid={!!error}
              describedBy={aria["aria-describedby"]}
            />
          )}
        />
      ) : spec.kind === "select" ? (
        <select id={id} className="input" disabled={disabled} {...aria} {...register(spec.name)}>
          <option value="">انتخاب کنید</option>
          {spec.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : spec.kind === "textarea" ? (
        <textarea id={id} className="input min-h-24" disabled={disabled} {...aria} {...register(spec.name)} />
      ) : (
        <input
          id={id}
          type={spec.kind === "email" ? "email" : spec.kind === "tel" ? "tel" : "text"}
          className="input"
          dir={text?.dir}
          inputMode={text?.inputMode ?? (spec.kind === "number" ? "numeric" : undefined)}
          autoComplete={text?.autoComplete ?? "off"}
          disabled={disabled}
          {...aria}
          {...register(spec.name)}
        />
      )}
    </FormField>
  );
}

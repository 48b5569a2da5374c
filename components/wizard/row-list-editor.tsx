"use client";

import { useState } from "react";
import { fieldErrorsOf } from "@/lib/errors/app-error";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import type { FieldSpec, StepValues } from "@/lib/declaration/forms/field-spec";
import { emptyValues } from "@/lib/declaration/forms/field-spec";
import { fields as staffFields, staffMember } from "@/lib/declaration/forms/step-7-staff";
import { boardMemberFields, boardMember } from "@/lib/declaration/forms/step-4-legal";
import { type ActionResult } from "@/lib/actions/result";
import { toPersianDigits } from "@/lib/format/digits";
import { FieldInput } from "@/components/wizard/field-input";
import { ErrorSummary, StaleBanner } from "@/components/wizard/save-status";
import { useDeclarationVersion } from "@/components/wizard/version-context";
import { addStaffMemberAction } from "@/lib/actions/declaration/add-staff-member";
import { updateStaffMemberAction } from "@/lib/actions/declaration/update-staff-member";
import { removeStaffMemberAction } from "@/lib/actions/declaration/remove-staff-member";
import { addBoardMemberAction } from "@/lib/actions/declaration/add-board-member";
import { updateBoardMemberAction } from "@/lib/actions/declaration/update-board-member";
import { removeBoardMemberAction } from "@/lib/actions/declaration/remove-board-member";

type Result = ActionResult<{ version: number }>;
type Kind = "staff" | "board";

type Target = { declarationId: string; version: number };
type RowValues = { values: StepValues };

// The form checks a row with the action's own schema (`schema`) before it sends it, so the
// values it sends are that schema's input.
const CONFIG: Record<
  Kind,
  {
    fields: readonly FieldSpec[];
    schema: z.ZodType;
    title: string;
    noun: string;
    add: (input: Target & RowValues) => Promise<Result>;
    update: (input: Target & RowValues & { rowId: string }) => Promise<Result>;
    remove: (input: Target & { rowId: string }) => Promise<Result>;
  }
> = {
  staff: {
    fields: staffFields,
    schema: staffMember,
    title: "فهرست کارکنان",
    noun: "نفر",
    add: (i) => addStaffMemberAction({ ...i, values: i.values as z.input<typeof staffMember> }),
    update: (i) => updateStaffMemberAction({ ...i, values: i.values as z.input<typeof staffMember> }),
    remove: removeStaffMemberAction,
  },
  board: {
    fields: boardMemberFields,
    schema: boardMember,
    title: "اعضای هیئت مدیره",
    noun: "عضو",
    add: (i) => addBoardMemberAction({ ...i, values: i.values as z.input<typeof boardMember> }),
    update: (i) => updateBoardMemberAction({ ...i, values: i.values as z.input<typeof boardMember> }),
    remove: removeBoardMemberAction,
  },
};

export type Row = { id: string; values: StepValues; cells: string[] };

/** A list of people (staff of step 7, board members of step 4): add, edit, remove. */
export function RowListEditor({
  kind,
  declarationId,
  rows,
  headers,
  readOnly,
}: {
  kind: Kind;
  declarationId: string;
  rows: Row[];
  headers: string[];
  readOnly?: boolean;
}) {
  const cfg = CONFIG[kind];
  const router = useRouter();
  const version = useDeclarationVersion();
  const idPrefix = `${kind}-`;
  const [editing, setEditing] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ message: string | null; errors: Record<string, string>; stale?: boolean }>({
    message: null,
    errors: {},
  });
  const { register, control, handleSubmit, reset, setError, clearErrors, formState } = useForm<StepValues>({
    defaultValues: emptyValues(cfg.fields),
  });
  const labels = Object.fromEntries(cfg.fields.map((f) => [f.name, f.label]));

  const handle = (result: Result, afterOk: () => void) => {
    if (result.ok) {
      version.set(result.data.version);
      setProblem({ message: null, errors: {} });
      afterOk();
      router.refresh();
      return;
    }
    const errors = result.fieldErrors ?? {};
    clearErrors();
    for (const [n, m] of Object.entries(errors)) if (n in labels) setError(n, { type: "server", message: m });
    setProblem({ message: result.formError ?? null, errors, stale: result.code === "STALE" });
  };

  const submit = handleSubmit(async (values) => {
    const local = cfg.schema.safeParse(values);
    if (!local.success) {
      const errors = fieldErrorsOf(local.error);
      clearErrors();
      for (const [n, m] of Object.entries(errors)) setError(n, { type: "validate", message: m });
      setProblem({ message: "موارد زیر را اصلاح کنید.", errors });
      requestAnimationFrame(() => document.getElementById(`${idPrefix}error-summary`)?.focus());
      return;
    }
    const payload = { declarationId, version: version.get(), values };
    const result = editing ? await cfg.update({ ...payload, rowId: editing }) : await cfg.add(payload);
    handle(result, () => {
      setEditing(null);
      reset(emptyValues(cfg.fields));
    });
  });

  const remove = async (row: Row) => {
    if (!window.confirm(`${row.cells[0]} از فهرست حذف شود؟`)) return;
    handle(await cfg.remove({ declarationId, version: version.get(), rowId: row.id }), () => undefined);
  };

  return (
    <section className="space-y-4" aria-labelledby={`${idPrefix}title`}>
      <h2 id={`${idPrefix}title`} className="text-lg font-bold">
        {cfg.title} ({toPersianDigits(rows.length)} {cfg.noun})
      </h2>
      {problem.stale ? <StaleBanner message={problem.message ?? ""} /> : null}
      {rows.length > 0 ? (
        <div className="relative overflow-x-auto">
          <table className="w-full min-w-[32rem] border-collapse bg-white text-start text-sm">
            <thead>
              <tr className="border-b">
                {headers.map((h) => (
                  <th key={h} scope="col" className="p-2 text-start">
                    {h}
                  </th>
                ))}
                {readOnly ? null : (
                  <th scope="col" className="p-2 text-start">
                    عملیات
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-b">
                  {row.cells.map((c, i) => (
                    <td key={i} className="p-2">
                      {c}
                    </td>
                  ))}
                  {readOnly ? null : (
                    <td className="flex gap-2 p-2">
                      <button
                        type="button"
                        className="text-brand-700 underline"
                        onClick={() => {
                          setEditing(row.id);
                          reset({ ...emptyValues(cfg.fields), ...row.values });
                          document.getElementById(`${idPrefix}${cfg.fields[0]!.name}`)?.focus();
                        }}
                      >
                        ویرایش<span className="sr-only"> {row.cells[0]}</span>
                      </button>
                      <button type="button" className="text-red-800 underline" onClick={() => remove(row)}>
                        حذف<span className="sr-only"> {row.cells[0]}</span>
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="text-slate-700">هنوز کسی به فهرست اضافه نشده است.</p>
      )}
      {readOnly ? null : (
        <form onSubmit={submit} noValidate className="card space-y-4" aria-labelledby={`${idPrefix}form-title`}>
          <h3 id={`${idPrefix}form-title`} className="font-bold">
            {editing ? `ویرایش ${cfg.noun}` : `افزودن ${cfg.noun} تازه`}
          </h3>
          {problem.stale ? null : <ErrorSummary errors={problem.errors} idPrefix={idPrefix} labels={labels} message={problem.message} />}
          {cfg.fields.map((spec) => (
            <FieldInput key={spec.name} spec={spec} idPrefix={idPrefix} register={register} control={control} errors={formState.errors} />
          ))}
          <div className="flex flex-wrap gap-3">
            <button type="submit" className="btn" disabled={formState.isSubmitting}>
              {editing ? "ذخیره تغییرات" : "افزودن به فهرست"}
            </button>
            {editing ? (
              <button
                type="button"
                className="btn-secondary"
                onClick={() => {
                  setEditing(null);
                  reset(emptyValues(cfg.fields));
                }}
              >
                انصراف
              </button>
            ) : null}
          </div>
        </form>
      )}
    </section>
  );
}

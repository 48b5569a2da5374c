// The report of an import job (stored as the job's result, shown on /registry): counts per
// outcome and per changed field, the row errors (all of them up to a cap, for the page and
// the error CSV) and a sample of what is (or would be) created and updated. Pure.
import { COLUMN_TITLE, type ColumnKey } from "./columns";
import { csvText } from "@/lib/export/csv";
import { CHANGE_FIELDS, type ChangeField, type FieldChange, type RowPlan } from "./plan";
import type { RowError } from "./rows";

export type ImportMode = "dry-run" | "apply";

export type ChangeSample = { line: number; officeCode: string; kind: "create" | "update"; officeName?: string; changes: FieldChange[] };

export type ImportReport = {
  mode: ImportMode;
  fileName: string;
  sha256: string;
  /** Data rows in the file (blank lines not counted). */
  rows: number;
  /** Rows refused (each with at least one error). */
  invalidRows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Holders that are (or would be) created with the default password. */
  holdersCreated: number;
  licencesCreated: number;
  /** How many rows change each field. */
  fieldCounts: Partial<Record<ChangeField, number>>;
  errors: RowError[];
  /** All errors, even when `errors` was cut at MAX_STORED_ERRORS. */
  errorCount: number;
  samples: ChangeSample[];
  ignoredColumns: string[];
  durationMs: number;
};

const MAX_STORED_ERRORS = 5_000;
const MAX_SAMPLES = 200;

export class ReportBuilder {
  private readonly r: ImportReport;
  private readonly badLines = new Set<number>();

  constructor(init: { mode: ImportMode; fileName: string; sha256: string; rows: number; ignoredColumns: string[] }) {
    this.r = {
      ...init,
      invalidRows: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      holdersCreated: 0,
      licencesCreated: 0,
      fieldCounts: {},
      errors: [],
      errorCount: 0,
      samples: [],
      durationMs: 0,
    };
  }

  addErrors(errors: readonly RowError[]): void {
    for (const e of errors) {
      this.badLines.add(e.line);
      this.r.errors.push(e);
    }
  }

  isBad(line: number): boolean {
    return this.badLines.has(line);
  }

  addPlan(plan: RowPlan, officeName?: string): void {
    if (plan.kind === "error") return this.addErrors(plan.errors);
    if (plan.kind === "unchanged") {
      this.r.unchanged += 1;
      return;
    }
    if (plan.kind === "create") this.r.created += 1;
    else this.r.updated += 1;
    if (plan.holder.op === "create") this.r.holdersCreated += 1;
    if (plan.licence.op === "create") this.r.licencesCreated += 1;
    for (const c of plan.changes) this.r.fieldCounts[c.field] = (this.r.fieldCounts[c.field] ?? 0) + 1;
    if (this.r.samples.length < MAX_SAMPLES) {
      this.r.samples.push({
        line: plan.line,
        officeCode: plan.officeCode,
        kind: plan.kind,
        ...(plan.kind === "create" && officeName ? { officeName } : {}),
        changes: plan.changes,
      });
    }
  }

  finish(durationMs: number): ImportReport {
    const order = (c: ColumnKey | null) => (c === null ? -1 : Object.keys(COLUMN_TITLE).indexOf(c));
    this.r.errors.sort((a, b) => a.line - b.line || order(a.column) - order(b.column));
    this.r.errorCount = this.r.errors.length;
    if (this.r.errors.length > MAX_STORED_ERRORS) this.r.errors = this.r.errors.slice(0, MAX_STORED_ERRORS);
    this.r.invalidRows = this.badLines.size;
    this.r.durationMs = Math.round(durationMs);
    return this.r;
  }
}

/** Persian title of a changed field (its column's). */
export const changeFieldTitle = (f: ChangeField) => (f === "licence.new" ? "پروانه تازه" : COLUMN_TITLE[CHANGE_FIELDS[f]]);

/** The errors as a CSV the admin can fix the file from (row, column key and title, message). */
export function errorsCsv(report: Pick<ImportReport, "errors">): string {
  const rows = [
    ["row", "column", "column_title", "message"],
    ...report.errors.map((e) => [String(e.line), e.column ?? "", e.column ? COLUMN_TITLE[e.column] : "", e.message]),
  ];
  return csvText(rows);
}

import "server-only";
import type { Db } from "@/lib/db-client";
import { contentDisposition } from "@/lib/http/content-disposition";
import { csvEncoder } from "./csv";
import { xlsxEncoder } from "./xlsx";
import { EXPORT_PAGE_SIZE, resultPages, type ExportPlan } from "./round-results";

// The export as a byte stream that reads the next page of rows only when the previous bytes
// have been taken (a pull source with room for one chunk): a slow download holds one page,
// not the round; a cancelled download stops reading.

export type ExportFormat = "csv" | "xlsx";

export const EXPORT_CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export function exportStream(db: Db, plan: ExportPlan, format: ExportFormat, pageSize = EXPORT_PAGE_SIZE): ReadableStream<Uint8Array> {
  const headers = plan.columns.map((c) => c.header);
  const encoder = format === "csv" ? csvEncoder(headers) : xlsxEncoder(plan.columns, plan.round.title);
  const pages = resultPages(db, plan, pageSize);
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.start());
          return;
        }
        const next = await pages.next();
        if (next.done) {
          const last = encoder.finish();
          if (last.length > 0) controller.enqueue(last);
          controller.close();
          return;
        }
        controller.enqueue(encoder.rows(next.value));
      },
      async cancel() {
        await pages.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}

/**
 * The download's name: the round's title (and the region's), without characters a file
 * system refuses, as RFC 6266/5987 want it — an ASCII `filename` for old clients and the
 * Persian one in `filename*`.
 */
export function exportContentDisposition(plan: ExportPlan, format: ExportFormat): string {
  const persian = `نتایج ${plan.round.title}${plan.regionName ? ` منطقه ${plan.regionName}` : ""}`
    .replace(/[\u0000-\u001f\u007f"*/:<>?\\|]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 120);
  const ascii = `round-${plan.round.id.replace(/[^A-Za-z0-9_-]/g, "")}${plan.regionId ? `-region-${plan.regionId}` : ""}.${format}`;
  return contentDisposition("attachment", ascii, `${persian}.${format}`);
}

/**
 * A guess of the XLSX's size for the download's progress bar (its rows are compressed, so the
 * bytes received cannot be counted as rows): bench/export-round.ts measured ~78 bytes a row
 * with the sample rule set's 22 columns; the guess is a little high (84), because the page
 * caps the bar below 100 % until the download ends: a high guess ends the bar with a small
 * jump, a low one would leave it waiting at 99 %.
 */
export function estimatedXlsxBytes(plan: ExportPlan): number {
  return 4000 + plan.total * (60 + 2 * Math.max(0, plan.columns.length - 10));
}

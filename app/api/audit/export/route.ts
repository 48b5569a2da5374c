// GET (the audit page's filters): the matching audit events as CSV, newest first, streamed
// page by page (at most 100,000 rows). Head office only; anyone else "not found". The export
// itself is audited.
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { clientIp, userAgent } from "@/lib/auth/request-context";
import { auditQueryOf, auditRowsForExport } from "@/lib/admin/search-audit";
import { assertPermission } from "@/lib/authz/permissions";
import { csvEncoder } from "@/lib/export/csv";
import { auditActionLabel } from "@/lib/format/audit-labels";
import { formatJalaliDateTime } from "@/lib/format/jalali";
import { routeHandler } from "@/lib/http/error-response";
import { routeCaller } from "@/lib/http/route-access";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const HEADERS = [
  "id",
  "time_tehran",
  "actor_national_id",
  "actor_name",
  "actor_role",
  "action",
  "action_title",
  "target_type",
  "target_id",
  "before",
  "after",
  "ip",
  "user_agent",
];

export const GET = routeHandler(
  "audit-export",
  async (request) => {
    const caller = await routeCaller();
    assertPermission(caller, "audit:view:any");
    const q = auditQueryOf(Object.fromEntries(new URL(request.url).searchParams));
    await db.$transaction((tx) =>
      recordAudit(
        tx,
        { userId: caller.id, role: caller.role, ip: clientIp(request.headers), userAgent: userAgent(request.headers) },
        { action: "audit.exported", targetType: "AuditEvent", after: { ...q } },
      ),
    );
    const csv = csvEncoder(HEADERS);
    const pages = auditRowsForExport(db, caller, q);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(csv.start());
      },
      async pull(controller) {
        const next = await pages.next();
        if (next.done) return controller.close();
        controller.enqueue(
          csv.rows(
            next.value.map((r) => [
              String(r.id),
              formatJalaliDateTime(r.createdAt),
              r.actor?.nationalId ?? null,
              r.actor ? `${r.actor.firstName} ${r.actor.lastName}` : null,
              r.actorRole,
              r.action,
              auditActionLabel(r.action),
              r.targetType,
              r.targetId,
              r.before === null ? null : JSON.stringify(r.before),
              r.after === null ? null : JSON.stringify(r.after),
              r.ip,
              r.userAgent,
            ]),
          ),
        );
      },
      async cancel() {
        await pages.return(undefined);
      },
    });
    return new Response(body, {
      status: 200,
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="audit.csv"',
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
  { notFound: "این صفحه یافت نشد یا به آن دسترسی ندارید." },
);

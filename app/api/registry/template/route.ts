// GET: the template of a licence-registry file — UTF-8 with BOM (Excel opens it as Persian
// text), the header of English column keys and one example row. Only the head office;
// anyone else: 404.
import { NotFoundError } from "@/lib/errors/app-error";
import { routeHandler } from "@/lib/http/error-response";
import { routeCaller } from "@/lib/http/route-access";
import { REGISTRY_COLUMNS } from "@/lib/registry/columns";
import { csvText } from "@/lib/export/csv";
import { mayImportRegistry } from "@/lib/registry/start-import";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const NOT_FOUND_MESSAGE = "این صفحه یافت نشد یا به آن دسترسی ندارید.";

export const GET = routeHandler(
  "registry-template",
  async () => {
    if (!mayImportRegistry(await routeCaller())) throw new NotFoundError("registry");
    const csv = csvText([REGISTRY_COLUMNS.map((c) => c.key), REGISTRY_COLUMNS.map((c) => c.example)]);
    return new Response(new TextEncoder().encode(csv), {
      status: 200,
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="registry-template.csv"',
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
  { notFound: NOT_FOUND_MESSAGE },
);

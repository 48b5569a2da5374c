// GET: the template of a licence-registry file — UTF-8 with BOM (Excel opens it as Persian
// text), the header of English column keys and one example row. Only the head office;
// anyone else: 404.
import { NextResponse } from "next/server";
import { getActingUser } from "@/lib/auth/current-user";
import { SESSION_EXPIRED_MESSAGE } from "@/lib/actions/result";
import { REGISTRY_COLUMNS } from "@/lib/registry/columns";
import { csvText } from "@/lib/export/csv";
import { mayImportRegistry } from "@/lib/registry/start-import";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };
const NOT_FOUND_MESSAGE = "این صفحه یافت نشد یا به آن دسترسی ندارید.";

export async function GET() {
  const user = await getActingUser();
  if (!user || user.mustChangePassword) return NextResponse.json({ error: SESSION_EXPIRED_MESSAGE }, { status: 401, headers: NO_STORE });
  if (!mayImportRegistry(user)) return NextResponse.json({ error: NOT_FOUND_MESSAGE }, { status: 404, headers: NO_STORE });
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
}

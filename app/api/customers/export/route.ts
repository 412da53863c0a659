import { getCurrentActor } from "@/server/auth/session";
import { exportCustomersCsv } from "@/server/customers/export-customers";
import { exportQueryObject, ZExportQuery } from "@/server/customers/directory.schemas";
import { getDb } from "@/server/db/client";
import { AppError, HTTP_STATUS } from "@/server/lib/errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/customers/export?q=&tag=&vip=&delayed=&from=&to=&sort= — the directory's current filter as CSV (streamed). */
export async function GET(req: Request): Promise<Response> {
  const actor = await getCurrentActor();
  if (!actor) return Response.json({ error: "Sign in to continue." }, { status: 401 });
  const parsed = ZExportQuery.safeParse(exportQueryObject(new URL(req.url).searchParams));
  if (!parsed.success) return Response.json({ error: "Invalid filter", issues: parsed.error.issues }, { status: 400 });
  try {
    const body = await exportCustomersCsv(getDb(), actor, parsed.data);
    const day = new Date().toISOString().slice(0, 10);
    return new Response(body, {
      status: 200,
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="customers-${day}.csv"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (err) {
    if (err instanceof AppError) return Response.json({ error: err.message }, { status: HTTP_STATUS[err.code] });
    throw err;
  }
}

import { getCurrentActor } from "@/server/auth/session";
import { importErrorsResponse } from "@/server/commerce/import-downloads";
import { getDb } from "@/server/db/client";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Every error of a previewed import as CSV (line, column, problem). */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await ctx.params;
  return importErrorsResponse(getDb(), await getCurrentActor(), id);
}

import { getDb } from "@/server/db/client";
import { handleOrdersApi } from "@/server/commerce/orders-api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(req: Request, ctx: { params: Promise<{ integrationId: string }> }): Promise<Response> {
  const { integrationId } = await ctx.params;
  return handleOrdersApi(getDb(), integrationId, req);
}

import { getDb } from "@/server/db/client";
import { handleShopifyWebhook } from "@/server/commerce/shopify/webhook";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(req: Request, ctx: { params: Promise<{ integrationId: string }> }): Promise<Response> {
  const { integrationId } = await ctx.params;
  return handleShopifyWebhook(getDb(), integrationId, req);
}

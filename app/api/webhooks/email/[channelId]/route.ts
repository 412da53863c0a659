import { getDb } from "@/server/db/client";
import { handleEmailWebhook } from "@/server/channels/email/webhook";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(req: Request, ctx: { params: Promise<{ channelId: string }> }): Promise<Response> {
  const { channelId } = await ctx.params;
  return handleEmailWebhook(getDb(), channelId, req);
}

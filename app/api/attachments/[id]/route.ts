import { getCurrentActor } from "@/server/auth/session";
import { attachmentHeaders, getAttachment } from "@/server/attachments/get-attachment";
import { getDb } from "@/server/db/client";
import { AppError, HTTP_STATUS } from "@/server/lib/errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const actor = await getCurrentActor();
  if (!actor) return Response.json({ error: "Sign in to continue." }, { status: 401 });
  const { id } = await ctx.params;
  try {
    const a = await getAttachment(getDb(), actor, id);
    return new Response(new Uint8Array(a.content), { status: 200, headers: attachmentHeaders(a, a.content.length) });
  } catch (err) {
    if (err instanceof AppError) return Response.json({ error: err.message }, { status: HTTP_STATUS[err.code] });
    throw err;
  }
}

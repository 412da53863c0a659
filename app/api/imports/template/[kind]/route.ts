import { getCurrentActor } from "@/server/auth/session";
import { importTemplateResponse } from "@/server/commerce/import-downloads";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The template CSV of one import kind: every documented column and an example row. */
export async function GET(_req: Request, ctx: { params: Promise<{ kind: string }> }): Promise<Response> {
  const { kind } = await ctx.params;
  return importTemplateResponse(await getCurrentActor(), kind);
}

import { getCurrentActor } from "@/server/auth/session";
import { handleImportUpload } from "@/server/commerce/import-upload";
import { getDb } from "@/server/db/client";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Upload a CSV (the raw file as the body) → its preview as an ImportJob (PREVIEWED). */
export async function POST(req: Request): Promise<Response> {
  return handleImportUpload(getDb(), await getCurrentActor(), req);
}

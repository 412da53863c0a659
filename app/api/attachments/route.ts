import { getCurrentActor } from "@/server/auth/session";
import { uploadLimits } from "@/server/attachments/limits";
import { handleUploadRequest } from "@/server/attachments/upload-request";
import { getDb } from "@/server/db/client";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST: a file for the composer (raw body, name in X-Filename) → 201 { id, filename, contentType, size }. */
export async function POST(req: Request): Promise<Response> {
  return handleUploadRequest(getDb(), await getCurrentActor(), req);
}

/** GET: the limits the composer checks before uploading (the server enforces them either way). */
export async function GET(): Promise<Response> {
  if (!(await getCurrentActor())) return Response.json({ error: "Sign in to continue." }, { status: 401 });
  return Response.json(uploadLimits(), { headers: { "Cache-Control": "private, max-age=300" } });
}

import { RateLimiterMemory } from "rate-limiter-flexible";
import { z } from "zod";
import { can, type Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { attachmentMaxBytes } from "../lib/attachment-store";
import { AppError, HTTP_STATUS } from "../lib/errors";
import { createUpload } from "./create-upload";
import { formatLimit } from "./limits";
import { TooLarge, readBody } from "../lib/request-body";

/**
 * POST /api/attachments: the raw file as the body (so the browser can report progress and we can stop reading at the
 * limit without parsing multipart), its name percent-encoded in `X-Filename`. That custom header also keeps other
 * sites out: a cross-site form cannot set it, and a cross-site fetch that does is stopped by the CORS preflight.
 */
export const FILENAME_HEADER = "x-filename";

const json = (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });

const ZFilename = z
  .string()
  .min(1, "Name the file in the X-Filename header")
  .max(2048)
  .transform((v, ctx) => {
    try {
      return decodeURIComponent(v);
    } catch {
      ctx.addIssue({ code: "custom", message: "X-Filename must be percent-encoded UTF-8" });
      return z.NEVER;
    }
  });

// per member and instance, one limiter per configured rate (kept on globalThis: Next bundles routes separately)
const g = globalThis as unknown as { __switchboardUploadLimiters?: Map<number, RateLimiterMemory> };
function limiter(): RateLimiterMemory {
  const points = Number(process.env.UPLOAD_RATE_PER_MINUTE) || 60;
  g.__switchboardUploadLimiters ??= new Map();
  let l = g.__switchboardUploadLimiters.get(points);
  if (!l) g.__switchboardUploadLimiters.set(points, (l = new RateLimiterMemory({ points, duration: 60 })));
  return l;
}

/** The whole upload endpoint (the route handler only resolves the session): auth, permission, rate, size, store. */
export async function handleUploadRequest(db: Db, actor: Actor | null, req: Request): Promise<Response> {
  if (!actor) return json(401, { error: "Sign in to continue." });
  if (!can(actor, "conversations.reply")) return json(403, { error: "Your role cannot attach files" });
  try {
    await limiter().consume(actor.userId);
  } catch {
    return json(429, { error: "Too many uploads. Wait a minute and try again." }, { "Retry-After": "60" });
  }
  const filename = ZFilename.safeParse(req.headers.get(FILENAME_HEADER) ?? "");
  if (!filename.success) return json(400, { error: filename.error.issues[0]?.message ?? "Invalid file name" });
  const max = attachmentMaxBytes();
  let content: Buffer;
  try {
    content = await readBody(req, max);
  } catch (err) {
    if (err instanceof TooLarge) return json(413, { error: `Too large: files can be at most ${formatLimit(max)}`, maxBytes: max });
    throw err;
  }
  try {
    const upload = await createUpload(db, actor, {
      filename: filename.data,
      declaredType: req.headers.get("content-type"),
      content,
    });
    return json(201, upload);
  } catch (err) {
    if (err instanceof AppError) return json(HTTP_STATUS[err.code], { error: err.message });
    throw err;
  }
}

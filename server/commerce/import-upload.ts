// POST /api/imports as a function of (actor, Request), so the route stays thin and tests call it without a server.
import { RateLimiterMemory } from "rate-limiter-flexible";
import type { Db } from "../db/client";
import { can, type Actor } from "../auth/actor";
import { AppError, HTTP_STATUS } from "../lib/errors";
import { importMaxBytes } from "./import-files";
import { previewImport } from "./import-preview";
import { ZImportKindParam } from "./import.schemas";

const json = (status: number, body: unknown) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

const g = globalThis as unknown as { __switchboardImportLimiter?: RateLimiterMemory };
function limiter(): RateLimiterMemory {
  g.__switchboardImportLimiter ??= new RateLimiterMemory({ points: Number(process.env.IMPORT_UPLOADS_PER_10_MIN) || 30, duration: 600 });
  return g.__switchboardImportLimiter;
}

/**
 * The body is the file itself (Content-Type text/csv), not multipart: it streams to disk as it arrives, so a 100 MB
 * upload never sits in memory. `?kind=auto|customers|orders|fulfillments`, `X-Filename` (URI-encoded) names it.
 */
export async function handleImportUpload(db: Db, actor: Actor | null, req: Request): Promise<Response> {
  if (!actor) return json(401, { error: "Sign in to continue." });
  if (!can(actor, "commerce.import")) return json(403, { error: `Your role (${actor.role.toLowerCase()}) cannot import data.` });
  const declared = req.headers.get("content-length");
  const length = declared === null ? null : Number(declared);
  const max = importMaxBytes();
  if (length !== null && Number.isFinite(length) && length > max) {
    return json(413, { error: `The file is larger than ${Math.round(max / 1024 / 1024)} MB. Split it into smaller files.` });
  }
  try {
    await limiter().consume(actor.userId);
  } catch {
    return json(429, { error: "Too many uploads in a short time. Try again in a few minutes." });
  }
  const kind = ZImportKindParam.safeParse(new URL(req.url).searchParams.get("kind") ?? "auto");
  if (!kind.success) return json(400, { error: "kind must be auto, customers, orders or fulfillments" });
  let filename = "import.csv";
  try {
    filename = decodeURIComponent(req.headers.get("x-filename") ?? filename);
  } catch {
    // keep the default
  }
  const type = req.headers.get("content-type");
  if (type && !/csv|text\/plain|tab-separated|vnd\.ms-excel|octet-stream/i.test(type)) {
    return json(415, { error: `Upload a CSV file (got ${type.split(";")[0]}).` });
  }
  try {
    const job = await previewImport(db, actor, {
      body: req.body,
      filename,
      contentType: type,
      contentLength: length !== null && Number.isFinite(length) ? length : null,
      kind: kind.data,
    });
    return json(201, { id: job.id, kind: job.kind, status: job.status, totalRows: job.totalRows, errorCount: job.errorCount });
  } catch (err) {
    if (err instanceof AppError) return json(HTTP_STATUS[err.code], { error: err.message });
    throw err;
  }
}

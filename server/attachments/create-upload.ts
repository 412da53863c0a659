import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { attachmentStore, sniffContentType } from "../lib/attachment-store";
import { AppError } from "../lib/errors";

/** What the composer gets back for a finished upload (and sends back as an attachmentId). */
export type UploadDto = { id: string; filename: string; contentType: string; size: number };

/**
 * The name we keep and later mail: no directories (browsers may send a path), no control characters (they would end
 * up in MIME headers and in Content-Disposition), at most 255 characters, never empty.
 */
export function cleanFilename(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const name = base.replace(/[\u0000-\u001f\u007f-\u009f]/g, "").trim();
  return (name === "." || name === ".." ? "" : name).slice(0, 255) || "attachment";
}

/**
 * A file from the composer: bytes into the store, a pending Upload row owned by this member. Only sending a message
 * claims it (see claim-uploads.ts); an unclaimed one is purged after a day.
 */
export async function createUpload(
  db: Db,
  actor: Actor,
  input: { filename: string; declaredType: string | null; content: Buffer },
): Promise<UploadDto> {
  if (input.content.length === 0) throw new AppError("BAD_REQUEST", "The file is empty");
  const store = attachmentStore();
  const stored = await store.put(input.content);
  const row = await db.upload.create({
    data: {
      workspaceId: actor.workspaceId,
      userId: actor.userId,
      filename: cleanFilename(input.filename),
      // the browser's type is a hint at most: magic bytes decide, active types (HTML, SVG…) never survive
      contentType: sniffContentType(input.content, input.declaredType),
      size: stored.size,
      storageKey: stored.key,
      sha256: stored.sha256,
    },
    select: { id: true, filename: true, contentType: true, size: true },
  });
  // once more now that a row references the key: if the purge removed these (identical) bytes between our first put
  // and the insert, they are written again; otherwise this is a cheap existence check
  await store.put(input.content);
  return row;
}

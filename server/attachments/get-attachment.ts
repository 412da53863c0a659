import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { conversationScope } from "../inbox/inbox.repository";
import { attachmentStore, INLINE_SAFE } from "../lib/attachment-store";
import { AppError } from "../lib/errors";

export type AttachmentDownload = { filename: string; contentType: string; inline: boolean; content: Buffer };

/** An attachment the actor may read: authorisation is in the where (a foreign one is simply NOT_FOUND). */
export async function getAttachment(db: Db, actor: Actor, id: string): Promise<AttachmentDownload> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError("NOT_FOUND", "Attachment not found");
  const row = await db.attachment.findFirst({
    where: { id, workspaceId: actor.workspaceId, message: { deletedAt: null, conversation: conversationScope(actor) } },
    select: { filename: true, contentType: true, storageKey: true },
  });
  if (!row) throw new AppError("NOT_FOUND", "Attachment not found");
  const content = await attachmentStore().get(row.storageKey);
  if (!content) throw new AppError("NOT_FOUND", "The attachment's content is missing");
  return { filename: row.filename, contentType: row.contentType, inline: INLINE_SAFE.has(row.contentType), content };
}

/** Response headers for a download: never rendered as a page, never sniffed, no scripts even if it were. */
export function attachmentHeaders(a: Pick<AttachmentDownload, "filename" | "contentType" | "inline">, size: number): Headers {
  const ascii = a.filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Headers({
    "Content-Type": a.inline ? a.contentType : a.contentType === "application/pdf" ? a.contentType : "application/octet-stream",
    "Content-Length": String(size),
    "Content-Disposition": `${a.inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(a.filename)}`,
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'none'; sandbox",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "private, max-age=3600",
  });
}

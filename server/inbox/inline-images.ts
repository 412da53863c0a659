import type { Db } from "../db/client";
import { attachmentStore, INLINE_SAFE } from "../lib/attachment-store";

/**
 * Inline (cid:) images of an email point at /api/attachments/<id> after ingest. The email is shown in a sandboxed
 * iframe (opaque origin: no session cookie, and its CSP allows no fetch at all), so such a URL could never load there.
 * When a thread page is read, small inline images of the same message become data: URLs instead — one query for the
 * whole page, bytes read from the attachment store. Anything else (too big, not a safe raster type, another message's
 * attachment) keeps its URL and simply stays blocked.
 */
export const INLINE_IMAGE_MAX_BYTES = 1024 * 1024;
/** all data: images of one page together, so a thread of huge newsletters does not make a giant response */
export const INLINE_PAGE_MAX_BYTES = 8 * 1024 * 1024;

const ATTACHMENT_SRC = /(\ssrc=")\/api\/attachments\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(")/gi;

type WithHtml = { id: string; html: string | null; meta: unknown };

function quotedHtmlOf(meta: unknown): string | null {
  if (!meta || typeof meta !== "object" || Array.isArray(meta)) return null;
  const q = (meta as { quotedHtml?: unknown }).quotedHtml;
  return typeof q === "string" ? q : null;
}

function referencedIds(html: string | null): string[] {
  if (!html) return [];
  return [...html.matchAll(ATTACHMENT_SRC)].map((m) => m[2]!.toLowerCase());
}

export async function inlineEmailImages<T extends WithHtml>(db: Db, workspaceId: string, messages: T[]): Promise<T[]> {
  const wanted = new Map<string, string[]>(); // messageId → attachment ids its HTML references
  for (const m of messages) {
    const ids = [...referencedIds(m.html), ...referencedIds(quotedHtmlOf(m.meta))];
    if (ids.length) wanted.set(m.id, ids);
  }
  if (wanted.size === 0) return messages;
  const rows = await db.attachment.findMany({
    where: {
      workspaceId,
      messageId: { in: [...wanted.keys()] },
      id: { in: [...new Set([...wanted.values()].flat())] },
      contentType: { in: [...INLINE_SAFE] },
      size: { lte: INLINE_IMAGE_MAX_BYTES },
    },
    select: { id: true, messageId: true, contentType: true, size: true, storageKey: true },
  });
  let budget = INLINE_PAGE_MAX_BYTES;
  const chosen = rows.filter((r) => {
    // only an attachment of the very message that references it
    if (!wanted.get(r.messageId)?.includes(r.id) || r.size > budget) return false;
    budget -= r.size;
    return true;
  });
  const store = attachmentStore();
  const dataUrls = new Map<string, string>();
  await Promise.all(
    chosen.map(async (r) => {
      const content = await store.get(r.storageKey);
      if (content && content.length <= INLINE_IMAGE_MAX_BYTES) {
        dataUrls.set(`${r.messageId}/${r.id}`, `data:${r.contentType};base64,${content.toString("base64")}`);
      }
    }),
  );
  if (dataUrls.size === 0) return messages;
  const rewrite = (messageId: string, html: string) =>
    html.replace(ATTACHMENT_SRC, (whole, pre: string, id: string, post: string) => {
      const url = dataUrls.get(`${messageId}/${id.toLowerCase()}`);
      return url ? `${pre}${url}${post}` : whole;
    });
  return messages.map((m) => {
    if (!wanted.has(m.id)) return m;
    const quoted = quotedHtmlOf(m.meta);
    return {
      ...m,
      html: m.html ? rewrite(m.id, m.html) : m.html,
      meta: quoted ? { ...(m.meta as Record<string, unknown>), quotedHtml: rewrite(m.id, quoted) } : m.meta,
    };
  });
}

import { uuid7 } from "../../lib/uuid7";
import { attachmentMaxBytes, attachmentMessageMaxBytes, attachmentStore, sniffContentType } from "../../lib/attachment-store";
import { sanitizeAndSplitEmailHtml } from "../../lib/sanitize-html";
import { splitQuotedEmail } from "./quoted";
import type { ParsedEmail } from "./types";

export type StoredAttachment = {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  storageKey: string;
  sha256: string;
  contentId: string | null;
  inline: boolean;
};

export type PreparedContent = {
  text: string;
  html: string | null;
  quoted: string | null;
  quotedHtml: string | null;
  remoteImages: number;
  attachments: StoredAttachment[];
  skippedAttachments: { filename: string | null; size: number; reason: string }[];
};

export const attachmentUrl = (id: string) => `/api/attachments/${id}`;

const htmlToText = (html: string) =>
  html
    .replace(/<(style|script)\b[\s\S]*?<\/\1>/gi, "")
    .replace(/<br\s*\/?>|<\/(p|div|li|tr|h\d)>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\n{3,}/g, "\n\n")
    .trim();

/**
 * Attachments to the store (content-addressed: storing twice is harmless, so this runs before the transaction), HTML
 * sanitised with cid: images pointing at them, quoted history split off text and HTML.
 */
export async function prepareContent(email: ParsedEmail): Promise<PreparedContent> {
  const perFile = attachmentMaxBytes();
  let budget = attachmentMessageMaxBytes();
  const attachments: StoredAttachment[] = [];
  const skippedAttachments: PreparedContent["skippedAttachments"] = [];
  for (const a of email.attachments) {
    const size = a.content.length;
    if (size > perFile || size > budget) {
      skippedAttachments.push({ filename: a.filename, size, reason: size > perFile ? "file too large" : "message attachments too large" });
      continue;
    }
    budget -= size;
    const stored = await attachmentStore().put(a.content);
    const contentType = sniffContentType(a.content, a.contentType);
    attachments.push({
      id: uuid7(),
      filename: (a.filename ?? (a.contentId ? `inline-${a.contentId}` : "attachment")).slice(0, 255),
      contentType,
      size,
      storageKey: stored.key,
      sha256: stored.sha256,
      contentId: a.contentId,
      inline: a.inline && contentType.startsWith("image/"),
    });
  }
  const byCid = new Map(attachments.filter((a) => a.contentId).map((a) => [a.contentId?.toLowerCase(), a]));
  let html: string | null = null;
  let quotedHtml: string | null = null;
  let remoteImages = 0;
  if (email.html?.trim()) {
    // one jsdom parse for both: the quoted history is split off the sanitised tree
    const clean = sanitizeAndSplitEmailHtml(email.html, {
      cidUrl: (cid) => {
        const a = byCid.get(cid.toLowerCase());
        return a && a.contentType.startsWith("image/") ? attachmentUrl(a.id) : null;
      },
    });
    remoteImages = clean.remoteImages;
    html = clean.body;
    quotedHtml = clean.quoted;
  }
  const rawText = email.text?.trim() ? email.text : html ? htmlToText(html) : "";
  const { body, quoted } = splitQuotedEmail(rawText);
  return { text: body.trimEnd(), html, quoted, quotedHtml, remoteImages, attachments, skippedAttachments };
}

/**
 * Pure pieces of an outbound email: subject, threading headers, text/HTML bodies with the signature.
 * Kept free of I/O so the exact header values are unit-tested (mail clients thread on them byte for byte).
 */

/** References grows with every reply; clients only need the root and the recent tail (RFC 5322 §3.6.4). */
export const MAX_REFERENCES = 20;

const MSG_ID = /^[^\s<>@]+@[^\s<>@]+$/;

/** A Message-ID without brackets; null for values that are not one (e.g. ids the pipeline derived). */
export function bareMessageId(id: string | null | undefined): string | null {
  const bare = id?.trim().replace(/^<|>$/g, "") ?? "";
  return MSG_ID.test(bare) ? bare : null;
}

/** "Re: <subject>" once, however many Re:/RE:/Aw: the thread already carries. */
export function replySubject(subject: string | null | undefined): string {
  const base = (subject ?? "").replace(/^\s*((re|aw|sv|antw)\s*(\[\d+\])?\s*:\s*)+/i, "").trim();
  return base ? `Re: ${base}` : "Re: your message";
}

/**
 * In-Reply-To answers the customer's newest message (else our own last one); References lists the thread,
 * oldest first, capped to the root plus the newest ids, and always ends with the In-Reply-To id.
 */
export function threadingHeaders(thread: string[], latestInbound: string | null): { inReplyTo: string | null; references: string[] } {
  const ids: string[] = [];
  for (const raw of thread) {
    const id = bareMessageId(raw);
    if (id && !ids.includes(id)) ids.push(id);
  }
  const inReplyTo = bareMessageId(latestInbound) ?? ids.at(-1) ?? null;
  if (inReplyTo && ids.at(-1) !== inReplyTo) {
    const at = ids.indexOf(inReplyTo);
    if (at >= 0) ids.splice(at, 1);
    ids.push(inReplyTo);
  }
  const capped = ids.length > MAX_REFERENCES ? [ids[0] as string, ...ids.slice(ids.length - (MAX_REFERENCES - 1))] : ids;
  return { inReplyTo, references: capped };
}

/** The channel signature with the sending agent's name filled in ({{agent.name}}, {{agent.first_name}}). */
export function renderSignature(signature: string | null | undefined, agentName: string | null): string | null {
  const text = signature?.replace(/\r\n/g, "\n").trim();
  if (!text) return null;
  const name = agentName?.trim() ?? "";
  return text
    .replace(/\{\{\s*agent\.name\s*\}\}/g, name)
    .replace(/\{\{\s*agent\.first_name\s*\}\}/g, name.split(/\s+/)[0] ?? "")
    .trim();
}

/** Plain text with the signature after the conventional "-- " separator (RFC 3676 §4.3). */
export function textBody(text: string, signature: string | null): string {
  const body = text.replace(/\r\n/g, "\n").trimEnd();
  return signature ? `${body}\n\n-- \n${signature}\n` : `${body}\n`;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

const URL_RE = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;

/** Escaped text with http(s) links made clickable (the URL is escaped like the rest). */
function linkify(line: string): string {
  let out = "";
  let last = 0;
  for (const m of line.matchAll(URL_RE)) {
    const at = m.index;
    out += escapeHtml(line.slice(last, at));
    const url = escapeHtml(m[0]);
    out += `<a href="${url}">${url}</a>`;
    last = at + m[0].length;
  }
  return out + escapeHtml(line.slice(last));
}

const paragraphs = (text: string) =>
  text
    .replace(/\r\n/g, "\n")
    .trim()
    .split(/\n{2,}/)
    .map((p) => `<p style="margin:0 0 1em">${p.split("\n").map(linkify).join("<br>")}</p>`)
    .join("\n");

/** A simple HTML alternative of the text: paragraphs, line breaks, links; the signature in grey below. */
export function htmlBody(text: string, signature: string | null): string {
  const sig = signature ? `\n<div style="color:#6b7280;margin-top:1.5em">${paragraphs(signature)}</div>` : "";
  return `<!doctype html>\n<html><body style="font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;font-size:14px;line-height:1.5">\n${paragraphs(text)}${sig}\n</body></html>\n`;
}

/** The domain of an address (what our Message-IDs end with). */
export function addressDomain(address: string): string {
  const at = address.lastIndexOf("@");
  return at >= 0 ? address.slice(at + 1).toLowerCase() : address.toLowerCase();
}

/**
 * Where an answer to an inbound email goes, from what the pipeline stored in its meta: the Reply-To when it had one
 * (RFC 5322 §3.6.2), else the sender. Null when neither is usable (the customer's identity is used then).
 */
export function replyTargetFromMeta(meta: unknown): string | null {
  if (!meta || typeof meta !== "object") return null;
  const m = meta as Record<string, unknown>;
  return firstAddress(m.replyTo) ?? firstAddress(m.from);
}

function firstAddress(value: unknown): string | null {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  const address = typeof first === "string" ? first : first && typeof first === "object" ? (first as { address?: unknown }).address : null;
  return typeof address === "string" && /^[^\s@<>]+@[^\s@<>]+$/.test(address.trim()) ? address.trim() : null;
}

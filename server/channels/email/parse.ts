import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import type { EmailAddress, ParsedAttachment, ParsedEmail } from "./types";

/**
 * Raw MIME → ParsedEmail. Never throws on a weird message: mailparser does the MIME work, and we repair what real mail
 * gets wrong (UTF-7 bodies mailparser refuses, 8-bit text without or with a bogus charset, invalid References, DSNs).
 * Every string that leaves here is well-formed UTF-16 without NULs, so it is valid UTF-8 in PostgreSQL.
 */
export async function parseMime(raw: Buffer): Promise<ParsedEmail> {
  let mail = await parseOrNull(raw);
  // 8-bit text sent without a charset (or with one nobody knows) decodes to U+FFFD; Windows-1252 is the usual truth
  if (mail && replacementCount(mail) > 0) {
    const retry = await parseOrNull(relabelCharsets(raw));
    if (retry && replacementCount(retry) < replacementCount(mail)) mail = retry;
  }
  if (!mail) return fallback(raw);
  return toParsedEmail(mail, raw);
}

async function parseOrNull(raw: Buffer): Promise<ParsedMail | null> {
  try {
    return await simpleParser(raw, {
      skipImageLinks: true,
      skipTextLinks: true,
      keepDeliveryStatus: true,
      maxHtmlLengthToParse: 2_000_000,
    });
  } catch {
    return null;
  }
}

const replacementCount = (m: ParsedMail) => ((m.text ?? "") + (typeof m.html === "string" ? m.html : "")).split("\uFFFD").length - 1;

/** Clean for PostgreSQL: no NUL, no lone surrogates. */
export function clean(s: string): string {
  // lone surrogates (broken UTF-16 from odd decoders) cannot be encoded as UTF-8
  return s.replace(/\u0000/g, "").replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}
const cleanOrNull = (s: string | null | undefined) => (s == null ? null : clean(s));

const KNOWN_CHARSET = (label: string) => {
  try {
    new TextDecoder(label);
    return !/^(us-)?ascii$|^utf-?8$/i.test(label);
  } catch {
    return false;
  }
};

/** Rewrites missing, ASCII/UTF-8 or unknown charsets of text parts to windows-1252 (a retry when the first parse lost bytes). */
function relabelCharsets(raw: Buffer): Buffer {
  let s = raw.toString("latin1");
  s = s.replace(/(charset\s*=\s*)("?)([^";\s]+)\2/gi, (m: string, pre: string, _q: string, label: string) =>
    KNOWN_CHARSET(label) ? m : `${pre}"windows-1252"`,
  );
  const headerEnd = s.search(/\r?\n\r?\n/);
  const head = headerEnd < 0 ? s : s.slice(0, headerEnd);
  if (!/^content-type:/im.test(head)) s = `Content-Type: text/plain; charset="windows-1252"\r\n${s}`;
  return Buffer.from(s, "latin1");
}

/** RFC 2152 UTF-7 (mailparser refuses it on purpose; we decode text, and HTML is sanitised afterwards anyway). */
export function decodeUtf7(s: string): string {
  return s.replace(/\+([A-Za-z0-9+/]*)-?/g, (match, b64: string) => {
    if (!b64) return match === "+-" ? "+" : match;
    const bytes = Buffer.from(b64, "base64");
    let out = "";
    for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
    return out;
  });
}

const MSGID = /<([^<>\s]+@[^<>\s]+)>/g;
/** Message-ids from a header value, without brackets; invalid entries (no `<local@domain>` shape) are dropped. */
export function messageIds(value: string | string[] | undefined | null): string[] {
  const joined = Array.isArray(value) ? value.join(" ") : (value ?? "");
  const ids = [...joined.matchAll(MSGID)].map((m) => clean(m[1] ?? "")).filter(Boolean);
  if (!ids.length && /^[^<>\s]+@[^<>\s]+$/.test(joined.trim())) ids.push(joined.trim());
  return [...new Set(ids)];
}

function addresses(value: AddressObject | AddressObject[] | undefined): EmailAddress[] {
  const list = (Array.isArray(value) ? value : value ? [value] : []).flatMap((a) => a.value);
  const flat = list.flatMap((a) => (a.group ? a.group : [a]));
  return flat.flatMap((a) =>
    a.address && a.address.includes("@")
      ? [{ address: clean(a.address.trim()), ...(a.name?.trim() ? { name: clean(a.name.trim()) } : {}) }]
      : [],
  );
}

function headerMap(mail: ParsedMail): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const { key, line } of mail.headerLines ?? []) {
    const k = key.toLowerCase();
    const colon = line.indexOf(":");
    const value = clean(
      line
        .slice(colon + 1)
        .replace(/\r?\n[ \t]+/g, " ")
        .trim(),
    );
    const prev = out[k];
    out[k] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

const first = (h: string | string[] | undefined) => (Array.isArray(h) ? h[0] : h);

function report(mail: ParsedMail, headers: Record<string, string | string[]>): ParsedEmail["report"] {
  const contentType = first(headers["content-type"]) ?? "";
  const status = mail.attachments.find((a) => a.contentType.toLowerCase() === "message/delivery-status");
  if (!status && !/multipart\/report/i.test(contentType)) return undefined;
  if (!status && !/report-type\s*=\s*"?delivery-status/i.test(contentType)) return undefined;
  const fields = (status?.content.toString("utf8") ?? "").replace(/\r?\n[ \t]+/g, " ");
  const field = (name: string) => new RegExp(`^${name}:\\s*(.+)$`, "im").exec(fields)?.[1]?.trim() ?? null;
  const original = mail.attachments
    .filter((a) => /^(message\/rfc822|text\/rfc822-headers|message\/rfc822-headers)$/i.test(a.contentType))
    .map((a) => /^message-id:\s*(<[^>\r\n]+>)/im.exec(a.content.toString("utf8"))?.[1])
    .find(Boolean);
  const originalId = (original ? messageIds(original)[0] : undefined) ?? messageIds(mail.inReplyTo)[0] ?? null;
  const recipient = field("Final-Recipient") ?? field("Original-Recipient");
  return {
    originalMessageId: originalId,
    status: cleanOrNull(field("Status")),
    diagnostic: cleanOrNull(field("Diagnostic-Code")),
    recipient: recipient ? clean(recipient.replace(/^[a-z0-9-]+;\s*/i, "")) : null,
  };
}

function toParsedEmail(mail: ParsedMail, raw: Buffer): ParsedEmail {
  const headers = headerMap(mail);
  const rawHead = raw.toString("latin1");
  const utf7Body = /charset\s*=\s*"?utf-7\b/i.test(rawHead);
  const utf7Subject = /^subject:.*=\?utf-7\?/im.test(rawHead);
  let text = mail.text ?? null;
  let html = typeof mail.html === "string" ? mail.html : null;
  if (utf7Body) {
    text = text === null ? null : decodeUtf7(text);
    html = html === null ? null : decodeUtf7(html);
  }
  let subject = mail.subject == null ? null : utf7Subject ? decodeUtf7(mail.subject) : mail.subject;
  if (subject?.includes("\uFFFD")) subject = rawHeader8bit(raw, "subject") ?? subject;
  const attachments: ParsedAttachment[] = mail.attachments
    .filter((a) => a.contentType.toLowerCase() !== "message/delivery-status")
    .map((a) => {
      const contentId = a.contentId ? a.contentId.replace(/^<|>$/g, "").trim() || null : null;
      return {
        filename: cleanOrNull(a.filename ?? null),
        contentType: (a.contentType || "application/octet-stream").toLowerCase(),
        contentId: contentId ? clean(contentId) : null,
        inline: Boolean(contentId && (a.related || a.contentDisposition === "inline") && a.contentType.startsWith("image/")),
        content: a.content,
      };
    });
  const dsn = report(mail, headers);
  const date = mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : null;
  return {
    messageId: messageIds(mail.messageId)[0] ?? null,
    inReplyTo: messageIds(headers["in-reply-to"]),
    references: messageIds(headers["references"]),
    from: addresses(mail.from)[0] ?? null,
    replyTo: addresses(mail.replyTo),
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    subject: cleanOrNull(subject),
    date,
    text: cleanOrNull(text),
    html: cleanOrNull(html),
    attachments,
    headers,
    ...(dsn ? { report: dsn } : {}),
  };
}

/** A header sent as raw 8-bit bytes that are not UTF-8: read as Windows-1252 (what such senders meant). */
function rawHeader8bit(raw: Buffer, name: string): string | null {
  const end = raw.indexOf("\r\n\r\n") >= 0 ? raw.indexOf("\r\n\r\n") : raw.indexOf("\n\n");
  const head = raw.subarray(0, end < 0 ? raw.length : end);
  const m = new RegExp(`^${name}:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)`, "im").exec(head.toString("latin1"));
  if (!m?.[1] || /=\?[^?]+\?[bq]\?/i.test(m[1])) return null;
  return clean(new TextDecoder("windows-1252").decode(Buffer.from(m[1].replace(/\r?\n[ \t]+/g, " ").trim(), "latin1")));
}

/** mailparser gave up: keep what a human could read (headers we can find, the body as text). */
function fallback(raw: Buffer): ParsedEmail {
  const s = raw.toString("utf8");
  const split = s.search(/\r?\n\r?\n/);
  const head = split < 0 ? s : s.slice(0, split);
  const body = split < 0 ? "" : s.slice(split).trim();
  const h = (name: string) =>
    new RegExp(`^${name}:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)`, "im")
      .exec(head)?.[1]
      ?.replace(/\r?\n[ \t]+/g, " ")
      .trim();
  const from = h("from");
  const fromAddr = from ? /<?([^<>\s]+@[^<>\s]+)>?/.exec(from)?.[1] : undefined;
  return {
    messageId: messageIds(h("message-id"))[0] ?? null,
    inReplyTo: messageIds(h("in-reply-to")),
    references: messageIds(h("references")),
    from: fromAddr ? { address: clean(fromAddr) } : null,
    replyTo: [],
    to: [],
    cc: [],
    subject: cleanOrNull(h("subject")),
    date: null,
    text: clean(body),
    html: null,
    attachments: [],
    headers: {},
  };
}

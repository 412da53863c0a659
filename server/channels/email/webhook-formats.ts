import { z } from "zod";
import { messageIds, parseMime, clean } from "./parse";
import type { EmailAddress, ParsedAttachment, ParsedEmail } from "./types";

/**
 * Inbound webhook bodies of the providers we accept, each turned into a ParsedEmail (raw MIME whenever the provider
 * can send it: that is the most faithful). Provider code stays in this folder.
 */
export class WebhookFormatError extends Error {}

export type WebhookEmail = { email: ParsedEmail; raw?: Buffer; recipients: string[] };

const ZPostmarkAddress = z.object({ Email: z.string(), Name: z.string().optional().nullable() });
export const ZPostmarkInbound = z.object({
  From: z.string().optional(),
  FromFull: ZPostmarkAddress.optional(),
  ToFull: z.array(ZPostmarkAddress).default([]),
  CcFull: z.array(ZPostmarkAddress).default([]),
  OriginalRecipient: z.string().optional(),
  ReplyTo: z.string().optional().nullable(),
  Subject: z.string().optional().nullable(),
  MessageID: z.string().optional(),
  Date: z.string().optional(),
  TextBody: z.string().optional().nullable(),
  HtmlBody: z.string().optional().nullable(),
  Headers: z.array(z.object({ Name: z.string(), Value: z.string() })).default([]),
  Attachments: z
    .array(
      z.object({
        Name: z.string().nullable().optional(),
        Content: z.string(),
        ContentType: z.string(),
        ContentID: z.string().nullable().optional(),
      }),
    )
    .default([]),
  RawEmail: z.string().optional(),
});

const addressList = (value: string | null | undefined): EmailAddress[] =>
  (value ?? "")
    .split(",")
    .map((part) => {
      const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(part) ?? null;
      const address = (m ? m[2] : part)?.trim() ?? "";
      const name = m?.[1]?.trim();
      return address.includes("@") ? { address: clean(address), ...(name ? { name: clean(name) } : {}) } : null;
    })
    .filter((a): a is EmailAddress => a !== null);

function headerRecord(pairs: [string, string][]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of pairs) {
    const key = k.toLowerCase();
    const prev = out[key];
    out[key] = prev === undefined ? clean(v) : Array.isArray(prev) ? [...prev, clean(v)] : [prev, clean(v)];
  }
  return out;
}

function fromFields(f: {
  headers: Record<string, string | string[]>;
  from: EmailAddress | null;
  to: EmailAddress[];
  cc: EmailAddress[];
  replyTo: EmailAddress[];
  subject: string | null | undefined;
  text: string | null | undefined;
  html: string | null | undefined;
  date: string | null | undefined;
  attachments: ParsedAttachment[];
  messageId?: string | null;
}): ParsedEmail {
  const h = (name: string) => f.headers[name];
  const date = f.date ? new Date(f.date) : null;
  return {
    messageId: messageIds(h("message-id"))[0] ?? f.messageId ?? null,
    inReplyTo: messageIds(h("in-reply-to")),
    references: messageIds(h("references")),
    from: f.from,
    replyTo: f.replyTo,
    to: f.to,
    cc: f.cc,
    subject: f.subject ? clean(f.subject) : null,
    date: date && !Number.isNaN(date.getTime()) ? date : null,
    text: f.text ? clean(f.text) : null,
    html: f.html ? clean(f.html) : null,
    attachments: f.attachments,
    headers: f.headers,
  };
}

export async function postmarkEmail(json: unknown): Promise<WebhookEmail> {
  const parsed = ZPostmarkInbound.safeParse(json);
  if (!parsed.success) throw new WebhookFormatError(`Not a Postmark inbound message: ${z.prettifyError(parsed.error)}`);
  const p = parsed.data;
  const recipients = [p.OriginalRecipient, ...p.ToFull.map((a) => a.Email), ...p.CcFull.map((a) => a.Email)].filter(
    (a): a is string => !!a,
  );
  if (p.RawEmail) {
    const raw = Buffer.from(p.RawEmail, "utf8");
    return { email: await parseMime(raw), raw, recipients };
  }
  const addr = (a: z.infer<typeof ZPostmarkAddress>): EmailAddress => ({ address: a.Email, ...(a.Name ? { name: a.Name } : {}) });
  const email = fromFields({
    headers: headerRecord(p.Headers.map((x) => [x.Name, x.Value])),
    from: p.FromFull ? addr(p.FromFull) : (addressList(p.From)[0] ?? null),
    to: p.ToFull.map(addr),
    cc: p.CcFull.map(addr),
    replyTo: addressList(p.ReplyTo),
    subject: p.Subject,
    text: p.TextBody,
    html: p.HtmlBody,
    date: p.Date,
    attachments: p.Attachments.map((a) => {
      const contentId = a.ContentID ? a.ContentID.replace(/^<|>$/g, "").replace(/^cid:/i, "") || null : null;
      return {
        filename: a.Name ?? null,
        contentType: a.ContentType,
        contentId,
        inline: !!contentId,
        content: Buffer.from(a.Content, "base64"),
      };
    }),
    messageId: p.MessageID ? `${p.MessageID}@postmark.invalid` : null,
  });
  return { email, recipients };
}

const str = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : null;
};

async function files(form: FormData, contentIds: Map<string, string>): Promise<ParsedAttachment[]> {
  const out: ParsedAttachment[] = [];
  for (const [key, value] of form.entries()) {
    if (typeof value === "string" || !/^attachment/i.test(key)) continue;
    const contentId = contentIds.get(key) ?? null;
    out.push({
      filename: value.name || null,
      contentType: value.type || "application/octet-stream",
      contentId,
      inline: !!contentId && value.type.startsWith("image/"),
      content: Buffer.from(await value.arrayBuffer()),
    });
  }
  return out;
}

const jsonOr = <T>(text: string | null, fallback: T): T => {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new WebhookFormatError("A JSON form field could not be parsed");
  }
};

/** Mailgun routes: `body-mime` (forward to a /mime URL, or "store and notify" raw), else the parsed fields. */
export async function mailgunEmail(form: FormData): Promise<WebhookEmail> {
  const recipients = (str(form, "recipient") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const mime = str(form, "body-mime");
  if (mime) {
    const raw = Buffer.from(mime, "utf8");
    return { email: await parseMime(raw), raw, recipients };
  }
  if (!str(form, "from") && !str(form, "sender")) throw new WebhookFormatError("A Mailgun message needs body-mime or from/sender fields");
  const headers = headerRecord(jsonOr<[string, string][]>(str(form, "message-headers"), []));
  const cidMap = jsonOr<Record<string, string>>(str(form, "content-id-map"), {});
  const byField = new Map(Object.entries(cidMap).map(([cid, field]) => [field, cid.replace(/^<|>$/g, "")]));
  const email = fromFields({
    headers,
    from: addressList(str(form, "from") ?? str(form, "sender"))[0] ?? null,
    to: addressList(str(form, "To") ?? str(form, "to") ?? str(form, "recipient")),
    cc: addressList(str(form, "Cc") ?? str(form, "cc")),
    replyTo: addressList(str(form, "Reply-To")),
    subject: str(form, "subject"),
    text: str(form, "body-plain"),
    html: str(form, "body-html"),
    date: str(form, "Date"),
    attachments: await files(form, byField),
    messageId: messageIds(str(form, "Message-Id"))[0] ?? null,
  });
  return { email, recipients };
}

/** SendGrid Inbound Parse: `email` holds the raw MIME when "POST the raw, full MIME message" is on; else parsed fields. */
export async function sendgridEmail(form: FormData): Promise<WebhookEmail> {
  const envelope = jsonOr<{ to?: string[] }>(str(form, "envelope"), {});
  const recipients = envelope.to ?? [];
  const mime = str(form, "email");
  if (mime) {
    const raw = Buffer.from(mime, "utf8");
    return { email: await parseMime(raw), raw, recipients };
  }
  if (!str(form, "from")) throw new WebhookFormatError("A SendGrid message needs the email (raw MIME) or from field");
  const rawHeaders = (str(form, "headers") ?? "").replace(/\r?\n[ \t]+/g, " ");
  const pairs = rawHeaders
    .split(/\r?\n/)
    .map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1).trim()] as [string, string])
    .filter(([k]) => k);
  const info = jsonOr<Record<string, { "content-id"?: string }>>(str(form, "attachment-info"), {});
  const cids = new Map(
    Object.entries(info).flatMap(([field, v]) => (v["content-id"] ? [[field, v["content-id"].replace(/^<|>$/g, "")]] : [])),
  );
  const email = fromFields({
    headers: headerRecord(pairs),
    from: addressList(str(form, "from"))[0] ?? null,
    to: addressList(str(form, "to")),
    cc: addressList(str(form, "cc")),
    replyTo: addressList(pairs.find(([k]) => k.toLowerCase() === "reply-to")?.[1]),
    subject: str(form, "subject"),
    text: str(form, "text"),
    html: str(form, "html"),
    date: pairs.find(([k]) => k.toLowerCase() === "date")?.[1],
    attachments: await files(form, cids),
  });
  return { email, recipients };
}

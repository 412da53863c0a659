import { z } from "zod";
import type Mail from "nodemailer/lib/mailer";
import { attachmentStore } from "../../lib/attachment-store";
import { openJson } from "../../lib/crypto";
import { SendError, type ChannelAdapter, type OutboundAttachment, type OutboundMessage, type RawChannelConfig } from "../types";
import {
  addressDomain,
  htmlBody,
  renderSignature,
  replySubject,
  replyTargetFromMeta,
  textBody,
  threadingHeaders,
  bareMessageId,
} from "./compose";
import { outboundMessageId, replyAddress } from "./message-id";
import { toSendError, transportFor, type SmtpConfig } from "./smtp-transport";

/** Channel.configEncrypted of an EMAIL channel (sealed with sealJson). Inbound settings live beside `smtp`. */
const ZSmtp = z.object({
  host: z.string().min(1),
  port: z.coerce.number().int().min(1).max(65_535),
  secure: z.boolean().default(false),
  user: z.string().optional(),
  password: z.string().optional(),
  requireTLS: z.boolean().optional(),
});
const ZSecrets = z.looseObject({ smtp: ZSmtp.optional() });
/** Channel.settings (not secret). */
const ZSettings = z.looseObject({ displayName: z.string().optional(), signature: z.string().optional() });

export type EmailChannelConfig = {
  channelId: string;
  address: string;
  displayName: string | null;
  signature: string | null;
  smtp: SmtpConfig | null;
};

export function parseEmailConfig(raw: unknown): EmailChannelConfig {
  const r = raw as RawChannelConfig;
  if (!r.address) throw new SendError("The email channel has no address", true);
  let secrets: z.infer<typeof ZSecrets> = {};
  if (r.encrypted) {
    try {
      secrets = ZSecrets.parse(openJson<unknown>(r.encrypted));
    } catch (err) {
      throw new SendError(`The channel's SMTP settings cannot be read: ${err instanceof Error ? err.message : String(err)}`, true);
    }
  }
  const settings = ZSettings.safeParse(r.settings ?? {});
  return {
    channelId: r.id,
    address: r.address,
    displayName: (settings.success && settings.data.displayName?.trim()) || null,
    signature: (settings.success && settings.data.signature) || null,
    smtp: secrets.smtp ?? null,
  };
}

/** The complete message as nodemailer takes it (exported for tests of the header values). */
export async function buildMail(m: OutboundMessage, config: EmailChannelConfig): Promise<Mail.Options & { messageId: string }> {
  const domain = addressDomain(config.address);
  const messageId = outboundMessageId({ conversationId: m.conversationId, messageId: m.messageId, domain });
  const inbound = m.latestInbound ?? null;
  const { inReplyTo, references } = threadingHeaders(m.thread, inbound?.externalId ?? null);
  const signature = m.automatic ? null : renderSignature(config.signature, m.authorName);
  const attachments = await Promise.all((m.attachments ?? []).map((a) => attachmentPart(a)));
  // a fresh outbound email (nothing to answer yet) keeps its subject as written
  const subject = inReplyTo ? replySubject(m.subject) : (m.subject ?? "").trim() || "(no subject)";
  return {
    messageId,
    from: { name: config.displayName ?? "", address: config.address },
    replyTo: replyAddress(config.address, m.conversationId),
    to: replyTargetFromMeta(inbound?.meta) ?? m.to,
    subject,
    text: textBody(m.text, signature),
    html: m.html ? m.html : htmlBody(m.text, signature),
    ...(inReplyTo ? { inReplyTo: `<${inReplyTo}>`, references: references.map((id) => `<${id}>`) } : {}),
    headers: m.automatic ? { "Auto-Submitted": "auto-replied" } : {},
    attachments,
  };
}

async function attachmentPart(a: OutboundAttachment): Promise<Mail.Attachment> {
  let content: Buffer | null;
  try {
    content = await attachmentStore().get(a.storageKey);
  } catch (err) {
    // the store is unreachable (disk, S3): worth another try later
    throw new SendError(`Attachment ${a.filename} could not be read: ${err instanceof Error ? err.message : String(err)}`, false);
  }
  if (!content) throw new SendError(`Attachment ${a.filename} is missing from the attachment store`, true);
  return { filename: a.filename, contentType: a.contentType, content, ...(a.inline && a.contentId ? { cid: a.contentId } : {}) };
}

export const emailAdapter: ChannelAdapter<EmailChannelConfig> = {
  kind: "EMAIL",
  parseConfig: parseEmailConfig,
  async send(message, config) {
    if (!config.smtp) throw new SendError("The email channel has no outgoing (SMTP) server configured", true);
    const mail = await buildMail(message, config);
    const transport = transportFor(config.channelId, config.smtp, addressDomain(config.address));
    try {
      await transport.sendMail(mail);
    } catch (err) {
      throw toSendError(err);
    }
    // stored as Message.externalId: the customer's reply (In-Reply-To) and a bounce (DSN) find the message by it
    return { externalId: bareMessageId(mail.messageId) ?? mail.messageId };
  },
};

import type { ChannelKind } from "../db/generated/enums";

/** The raw webhook request as received (raw body bytes for signature checks). */
export type RawWebhookRequest = { method: string; url: string; headers: Headers; body: Buffer };

export type WebhookVerdict =
  | { ok: true }
  | { ok: false; status: 401 | 403; reason: string }
  /** a provider handshake (e.g. Meta's hub.challenge) answered directly */
  | { ok: "handshake"; response: Response };

/** One normalised inbound occurrence from a provider payload. */
export type InboundEvent =
  | {
      type: "message";
      externalId: string;
      from: { address: string; name?: string };
      text: string;
      html?: string;
      sentAt: Date;
      threadKey?: string;
      replyTo?: string[];
      meta?: Record<string, unknown>;
    }
  | { type: "status"; externalId: string; status: "SENT" | "DELIVERED" | "READ" | "FAILED"; error?: string; at: Date }
  | { type: "edit"; externalId: string; text: string; at: Date }
  | { type: "delete"; externalId: string; at: Date };

export type OutboundMessage = {
  messageId: string;
  conversationId: string;
  text: string;
  html?: string | null;
  /** the customer's address on this channel (email, phone, PSID, chat id…) */
  to: string;
  subject?: string | null;
  /** provider ids of earlier messages in the thread, oldest first (email threading) */
  thread: string[];
  authorName: string | null;
  /** sent by automation (auto-reply, bot, campaign), not typed by an agent: email marks it Auto-Submitted */
  automatic?: boolean;
  /** the customer's newest message in the conversation: threading, and channel specifics in its meta (e.g. Reply-To) */
  latestInbound?: { externalId: string | null; meta: unknown } | null;
  /** files attached to this message (keys in the attachment store) */
  attachments?: OutboundAttachment[];
};

export type OutboundAttachment = {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  storageKey: string;
  contentId: string | null;
  inline: boolean;
};

/** What parseConfig receives: the channel row's identity, its sealed secrets and its non-secret settings. */
export type RawChannelConfig = { id: string; address: string | null; encrypted: string | null; settings: unknown };

/** A temporary failure is retried with backoff; a permanent one fails the message at once. */
export class SendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = "SendError";
  }
}

export interface ChannelAdapter<Config = unknown> {
  kind: ChannelKind;
  parseConfig(raw: unknown): Config;
  verifyWebhook?(req: RawWebhookRequest, config: Config): WebhookVerdict;
  parseInbound?(payload: unknown, config: Config): InboundEvent[];
  send(message: OutboundMessage, config: Config): Promise<{ externalId: string }>;
}

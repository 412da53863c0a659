/**
 * The contract between the email transports (SMTP listener, IMAP poller, webhooks) and the one email ingest
 * pipeline. Transports turn what they receive into a ParsedEmail (raw MIME goes through parseMime) and call
 * ingestEmail; everything after that — dedupe, loops/bounces, identity, threading, storage, events — is the pipeline's.
 */
export type EmailAddress = { address: string; name?: string };

export type ParsedAttachment = {
  filename: string | null;
  contentType: string;
  /** Content-ID without angle brackets, for inline (cid:) images */
  contentId: string | null;
  inline: boolean;
  content: Buffer;
};

export type ParsedEmail = {
  /** Message-ID header without angle brackets; null when the message has none (the pipeline derives one) */
  messageId: string | null;
  inReplyTo: string[];
  references: string[];
  from: EmailAddress | null;
  replyTo: EmailAddress[];
  to: EmailAddress[];
  cc: EmailAddress[];
  subject: string | null;
  date: Date | null;
  text: string | null;
  /** as received: NOT sanitised yet (the pipeline sanitises on ingest) */
  html: string | null;
  attachments: ParsedAttachment[];
  /** lower-cased header name → raw value(s), for loop/bounce detection (Auto-Submitted, Precedence, X-Autoreply…) */
  headers: Record<string, string | string[]>;
  /** multipart/report delivery-status details when this is a bounce (DSN) */
  report?: { originalMessageId: string | null; status: string | null; diagnostic: string | null; recipient: string | null };
};

export type EmailSource = "smtp" | "imap" | "webhook";

export type IngestEmailInput = {
  channelId: string;
  email: ParsedEmail;
  source: EmailSource;
  /** the raw MIME when there is one (kept with the inbound event for audit/replay; size-limited by the transport) */
  raw?: Buffer;
  /** SMTP envelope recipients (RCPT TO), when known: `reply+token@` addresses are read from here too */
  recipients?: string[];
};

export type IngestEmailResult =
  | { status: "created" | "threaded" | "reopened"; conversationId: string; messageId: string }
  | { status: "duplicate"; conversationId: string | null; messageId: string | null }
  | { status: "bounce"; messageId: string | null }
  /** stored nowhere as a conversation: e.g. an auto-reply to our own auto-reply (loop) */
  | { status: "ignored"; reason: string };

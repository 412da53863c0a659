import { createHash } from "node:crypto";
import type { Db } from "../../db/client";
import { sqlTransaction } from "../../db/sql";
import { publishCommitted } from "../../events/emit";
import { AppError } from "../../lib/errors";
import { bounce, ignoreLoop } from "./bounce";
import { prepareContent, type PreparedContent } from "./content";
import { isUniqueViolation } from "./errors";
import { uuid7 } from "../../lib/uuid7";
import { resolveSender } from "./identity";
import {
  findInboundMessage,
  readIngestContext,
  recordInboundEvent,
  writeInboundMessage,
  type EventClaim,
  type IngestContext,
  type InboundMessageWrite,
} from "./ingest.repository";
import { headersOfInterest, isAutoSubmitted } from "./loops";
import { baseAddress } from "./message-id";
import { parseMime } from "./parse";
import { deserializeEmail, serializeEmail, type StoredPayload } from "./payload";
import { createConversation, idVariants, reopenWindowDays, threadKeys, type ChannelRow } from "./thread";
import type { EmailAddress, IngestEmailInput, IngestEmailResult, ParsedEmail } from "./types";

export { isAutoSubmitted } from "./loops";

const PROVIDER = "email";
const PREVIEW = 140;
const preview = (text: string) => text.replace(/\s+/g, " ").trim().slice(0, PREVIEW);

/** The idempotency key: the Message-ID, or a hash of what we received when the message has none. */
export function emailExternalId(email: ParsedEmail, raw?: Buffer): string {
  if (email.messageId) return email.messageId.slice(0, 900);
  const h = createHash("sha256");
  if (raw) h.update(raw);
  else h.update(JSON.stringify([email.from?.address, email.to, email.subject, email.date, email.text, email.html]));
  return `sha256:${h.digest("hex")}`;
}

/**
 * The one email ingest pipeline: dedupe, bounces and loops, customer identity, threading, then message + attachments +
 * conversation + inbound event (kept with its raw payload for audit/replay) + domain events in one atomic write; events
 * are published after commit. Nothing is acknowledged before that write commits, so a crash loses nothing: the
 * transport (SMTP 451/no answer, webhook 5xx, IMAP UID not advanced) delivers again, and the Message-ID makes the
 * retry idempotent. A message that fails is kept as a FAILED event for reprocessPendingEmailEvents.
 */
export function ingestEmail(db: Db, input: IngestEmailInput): Promise<IngestEmailResult> {
  return ingest(db, input, null);
}

/** `stored`: the InboundEvent that already holds this message (a retry after a crash or a failure). */
async function ingest(db: Db, input: IngestEmailInput, stored: { id: string; externalId: string } | null): Promise<IngestEmailResult> {
  const { email } = input;
  const externalId = stored?.externalId ?? emailExternalId(email, input.raw);
  const sender = email.replyTo[0] ?? email.from;
  const keys = threadKeys(input);
  const ctx = await readIngestContext(db, {
    channelId: input.channelId,
    address: sender ? sender.address.trim().toLowerCase() : null,
    externalId,
    externalIds: idVariants([externalId]),
    references: keys.references,
  });
  if (!ctx) throw new AppError("NOT_FOUND", "Email channel not found");
  const { channel } = ctx;
  // delivered before (stored, failed and kept for the retry job, or in flight): acknowledged, not processed again
  if (!stored && ctx.seen) return duplicateOf(db, channel, externalId);
  const event: EventClaim = stored
    ? { mode: "claim", id: stored.id }
    : { mode: "insert", id: uuid7(), externalId, payload: JSON.stringify(serializeEmail(input)) };
  const record = (status: "PROCESSED" | "FAILED" | "RECEIVED", error: string | null = null, as: EventClaim = event) =>
    recordInboundEvent(db, { workspaceId: channel.workspaceId, channelId: channel.id, event: as, status, error });
  const own = channel.address ? baseAddress(channel.address) : null;
  const loop = !!own && !!email.from && baseAddress(email.from.address) === own && isAutoSubmitted(email);
  // bounces and loops open no conversation: their event is stored first, then finished under its claim
  const storedFirst = loop || !!email.report;
  try {
    if (storedFirst) {
      if (event.mode === "insert" && !(await record("RECEIVED"))) return await duplicateOf(db, channel, externalId);
      return await (email.report ? bounce(db, channel, event.id, email.report) : ignoreLoop(db, channel, event.id));
    }
    // the conversations this email may continue, most trusted first
    const candidates = [...new Set([...keys.tokens, ...(ctx.referencedConversationId ? [ctx.referencedConversationId] : [])])];
    return await store(db, ctx, input, { event, externalId, sender, candidates });
  } catch (err) {
    if (isUniqueViolation(err)) {
      // the same Message-ID is already a message of this channel (e.g. our own outbound copy came back via IMAP)
      await record("PROCESSED");
      return duplicateOf(db, channel, externalId);
    }
    const message = (err instanceof Error ? err.message : String(err)).slice(0, 2000);
    await record("FAILED", message, storedFirst ? { mode: "claim", id: event.id } : event).catch(() => undefined);
    throw err;
  }
}

async function duplicateOf(db: Db, channel: ChannelRow, externalId: string): Promise<IngestEmailResult> {
  const existing = await findInboundMessage(db, channel.workspaceId, idVariants([externalId]));
  return { status: "duplicate", conversationId: existing?.conversationId ?? null, messageId: existing?.id ?? null };
}

/** Rolls the new-conversation transaction back when the write stored nothing (a concurrent duplicate won). */
class NothingStored extends Error {}

async function store(
  db: Db,
  ctx: IngestContext,
  input: IngestEmailInput,
  p: { event: EventClaim; externalId: string; sender: EmailAddress | null; candidates: string[] },
): Promise<IngestEmailResult> {
  const { event, externalId, sender } = p;
  const { channel } = ctx;
  const { email } = input;
  if (ctx.taken) {
    if (
      !(await recordInboundEvent(db, { workspaceId: channel.workspaceId, channelId: channel.id, event, status: "PROCESSED", error: null }))
    )
      return duplicateOf(db, channel, externalId);
    return { status: "duplicate", conversationId: ctx.taken.conversationId, messageId: ctx.taken.id };
  }
  const { customerId, fill } = await resolveSender(db, channel.workspaceId, sender, ctx.identity);
  const content = await prepareContent(email);
  const now = new Date();
  const reopenNotBefore = new Date(now.getTime() - reopenWindowDays(channel.settings) * 86_400_000);
  const messageId = uuid7(now.getTime());
  const write = (
    conversationId: string,
    previousConversationId: string | null,
  ): Omit<InboundMessageWrite, "created" | "reopenNotBefore"> => ({
    workspaceId: channel.workspaceId,
    channelId: channel.id,
    conversationId,
    customerId,
    fill,
    event,
    message: {
      id: messageId,
      text: content.text,
      html: content.html,
      externalId,
      meta: messageMeta(input, content, previousConversationId),
    },
    attachments: JSON.stringify(content.attachments),
    preview: preview(content.text || email.subject || ""),
    at: now,
  });

  // the first candidate conversation that exists in this workspace and channel decides
  let previous: string | null = null;
  for (const conversationId of p.candidates) {
    const out = await writeInboundMessage(db, { ...write(conversationId, null), created: false, reopenNotBefore });
    if (out.stored) {
      publishCommitted(out.events);
      return { status: out.priorStatus === "RESOLVED" ? "reopened" : "threaded", conversationId, messageId };
    }
    if (!out.found) continue; // another workspace's or channel's conversation, or deleted: no match
    // it takes the message but the event was not ours to store: a duplicate delivery won the race
    if (out.accepts) return duplicateOf(db, channel, externalId);
    // resolved longer ago than the reopen window: a new conversation, linked to this one
    previous = conversationId;
    break;
  }

  try {
    const created = await sqlTransaction(db, async (tx) => {
      const conversation = await createConversation(tx, channel, {
        customerId,
        subject: email.subject,
        threadKey: email.references[0] ?? email.inReplyTo[0] ?? email.messageId,
        previousConversationId: previous,
        at: now,
      });
      const out = await writeInboundMessage(tx, { ...write(conversation.id, previous), created: true, reopenNotBefore: null });
      if (!out.stored) throw new NothingStored();
      return { conversationId: conversation.id, events: out.events };
    });
    publishCommitted(created.events);
    return { status: "created", conversationId: created.conversationId, messageId };
  } catch (err) {
    if (err instanceof NothingStored) return duplicateOf(db, channel, externalId);
    throw err;
  }
}

function messageMeta(input: IngestEmailInput, content: PreparedContent, previousConversationId: string | null): string {
  const { email } = input;
  // JSON.stringify drops what is undefined and writes the date as ISO: the jsonb the column gets
  return JSON.stringify({
    source: input.source,
    messageId: email.messageId,
    subject: email.subject,
    from: email.from,
    to: email.to,
    cc: email.cc,
    replyTo: email.replyTo,
    inReplyTo: email.inReplyTo,
    references: email.references.slice(-50),
    date: email.date?.toISOString() ?? null,
    headers: headersOfInterest(email),
    autoSubmitted: isAutoSubmitted(email),
    quoted: content.quoted,
    quotedHtml: content.quotedHtml,
    remoteImages: content.remoteImages,
    skippedAttachments: content.skippedAttachments,
    previousConversationId,
  });
}

/**
 * Retries inbound events a crash or an error left behind (RECEIVED for over `olderThanMs`, or FAILED, up to 10 attempts).
 * A job calls this periodically; each event is processed at most once: the write claims it under its row lock.
 */
export async function reprocessPendingEmailEvents(db: Db, opts: { olderThanMs?: number; limit?: number; channelId?: string } = {}) {
  const before = new Date(Date.now() - (opts.olderThanMs ?? 60_000));
  const events = await db.inboundEvent.findMany({
    where: {
      provider: PROVIDER,
      status: { in: ["RECEIVED", "FAILED"] },
      attempts: { lt: 10 },
      receivedAt: { lte: before },
      ...(opts.channelId ? { channelId: opts.channelId } : {}),
    },
    orderBy: { receivedAt: "asc" },
    take: opts.limit ?? 50,
    select: { id: true, channelId: true, externalId: true, payload: true },
  });
  const results: { eventId: string; result?: IngestEmailResult; error?: string }[] = [];
  for (const e of events) {
    try {
      const channel = e.channelId ? await db.channel.findFirst({ where: { id: e.channelId, kind: "EMAIL" }, select: { id: true } }) : null;
      if (!channel) {
        // nowhere to put it any more: stop retrying, keep the payload for audit
        await db.inboundEvent.update({
          where: { id: e.id },
          data: { status: "IGNORED", error: "the channel was deleted" },
          select: { id: true },
        });
        results.push({ eventId: e.id, error: "the channel was deleted" });
        continue;
      }
      const stored = e.payload as unknown as StoredPayload;
      const email = stored.raw ? await parseMime(Buffer.from(stored.raw, "base64")) : deserializeEmail(stored.email);
      const input: IngestEmailInput = { channelId: channel.id, email, source: stored.source, recipients: stored.recipients };
      results.push({ eventId: e.id, result: await ingest(db, input, { id: e.id, externalId: e.externalId }) });
    } catch (err) {
      results.push({ eventId: e.id, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return results;
}

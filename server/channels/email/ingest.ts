import { createHash } from "node:crypto";
import type { Db } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { publishCommitted, recordEvents } from "../../events/emit";
import type { BusEvent } from "../../events/bus";
import type { DomainEventPayload } from "../../events/types";
import { AppError } from "../../lib/errors";
import { prepareContent, type PreparedContent } from "./content";
import { resolveCustomer } from "./identity";
import { headersOfInterest, isAutoSubmitted } from "./loops";
import { baseAddress, conversationFromMessageId } from "./message-id";
import { parseMime } from "./parse";
import { createConversation, findThread, idVariants, reopenWindowDays, type ChannelRow } from "./thread";
import type { IngestEmailInput, IngestEmailResult, ParsedEmail } from "./types";
import { deserializeEmail, serializeEmail, type StoredPayload } from "./payload";

export { isAutoSubmitted } from "./loops";

type Tx = Prisma.TransactionClient;
const PROVIDER = "email";
const PREVIEW = 140;
const preview = (text: string) => text.replace(/\s+/g, " ").trim().slice(0, PREVIEW);
const isUnique = (err: unknown) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";

/** The idempotency key: the Message-ID, or a hash of what we received when the message has none. */
export function emailExternalId(email: ParsedEmail, raw?: Buffer): string {
  if (email.messageId) return email.messageId.slice(0, 900);
  const h = createHash("sha256");
  if (raw) h.update(raw);
  else h.update(JSON.stringify([email.from?.address, email.to, email.subject, email.date, email.text, email.html]));
  return `sha256:${h.digest("hex")}`;
}

async function loadChannel(db: Db | Tx, channelId: string): Promise<ChannelRow> {
  const channel = await db.channel.findFirst({
    where: { id: channelId, kind: "EMAIL" },
    select: { id: true, workspaceId: true, address: true, ownerTeamId: true, settings: true },
  });
  if (!channel) throw new AppError("NOT_FOUND", "Email channel not found");
  return channel;
}

/**
 * The one email ingest pipeline. Stores the inbound event first (a crash after that loses nothing: see
 * reprocessPendingEmailEvents), then dedupes, detects bounces and loops, resolves the customer, threads, and writes
 * message + attachments + conversation + event status in one transaction; domain events are published after commit.
 */
export async function ingestEmail(db: Db, input: IngestEmailInput): Promise<IngestEmailResult> {
  const channel = await loadChannel(db, input.channelId);
  const externalId = emailExternalId(input.email, input.raw);
  const payload: StoredPayload = serializeEmail(input);
  let eventId: string;
  try {
    const event = await db.inboundEvent.create({
      data: { workspaceId: channel.workspaceId, channelId: channel.id, provider: PROVIDER, externalId, payload, status: "RECEIVED" },
      select: { id: true },
    });
    eventId = event.id;
  } catch (err) {
    if (!isUnique(err)) throw err;
    return duplicateOf(db, channel, externalId);
  }
  return processEvent(db, channel, eventId, externalId, input);
}

async function duplicateOf(db: Db, channel: ChannelRow, externalId: string): Promise<IngestEmailResult> {
  const existing = await db.message.findFirst({
    where: { workspaceId: channel.workspaceId, externalId: { in: idVariants([externalId]) }, direction: "IN" },
    select: { id: true, conversationId: true },
  });
  return { status: "duplicate", conversationId: existing?.conversationId ?? null, messageId: existing?.id ?? null };
}

async function processEvent(db: Db, channel: ChannelRow, eventId: string, externalId: string, input: IngestEmailInput) {
  try {
    return await process(db, channel, eventId, externalId, input);
  } catch (err) {
    if (isUnique(err)) {
      // the same Message-ID is already a message of this channel (e.g. our own outbound copy came back via IMAP)
      await db.inboundEvent.update({
        where: { id: eventId },
        data: { status: "PROCESSED", processedAt: new Date() },
        select: { id: true },
      });
      return duplicateOf(db, channel, externalId);
    }
    await db.inboundEvent
      .update({
        where: { id: eventId },
        data: { status: "FAILED", error: (err instanceof Error ? err.message : String(err)).slice(0, 2000), attempts: { increment: 1 } },
        select: { id: true },
      })
      .catch(() => undefined);
    throw err;
  }
}

/** Locks the event row and proves it still needs work (a concurrent retry may have finished it). */
async function claim(tx: Tx, eventId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ status: string }[]>`SELECT status::text FROM "InboundEvent" WHERE id = ${eventId}::uuid FOR UPDATE`;
  return rows[0]?.status === "RECEIVED" || rows[0]?.status === "FAILED";
}

const done = (tx: Tx, eventId: string, status: "PROCESSED" | "IGNORED", error?: string) =>
  tx.inboundEvent.update({ where: { id: eventId }, data: { status, processedAt: new Date(), error: error ?? null }, select: { id: true } });

async function inTransaction<T>(db: Db, workspaceId: string, work: (tx: Tx, emit: (e: DomainEventPayload) => void) => Promise<T>) {
  let committed: BusEvent[] = [];
  const result = await db.$transaction(async (tx) => {
    const pending: DomainEventPayload[] = [];
    const value = await work(tx, (e) => pending.push(e));
    committed = await recordEvents(tx, workspaceId, pending);
    return value;
  });
  publishCommitted(committed);
  return result;
}

async function process(
  db: Db,
  channel: ChannelRow,
  eventId: string,
  externalId: string,
  input: IngestEmailInput,
): Promise<IngestEmailResult> {
  const { email } = input;
  const own = channel.address ? baseAddress(channel.address) : null;
  if (own && email.from && baseAddress(email.from.address) === own && isAutoSubmitted(email)) {
    return inTransaction(db, channel.workspaceId, async (tx) => {
      if (await claim(tx, eventId)) await done(tx, eventId, "IGNORED", "automatic mail from our own address (loop)");
      return { status: "ignored" as const, reason: "automatic mail from our own address (loop)" };
    });
  }
  if (email.report) return bounce(db, channel, eventId, email.report);

  const sender = email.replyTo[0] ?? email.from;
  const customerId = await resolveCustomer(db, channel.workspaceId, sender);
  const content = await prepareContent(email);
  return inTransaction(db, channel.workspaceId, async (tx, emit) => {
    if (!(await claim(tx, eventId))) return duplicateOf(db, channel, externalId);
    const taken = await tx.message.findFirst({
      where: { channelId: channel.id, externalId: { in: idVariants([externalId]) } },
      select: { id: true, conversationId: true },
    });
    if (taken) {
      await done(tx, eventId, "PROCESSED");
      return { status: "duplicate" as const, conversationId: taken.conversationId, messageId: taken.id };
    }
    const now = new Date();
    let status: "created" | "threaded" | "reopened" = "threaded";
    let previousConversationId: string | null = null;
    let conversation = await findThread(tx, channel, input);
    if (conversation?.status === "RESOLVED") {
      const windowMs = reopenWindowDays(channel.settings) * 86_400_000;
      const resolvedAt = conversation.resolvedAt ?? new Date(0);
      if (now.getTime() - resolvedAt.getTime() <= windowMs) status = "reopened";
      else {
        previousConversationId = conversation.id;
        conversation = null;
      }
    }
    if (!conversation) {
      status = "created";
      conversation = await createConversation(tx, channel, {
        customerId,
        subject: email.subject,
        threadKey: email.references[0] ?? email.inReplyTo[0] ?? email.messageId,
        previousConversationId,
        at: now,
      });
      emit({ type: "conversation.created", conversationId: conversation.id, teamId: conversation.teamId });
    }
    const message = await tx.message.create({
      data: {
        workspaceId: channel.workspaceId,
        conversationId: conversation.id,
        channelId: channel.id,
        direction: "IN",
        kind: "MESSAGE",
        authorType: "CUSTOMER",
        customerId,
        text: content.text,
        html: content.html,
        externalId,
        meta: messageMeta(input, content, previousConversationId),
        createdAt: now,
        attachments: {
          createMany: { data: content.attachments.map((a) => ({ ...a, workspaceId: channel.workspaceId })) },
        },
      },
      select: { id: true },
    });
    const reopen = conversation.status !== "OPEN";
    await tx.conversation.update({
      where: { id: conversation.id },
      data: {
        lastMessageAt: now,
        lastInboundAt: now,
        waitingSince: conversation.waitingSince ?? now,
        preview: preview(content.text || email.subject || ""),
        messageCount: { increment: 1 },
        ...(reopen ? { status: "OPEN", resolvedAt: null, snoozedUntil: null } : {}),
      },
      select: { id: true },
    });
    await tx.customer.update({ where: { id: customerId }, data: { lastContactAt: now }, select: { id: true } });
    await done(tx, eventId, "PROCESSED");
    emit({ type: "message.created", conversationId: conversation.id, teamId: conversation.teamId, messageId: message.id });
    if (reopen && status !== "created")
      emit({ type: "conversation.updated", conversationId: conversation.id, teamId: conversation.teamId, changes: ["status"] });
    return { status, conversationId: conversation.id, messageId: message.id };
  });
}

function messageMeta(input: IngestEmailInput, content: PreparedContent, previousConversationId: string | null): Prisma.InputJsonValue {
  const { email } = input;
  const meta = {
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
  };
  return JSON.parse(JSON.stringify(meta)) as Prisma.InputJsonValue;
}

/** A DSN marks our original outbound message FAILED with the server's reason; it never opens a conversation. */
async function bounce(
  db: Db,
  channel: ChannelRow,
  eventId: string,
  report: NonNullable<ParsedEmail["report"]>,
): Promise<IngestEmailResult> {
  return inTransaction(db, channel.workspaceId, async (tx, emit) => {
    if (!(await claim(tx, eventId))) return { status: "bounce" as const, messageId: null };
    const original = report.originalMessageId;
    let target: { id: string; conversationId: string; conversation: { teamId: string | null } } | null = null;
    if (original) {
      const select = { id: true, conversationId: true, conversation: { select: { teamId: true } } } as const;
      target = await tx.message.findFirst({
        where: { channelId: channel.id, direction: "OUT", externalId: { in: idVariants([original]) } },
        select,
      });
      // our own ids carry the message id (HMAC-checked): found even if the adapter stored another spelling
      const ours = conversationFromMessageId(original) ? /^sb\.[^.]+\.([0-9a-f-]{36})\./i.exec(original)?.[1] : undefined;
      target ??= ours
        ? await tx.message.findFirst({ where: { id: ours.toLowerCase(), channelId: channel.id, direction: "OUT" }, select })
        : null;
    }
    const reason = [report.status, report.diagnostic].filter(Boolean).join(" ") || "The message bounced";
    if (target) {
      await tx.message.update({
        where: { id: target.id },
        data: { deliveryStatus: "FAILED", deliveryError: reason.slice(0, 1000) },
        select: { id: true },
      });
      emit({ type: "message.updated", conversationId: target.conversationId, teamId: target.conversation.teamId, messageId: target.id });
    }
    await done(tx, eventId, target ? "PROCESSED" : "IGNORED", target ? undefined : "bounce for a message we do not know");
    return { status: "bounce" as const, messageId: target?.id ?? null };
  });
}

/**
 * Retries inbound events a crash or an error left behind (RECEIVED for over `olderThanMs`, or FAILED, up to 10 attempts).
 * A job calls this periodically; each event is processed at most once thanks to the row lock in claim().
 */
export async function reprocessPendingEmailEvents(db: Db, opts: { olderThanMs?: number; limit?: number } = {}) {
  const before = new Date(Date.now() - (opts.olderThanMs ?? 60_000));
  const events = await db.inboundEvent.findMany({
    where: { provider: PROVIDER, status: { in: ["RECEIVED", "FAILED"] }, attempts: { lt: 10 }, receivedAt: { lte: before } },
    orderBy: { receivedAt: "asc" },
    take: opts.limit ?? 50,
    select: { id: true, channelId: true, externalId: true, payload: true },
  });
  const results: { eventId: string; result?: IngestEmailResult; error?: string }[] = [];
  for (const e of events) {
    try {
      const channel = e.channelId ? await loadChannel(db, e.channelId).catch(() => null) : null;
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
      results.push({ eventId: e.id, result: await processEvent(db, channel, e.id, e.externalId, input) });
    } catch (err) {
      results.push({ eventId: e.id, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return results;
}

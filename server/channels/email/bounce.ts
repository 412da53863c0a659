import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { publishCommitted, recordEvents } from "../../events/emit";
import type { BusEvent } from "../../events/bus";
import type { DomainEventPayload } from "../../events/types";
import { conversationFromMessageId } from "./message-id";
import { idVariants, type ChannelRow } from "./thread";
import type { IngestEmailResult, ParsedEmail } from "./types";

/**
 * The inbound mail that opens no conversation: DSN bounces and automatic mail from our own address (a loop). Rare, so
 * it keeps the simple shape: the event is stored first (RECEIVED), then claimed under its row lock and finished in
 * one transaction with whatever it changes.
 */
type Tx = Prisma.TransactionClient;

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

export const LOOP_REASON = "automatic mail from our own address (loop)";

export function ignoreLoop(db: Db, channel: ChannelRow, eventId: string): Promise<IngestEmailResult> {
  return inTransaction(db, channel.workspaceId, async (tx) => {
    if (await claim(tx, eventId)) await done(tx, eventId, "IGNORED", LOOP_REASON);
    return { status: "ignored" as const, reason: LOOP_REASON };
  });
}

/** A DSN marks our original outbound message FAILED with the server's reason; it never opens a conversation. */
export async function bounce(
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

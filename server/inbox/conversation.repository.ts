import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { Actor } from "../auth/actor";
import { AppError } from "../lib/errors";
import type { Keyset } from "./cursor";
import { conversationScope } from "./inbox.repository";

export const conversationDetailSelect = {
  id: true,
  number: true,
  subject: true,
  status: true,
  priority: true,
  snoozedUntil: true,
  lastMessageAt: true,
  waitingSince: true,
  slaDueAt: true,
  createdAt: true,
  resolvedAt: true,
  teamId: true,
  assigneeId: true,
  channel: { select: { id: true, kind: true, name: true, address: true } },
  team: { select: { id: true, name: true } },
  assignee: { select: { id: true, name: true } },
  tags: { select: { tag: { select: { id: true, name: true, color: true } } }, orderBy: { createdAt: "asc" } },
  customer: {
    select: {
      id: true,
      name: true,
      email: true,
      phone: true,
      vip: true,
      locale: true,
      timezone: true,
      identities: { select: { id: true, channelKind: true, address: true, displayName: true }, orderBy: { createdAt: "asc" } },
    },
  },
} satisfies Prisma.ConversationSelect;

export type ConversationDetailRow = Prisma.ConversationGetPayload<{ select: typeof conversationDetailSelect }>;

/** The conversation if the actor may reach it; NOT_FOUND otherwise (no hint that it exists). */
export async function findConversationForActor(
  db: Db | Prisma.TransactionClient,
  actor: Actor,
  id: string,
): Promise<ConversationDetailRow> {
  const row = await db.conversation.findFirst({ where: { AND: [conversationScope(actor), { id }] }, select: conversationDetailSelect });
  if (!row) throw new AppError("NOT_FOUND", "Conversation not found");
  return row;
}

export const messageSelect = {
  id: true,
  direction: true,
  kind: true,
  authorType: true,
  text: true,
  html: true,
  deliveryStatus: true,
  deliveryError: true,
  attempts: true,
  createdAt: true,
  sentAt: true,
  meta: true,
  author: { select: { id: true, name: true } },
  attachments: { select: { id: true, filename: true, contentType: true, size: true, inline: true } },
} satisfies Prisma.MessageSelect;

export type MessageRow = Prisma.MessageGetPayload<{ select: typeof messageSelect }>;

/** Newest first, keyset on (createdAt, id) — served by Message(conversationId, createdAt, id). */
export function findMessagesPage(db: Db, conversationId: string, before: Keyset | null, take: number): Promise<MessageRow[]> {
  const keyset: Prisma.MessageWhereInput = before
    ? { OR: [{ createdAt: { lt: before.at } }, { createdAt: before.at, id: { lt: before.id } }] }
    : {};
  return db.message.findMany({
    where: { conversationId, deletedAt: null, ...keyset },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: messageSelect,
  });
}

/**
 * The customer's latest order with its fulfilments (saved-reply variables). Kept out of the conversation's own select:
 * that one runs on every assign/tag/status change, which never needs orders.
 */
export function findLatestOrder(db: Db, customerId: string) {
  return db.order.findFirst({
    where: { customerId },
    orderBy: { placedAt: "desc" },
    select: {
      number: true,
      fulfillments: {
        orderBy: { createdAt: "asc" },
        select: { carrier: true, trackingNumber: true, trackingUrl: true, eta: true, delayed: true },
      },
    },
  });
}

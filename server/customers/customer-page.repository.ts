import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { OrderEventKind } from "../db/generated/enums";
import type { Actor } from "../auth/actor";
import type { Keyset } from "../inbox/cursor";
import { conversationScope } from "../inbox/inbox.repository";
import { AppError } from "../lib/errors";
import { customerScope } from "./customer-scope";

export const customerSummarySelect = {
  id: true,
  name: true,
  email: true,
  phone: true,
  avatarUrl: true,
  vip: true,
  createdAt: true,
  lastContactAt: true,
  mergedInto: { select: { id: true, name: true, email: true } },
  identities: { select: { id: true, channelKind: true, address: true, displayName: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
} satisfies Prisma.CustomerSelect;
export type CustomerSummaryRow = Prisma.CustomerGetPayload<{ select: typeof customerSummarySelect }>;

/** The page header's customer if the actor may reach them (customerScope); NOT_FOUND otherwise. */
export async function findCustomerSummary(db: Db, actor: Actor, customerId: string): Promise<CustomerSummaryRow> {
  const row = await db.customer.findFirst({ where: { AND: [customerScope(actor), { id: customerId }] }, select: customerSummarySelect });
  if (!row) throw new AppError("NOT_FOUND", "Customer not found");
  return row;
}

export const timelineConversationSelect = {
  id: true,
  number: true,
  subject: true,
  preview: true,
  status: true,
  createdAt: true,
  lastMessageAt: true,
  resolvedAt: true,
  messageCount: true,
  channel: { select: { id: true, kind: true, name: true } },
  assignee: { select: { id: true, name: true } },
  team: { select: { id: true, name: true } },
} satisfies Prisma.ConversationSelect;
export type TimelineConversationRow = Prisma.ConversationGetPayload<{ select: typeof timelineConversationSelect }>;

/**
 * The customer's conversations the actor may open, by start, newest first: a range of
 * Conversation(customerId, createdAt DESC, id DESC). The redundant `lte` is the index bound (Prisma has no row
 * comparison; the OR alone would only filter).
 */
export function findTimelineConversations(
  db: Db,
  actor: Actor,
  customerId: string,
  before: Keyset | null,
  take: number,
): Promise<TimelineConversationRow[]> {
  const keyset: Prisma.ConversationWhereInput = before
    ? { createdAt: { lte: before.at }, OR: [{ createdAt: { lt: before.at } }, { createdAt: before.at, id: { lt: before.id } }] }
    : {};
  return db.conversation.findMany({
    where: { AND: [conversationScope(actor), { customerId }, keyset] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: timelineConversationSelect,
  });
}

/** What a customer's story shows of an order's life: PAID (right after PLACED) and OUT_FOR_DELIVERY are noise here. */
export const TIMELINE_ORDER_EVENTS: OrderEventKind[] = [
  "PLACED",
  "SHIPPED",
  "DELAYED",
  "DELIVERED",
  "CANCELLED",
  "REFUND_REQUESTED",
  "CANCEL_REQUESTED",
  "ADDRESS_CHANGE_REQUESTED",
  "TRACKING_SENT",
  "NOTE",
];

export const timelineOrderEventSelect = {
  id: true,
  kind: true,
  data: true,
  occurredAt: true,
  actor: { select: { id: true, name: true } },
  order: { select: { id: true, number: true, totalCents: true, currency: true, status: true, fulfillmentStatus: true } },
} satisfies Prisma.OrderEventSelect;
export type TimelineOrderEventRow = Prisma.OrderEventGetPayload<{ select: typeof timelineOrderEventSelect }>;

/**
 * Order events of the customer's orders, newest first: the customer's orders from Order(customerId, placedAt),
 * each one's events from OrderEvent(orderId, occurredAt) — a customer has tens of orders, not thousands.
 */
export function findTimelineOrderEvents(
  db: Db,
  actor: Actor,
  customerId: string,
  before: Keyset | null,
  take: number,
): Promise<TimelineOrderEventRow[]> {
  const keyset: Prisma.OrderEventWhereInput = before
    ? { occurredAt: { lte: before.at }, OR: [{ occurredAt: { lt: before.at } }, { occurredAt: before.at, id: { lt: before.id } }] }
    : {};
  return db.orderEvent.findMany({
    where: {
      AND: [
        { workspaceId: actor.workspaceId, kind: { in: TIMELINE_ORDER_EVENTS }, order: { customerId, workspaceId: actor.workspaceId } },
        keyset,
      ],
    },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take,
    select: timelineOrderEventSelect,
  });
}

import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { Actor } from "../auth/actor";
import type { Keyset } from "../inbox/cursor";
import { conversationScope, conversationScopeSql } from "../inbox/inbox.repository";
import { AppError } from "../lib/errors";
import { customerScope } from "./customer-scope";

type Reader = Db | Prisma.TransactionClient;

export const panelCustomerSelect = {
  id: true,
  name: true,
  email: true,
  phone: true,
  avatarUrl: true,
  vip: true,
  locale: true,
  timezone: true,
  attributes: true,
  mergedIntoId: true,
  lastContactAt: true,
  createdAt: true,
  identities: {
    select: { id: true, channelKind: true, address: true, displayName: true, verified: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
  tags: { select: { tag: { select: { id: true, name: true, color: true } } }, orderBy: { createdAt: "asc" } },
  notes: {
    // pinned first, then newest; served by Note(customerId, pinned, createdAt DESC)
    orderBy: [{ pinned: "desc" }, { createdAt: "desc" }, { id: "desc" }],
    take: 50,
    select: {
      id: true,
      body: true,
      pinned: true,
      createdAt: true,
      updatedAt: true,
      author: { select: { id: true, name: true } },
      _count: { select: { revisions: true } },
    },
  },
} satisfies Prisma.CustomerSelect;
export type PanelCustomerRow = Prisma.CustomerGetPayload<{ select: typeof panelCustomerSelect }>;

/** The customer with identities, tags and notes if the actor may reach them; NOT_FOUND otherwise. */
export async function findPanelCustomer(db: Reader, actor: Actor, customerId: string): Promise<PanelCustomerRow> {
  const row = await db.customer.findFirst({ where: { AND: [customerScope(actor), { id: customerId }] }, select: panelCustomerSelect });
  if (!row) throw new AppError("NOT_FOUND", "Customer not found");
  return row;
}

/** Access check alone (the "more" pages and the mutations): one indexed lookup. */
export async function assertCustomerReachable(db: Reader, actor: Actor, customerId: string): Promise<void> {
  const row = await db.customer.findFirst({ where: { AND: [customerScope(actor), { id: customerId }] }, select: { id: true } });
  if (!row) throw new AppError("NOT_FOUND", "Customer not found");
}

export function findCustomerAttributeDefinitions(db: Reader, workspaceId: string) {
  return db.customAttributeDefinition.findMany({
    where: { workspaceId, entity: "CUSTOMER" },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true, key: true, label: true, type: true, options: true, position: true },
  });
}

export type PanelStats = {
  orders: { currency: string; orderCount: number; spentCents: number }[];
  conversationCount: number;
  lastCsat: { score: number; comment: string | null; answeredAt: string; scale: number | null } | null;
};

/**
 * Lifetime numbers in ONE statement: orders and money per currency (cancelled, voided and refunded orders are
 * not money spent), conversations the actor can see, the latest answered CSAT score.
 */
export async function findPanelStats(db: Reader, actor: Actor, customerId: string): Promise<PanelStats> {
  const rows = await db.$queryRaw<PanelStats[]>`
    SELECT
      (SELECT COALESCE(json_agg(t ORDER BY t."orderCount" DESC, t.currency), '[]'::json) FROM (
         SELECT o.currency, count(*)::int AS "orderCount",
                COALESCE(sum(o."totalCents") FILTER (
                  WHERE o.status <> 'CANCELLED' AND o."financialStatus" NOT IN ('REFUNDED', 'VOIDED')), 0) AS "spentCents"
         FROM "Order" o WHERE o."customerId" = ${customerId}::uuid AND o."workspaceId" = ${actor.workspaceId}::uuid
         GROUP BY o.currency) t) AS orders,
      (SELECT count(*)::int FROM "Conversation" c
         WHERE c."customerId" = ${customerId}::uuid AND ${conversationScopeSql(actor, Prisma.sql`c`)}) AS "conversationCount",
      (SELECT json_build_object('score', r.score, 'comment', r.comment, 'answeredAt', r."answeredAt",
                                'scale', (s.settings->>'scale')::int)
         FROM "SurveyResponse" r JOIN "Survey" s ON s.id = r."surveyId"
         WHERE r."customerId" = ${customerId}::uuid AND s.kind = 'CSAT' AND r."answeredAt" IS NOT NULL AND r.score IS NOT NULL
         ORDER BY r."answeredAt" DESC LIMIT 1) AS "lastCsat"`;
  return rows[0] ?? { orders: [], conversationCount: 0, lastCsat: null };
}

export const panelOrderSelect = {
  id: true,
  number: true,
  placedAt: true,
  status: true,
  financialStatus: true,
  fulfillmentStatus: true,
  currency: true,
  subtotalCents: true,
  shippingCents: true,
  taxCents: true,
  totalCents: true,
  shippingAddress: true,
  cancelledAt: true,
  items: {
    orderBy: { id: "asc" },
    select: { id: true, sku: true, productName: true, variant: true, quantity: true, priceCents: true, imageUrl: true },
  },
  fulfillments: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      status: true,
      carrier: true,
      trackingNumber: true,
      trackingUrl: true,
      shippedAt: true,
      eta: true,
      delayed: true,
      delayReason: true,
      deliveredAt: true,
    },
  },
  events: {
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: 30,
    select: { id: true, kind: true, data: true, occurredAt: true, actor: { select: { id: true, name: true } } },
  },
} satisfies Prisma.OrderSelect;
export type PanelOrderRow = Prisma.OrderGetPayload<{ select: typeof panelOrderSelect }>;

/** Newest orders first, keyset on (placedAt, id): Order(customerId, placedAt DESC). Items, fulfilments, events: one query each. */
export function findOrdersPage(db: Reader, actor: Actor, customerId: string, after: Keyset | null, take: number) {
  const keyset: Prisma.OrderWhereInput = after
    ? { placedAt: { lte: after.at }, OR: [{ placedAt: { lt: after.at } }, { placedAt: after.at, id: { lt: after.id } }] }
    : {};
  return db.order.findMany({
    where: { workspaceId: actor.workspaceId, customerId, ...keyset },
    orderBy: [{ placedAt: "desc" }, { id: "desc" }],
    take,
    select: panelOrderSelect,
  });
}

export const panelConversationSelect = {
  id: true,
  number: true,
  subject: true,
  preview: true,
  status: true,
  lastMessageAt: true,
  createdAt: true,
  channel: { select: { id: true, kind: true, name: true } },
} satisfies Prisma.ConversationSelect;
export type PanelConversationRow = Prisma.ConversationGetPayload<{ select: typeof panelConversationSelect }>;

/** The customer's conversations the actor may see, latest activity first: Conversation(customerId, lastMessageAt DESC). */
export function findConversationsPage(db: Reader, actor: Actor, customerId: string, after: Keyset | null, take: number) {
  const keyset: Prisma.ConversationWhereInput = after
    ? {
        lastMessageAt: { lte: after.at },
        OR: [{ lastMessageAt: { lt: after.at } }, { lastMessageAt: after.at, id: { lt: after.id } }],
      }
    : {};
  return db.conversation.findMany({
    where: { AND: [conversationScope(actor), { customerId }, keyset] },
    orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
    take,
    select: panelConversationSelect,
  });
}

import type { Db } from "../db/client";
import type { Actor } from "../auth/actor";
import { decodeCursor, encodeCursor } from "../inbox/cursor";
import { attributeValueOf } from "./custom-attributes";
import {
  assertCustomerReachable,
  findConversationsPage,
  findCustomerAttributeDefinitions,
  findOrdersPage,
  findPanelCustomer,
  findPanelStats,
  type PanelConversationRow,
  type PanelOrderRow,
} from "./customer-panel.repository";

export const PANEL_ORDERS = 5;
export const PANEL_CONVERSATIONS = 5;
export const MORE_PAGE = 10;

/** An order as the panel shows it, with its delayed / backordered flag worked out once, here. */
function orderDto(o: PanelOrderRow) {
  const open = o.status !== "CANCELLED";
  const delayedFulfillment = o.fulfillments.find((f) => f.delayed && !f.deliveredAt);
  const backordered = open && (o.fulfillmentStatus === "BACKORDERED" || o.fulfillments.some((f) => f.status === "BACKORDERED"));
  const { events, ...rest } = o;
  return {
    ...rest,
    delayed: open && Boolean(delayedFulfillment),
    backordered,
    /** why it is late: the carrier's reason, else the expected restock for a backorder */
    delayReason: delayedFulfillment?.delayReason ?? null,
    timeline: events.map((e) => ({ id: e.id, kind: e.kind, data: e.data, occurredAt: e.occurredAt, actorName: e.actor?.name ?? null })),
  };
}
export type PanelOrder = ReturnType<typeof orderDto>;

const conversationDto = (c: PanelConversationRow) => c;

function page<T extends { id: string }, D>(rows: T[], take: number, at: (row: T) => Date, map: (row: T) => D) {
  const items = rows.slice(0, take);
  const last = items[items.length - 1];
  return { items: items.map(map), nextCursor: rows.length > take && last ? encodeCursor({ at: at(last), id: last.id }) : null };
}

/**
 * Everything the customer panel shows, in a FIXED number of statements whatever the customer's history:
 * the customer (+ identities, tags, notes: one query per relation), attribute definitions, lifetime stats
 * (one statement), the first page of orders (+ items, fulfilments, timeline) and of conversations (+ channel).
 */
export async function getCustomerPanel(db: Db, actor: Actor, customerId: string) {
  // the customer row is the access check; the rest only runs for a reachable customer
  const customer = await findPanelCustomer(db, actor, customerId);
  const [definitions, stats, orders, conversations] = await Promise.all([
    findCustomerAttributeDefinitions(db, actor.workspaceId),
    findPanelStats(db, actor, customerId),
    findOrdersPage(db, actor, customerId, null, PANEL_ORDERS + 1),
    findConversationsPage(db, actor, customerId, null, PANEL_CONVERSATIONS + 1),
  ]);
  const { identities, tags, notes, attributes, ...profile } = customer;
  const values = (attributes && typeof attributes === "object" && !Array.isArray(attributes) ? attributes : {}) as Record<string, unknown>;
  return {
    customer: profile,
    identities,
    attributes: definitions.map((d) => ({ ...d, value: attributeValueOf(d.type, values[d.key]) })),
    tags: tags.map((t) => t.tag),
    notes: notes.map(({ _count, ...n }) => ({ ...n, edited: _count.revisions > 0 })),
    stats: {
      orderCount: stats.orders.reduce((n, o) => n + o.orderCount, 0),
      spent: stats.orders.map((o) => ({ currency: o.currency, cents: Number(o.spentCents) })),
      conversationCount: stats.conversationCount,
      lastCsat: stats.lastCsat ? { ...stats.lastCsat, answeredAt: new Date(stats.lastCsat.answeredAt) } : null,
    },
    orders: page(orders, PANEL_ORDERS, (o) => o.placedAt, orderDto),
    conversations: page(conversations, PANEL_CONVERSATIONS, (c) => c.lastMessageAt, conversationDto),
  };
}
export type CustomerPanelData = Awaited<ReturnType<typeof getCustomerPanel>>;

export async function listPanelOrders(db: Db, actor: Actor, input: { customerId: string; cursor: string }) {
  const after = decodeCursor(input.cursor);
  await assertCustomerReachable(db, actor, input.customerId);
  const rows = await findOrdersPage(db, actor, input.customerId, after, MORE_PAGE + 1);
  return page(rows, MORE_PAGE, (o) => o.placedAt, orderDto);
}

export async function listPanelConversations(db: Db, actor: Actor, input: { customerId: string; cursor: string }) {
  const after = decodeCursor(input.cursor);
  await assertCustomerReachable(db, actor, input.customerId);
  const rows = await findConversationsPage(db, actor, input.customerId, after, MORE_PAGE + 1);
  return page(rows, MORE_PAGE, (c) => c.lastMessageAt, conversationDto);
}

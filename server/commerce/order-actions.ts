import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { OrderEventKind } from "../db/generated/enums";
import { seesAllQueues, type Actor } from "../auth/actor";
import { customerScope } from "../customers/customer-scope";
import type { DomainEventPayload } from "../events/types";
import { lockConversations, withEvents, type Tx } from "../inbox/conversation-mutation";
import { messageSelect } from "../inbox/conversation.repository";
import { AppError } from "../lib/errors";
import type { OrderActionKind, RequestOrderActionInput, ShippingAddressInput } from "./order-actions.schemas";

/** Orders the actor may reach: the workspace's; for volunteers only orders of customers in their queues. */
export function orderScope(actor: Actor): Prisma.OrderWhereInput {
  if (seesAllQueues(actor)) return { workspaceId: actor.workspaceId };
  return { workspaceId: actor.workspaceId, customer: customerScope(actor) };
}

const EVENT_KIND: Record<OrderActionKind, OrderEventKind> = {
  REFUND: "REFUND_REQUESTED",
  CANCEL: "CANCEL_REQUESTED",
  ADDRESS_CHANGE: "ADDRESS_CHANGE_REQUESTED",
};

export function formatMoney(cents: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}

export const formatAddress = (a: ShippingAddressInput) =>
  [a.name, a.address1, a.address2, [a.city, [a.province, a.zip].filter(Boolean).join(" ")].filter(Boolean).join(", "), a.country]
    .filter(Boolean)
    .join(", ");

type LockedOrder = {
  id: string;
  number: string;
  customerId: string | null;
  status: string;
  financialStatus: string;
  fulfillmentStatus: string;
  totalCents: number;
  currency: string;
};

async function lockOrder(tx: Tx, actor: Actor, orderId: string): Promise<LockedOrder> {
  // FOR UPDATE: two agents requesting a refund at once are recorded one after the other, each seeing the other's
  await tx.$queryRaw`SELECT id FROM "Order" WHERE id = ${orderId}::uuid AND "workspaceId" = ${actor.workspaceId}::uuid FOR UPDATE`;
  const order = await tx.order.findFirst({
    where: { AND: [orderScope(actor), { id: orderId }] },
    select: {
      id: true,
      number: true,
      customerId: true,
      status: true,
      financialStatus: true,
      fulfillmentStatus: true,
      totalCents: true,
      currency: true,
    },
  });
  if (!order) throw new AppError("NOT_FOUND", "Order not found");
  return order;
}

/** What the request means for this order, or why it cannot be asked for (CONFLICT / BAD_REQUEST). */
function describe(order: LockedOrder, input: RequestOrderActionInput): { summary: string; data: Record<string, unknown> } {
  const n = `order ${order.number}`;
  switch (input.kind) {
    case "REFUND": {
      if (order.financialStatus === "REFUNDED" || order.financialStatus === "VOIDED")
        throw new AppError("CONFLICT", `${order.number} is already ${order.financialStatus.toLowerCase()}`);
      const amount = input.details.amountCents ?? order.totalCents;
      if (amount > order.totalCents)
        throw new AppError("BAD_REQUEST", `A refund cannot exceed the order total (${formatMoney(order.totalCents, order.currency)})`);
      const full = amount === order.totalCents;
      return {
        summary: `Refund requested for ${n}: ${formatMoney(amount, order.currency)}${full ? " (full amount)" : ` of ${formatMoney(order.totalCents, order.currency)}`}`,
        data: { amountCents: amount, currency: order.currency, full },
      };
    }
    case "CANCEL":
      if (order.status === "CANCELLED") throw new AppError("CONFLICT", `${order.number} is already cancelled`);
      return { summary: `Cancellation requested for ${n}`, data: {} };
    case "ADDRESS_CHANGE":
      if (order.status === "CANCELLED") throw new AppError("CONFLICT", `${order.number} is cancelled`);
      if (order.fulfillmentStatus === "DELIVERED") throw new AppError("CONFLICT", `${order.number} has already been delivered`);
      return {
        summary: `Address change requested for ${n} → ${formatAddress(input.details.address)}`,
        data: { address: input.details.address },
      };
  }
}

/**
 * A refund / cancellation / address-change REQUEST (the commerce platform is not called here): in one
 * transaction the order timeline event, an audit row and, when asked from a conversation, an internal note
 * there saying what was requested. Events are published after commit.
 */
export async function requestOrderAction(db: Db, actor: Actor, input: RequestOrderActionInput) {
  return withEvents(db, actor, async (tx, emit) => {
    const order = await lockOrder(tx, actor, input.orderId);
    const { summary, data } = describe(order, input);
    const conversation = input.conversationId ? (await lockConversations(tx, actor, [input.conversationId]))[0] : undefined;
    if (conversation && conversation.customerId !== order.customerId)
      throw new AppError("BAD_REQUEST", "That order belongs to another customer than this conversation's");

    const event = await tx.orderEvent.create({
      data: {
        workspaceId: actor.workspaceId,
        orderId: order.id,
        kind: EVENT_KIND[input.kind],
        actorId: actor.userId,
        data: { ...data, reason: input.reason, conversationId: conversation?.id ?? null },
      },
      select: { id: true, kind: true, occurredAt: true, data: true },
    });
    const note = conversation
      ? await tx.message.create({
          data: {
            workspaceId: actor.workspaceId,
            conversationId: conversation.id,
            channelId: conversation.channelId,
            direction: "OUT",
            kind: "NOTE",
            authorType: "AGENT",
            authorUserId: actor.userId,
            text: `${summary}.\nReason: ${input.reason}`,
            meta: { orderAction: { kind: input.kind, orderId: order.id, orderNumber: order.number, orderEventId: event.id }, mentions: [] },
          },
          select: messageSelect,
        })
      : null;
    await tx.auditLog.create({
      data: {
        workspaceId: actor.workspaceId,
        actorId: actor.userId,
        action: `order.${input.kind.toLowerCase()}_requested`,
        targetType: "Order",
        targetId: order.id,
        data: {
          ...data,
          reason: input.reason,
          orderEventId: event.id,
          conversationId: conversation?.id ?? null,
          noteId: note?.id ?? null,
        },
      },
      select: { id: true },
    });
    if (conversation && note)
      emit({ type: "message.created", conversationId: conversation.id, teamId: conversation.teamId, messageId: note.id });
    if (order.customerId) emit(customerChanged(order.customerId));
    return { event, note, summary };
  });
}

export const customerChanged = (customerId: string): DomainEventPayload => ({
  type: "customer.updated",
  customerId,
  conversationId: null,
  teamId: null,
  changes: ["orders"],
});

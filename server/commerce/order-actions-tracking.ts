import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { seesAllQueues, type Actor } from "../auth/actor";
import { renderTemplate } from "../automation/saved-reply-variables";
import { findConversationForActor } from "../inbox/conversation.repository";
import { lockConversations, withEvents } from "../inbox/conversation-mutation";
import { AppError } from "../lib/errors";
import { customerChanged, orderScope } from "./order-actions";

/** Saved replies the actor may use (workspace-wide + their teams') that carry an order's tracking. */
export function listTrackingReplies(db: Db, actor: Actor) {
  return db.savedReply.findMany({
    where: {
      workspaceId: actor.workspaceId,
      ...(seesAllQueues(actor) ? {} : { OR: [{ teamId: null }, { teamId: { in: actor.teamIds } }] }),
      body: { contains: "order.tracking_" },
    },
    orderBy: [{ usageCount: "desc" }, { name: "asc" }],
    take: 10,
    select: { id: true, name: true, shortcut: true },
  });
}

/** The fulfilment a tracking message is about: a delayed one first, else the latest that has tracking. */
export function trackedFulfillment<F extends { delayed: boolean; trackingNumber: string | null; trackingUrl: string | null }>(
  fulfillments: F[],
): F | undefined {
  return (
    fulfillments.find((f) => f.delayed && (f.trackingUrl || f.trackingNumber)) ??
    fulfillments.findLast((f) => f.trackingUrl || f.trackingNumber)
  );
}

/**
 * A saved reply filled for THIS order (not the customer's latest, which savedReplies.render uses): order number,
 * tracking link and number, carrier and ETA of the order's tracked fulfilment; customer and agent as usual.
 */
export async function renderOrderReply(db: Db, actor: Actor, input: { orderId: string; conversationId: string; savedReplyId: string }) {
  const conversation = await findConversationForActor(db, actor, input.conversationId);
  const [order, reply] = await Promise.all([
    db.order.findFirst({
      where: { AND: [orderScope(actor), { id: input.orderId, customerId: conversation.customer.id }] },
      select: {
        number: true,
        fulfillments: {
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: { carrier: true, trackingNumber: true, trackingUrl: true, eta: true, delayed: true },
        },
      },
    }),
    db.savedReply.findFirst({
      where: {
        id: input.savedReplyId,
        workspaceId: actor.workspaceId,
        ...(seesAllQueues(actor) ? {} : { OR: [{ teamId: null }, { teamId: { in: actor.teamIds } }] }),
      },
      select: { id: true, body: true },
    }),
  ]);
  if (!order) throw new AppError("NOT_FOUND", "Order not found");
  if (!reply) throw new AppError("NOT_FOUND", "Saved reply not found");
  const f = trackedFulfillment(order.fulfillments);
  const c = conversation.customer;
  const rendered = renderTemplate(reply.body, {
    customer: { name: c.name, email: c.email, phone: c.phone },
    order: {
      number: order.number,
      trackingUrl: f?.trackingUrl ?? null,
      trackingNumber: f?.trackingNumber ?? null,
      carrier: f?.carrier ?? null,
      eta: f?.eta ?? null,
    },
    agent: { name: actor.name },
  });
  await db.savedReply.update({ where: { id: reply.id }, data: { usageCount: { increment: 1 } }, select: { id: true } });
  return rendered;
}

/**
 * Records TRACKING_SENT on the order timeline for a reply that was actually sent. The panel calls this after
 * the agent's reply (into which it had inserted tracking) is stored; the server checks the reply is the
 * actor's own outbound message in that conversation and really contains the order's tracking link or number,
 * so nothing is recorded for a draft that was discarded or edited. Idempotent per (order, message).
 */
export async function recordTrackingSent(db: Db, actor: Actor, input: { conversationId: string; messageId: string; orderIds: string[] }) {
  return withEvents(db, actor, async (tx, emit) => {
    const conversation = await findConversationForActor(tx, actor, input.conversationId);
    // serialises two calls for the same reply (two panels open): the "already recorded" check below then holds
    await lockConversations(tx, actor, [conversation.id]);
    const message = await tx.message.findFirst({
      where: { id: input.messageId, conversationId: conversation.id, kind: "MESSAGE", direction: "OUT", deletedAt: null },
      select: { id: true, text: true, authorUserId: true },
    });
    if (!message) throw new AppError("NOT_FOUND", "Message not found");
    if (message.authorUserId !== actor.userId) return { recorded: [] as string[] };
    const orders = await tx.order.findMany({
      where: { AND: [orderScope(actor), { id: { in: input.orderIds }, customerId: conversation.customer.id }] },
      select: {
        id: true,
        number: true,
        fulfillments: { select: { carrier: true, trackingNumber: true, trackingUrl: true, delayed: true } },
        events: { where: { kind: "TRACKING_SENT", data: { path: ["messageId"], equals: message.id } }, select: { id: true } },
      },
    });
    const rows: Prisma.OrderEventCreateManyInput[] = [];
    const recorded: string[] = [];
    for (const o of orders) {
      if (o.events.length) continue; // already recorded for this reply
      const sent = o.fulfillments.find(
        (f) => (f.trackingUrl && message.text.includes(f.trackingUrl)) || (f.trackingNumber && message.text.includes(f.trackingNumber)),
      );
      if (!sent) continue;
      recorded.push(o.number);
      rows.push({
        workspaceId: actor.workspaceId,
        orderId: o.id,
        kind: "TRACKING_SENT",
        actorId: actor.userId,
        data: {
          conversationId: conversation.id,
          messageId: message.id,
          carrier: sent.carrier,
          trackingNumber: sent.trackingNumber,
          trackingUrl: sent.trackingUrl,
        },
      });
    }
    if (rows.length) {
      await tx.orderEvent.createMany({ data: rows });
      emit(customerChanged(conversation.customer.id));
    }
    return { recorded };
  });
}

import type { Db } from "../db/client";
import type { Actor } from "../auth/actor";
import { seesAllQueues } from "../auth/actor";
import { AppError } from "../lib/errors";
import { findConversationForActor, findLatestOrder } from "../inbox/conversation.repository";
import { renderTemplate } from "./saved-reply-variables";

/** Saved replies the actor may use: workspace-wide ones and their teams' ones; filtered by name or shortcut. */
export async function listSavedReplies(db: Db, actor: Actor, q: string | undefined) {
  const term = q?.trim();
  return db.savedReply.findMany({
    where: {
      workspaceId: actor.workspaceId,
      ...(seesAllQueues(actor) ? {} : { OR: [{ teamId: null }, { teamId: { in: actor.teamIds } }] }),
      ...(term
        ? {
            OR: [
              { name: { contains: term, mode: "insensitive" } },
              { shortcut: { startsWith: term.replace(/^\//, ""), mode: "insensitive" } },
            ],
          }
        : {}),
    },
    orderBy: [{ usageCount: "desc" }, { name: "asc" }],
    take: 50,
    select: { id: true, name: true, shortcut: true, body: true },
  });
}

/** The reply's text for this conversation, variables filled from the customer, their latest order and the agent. */
export async function renderSavedReply(db: Db, actor: Actor, input: { savedReplyId: string; conversationId: string }) {
  const conversation = await findConversationForActor(db, actor, input.conversationId);
  const reply = await db.savedReply.findFirst({
    where: { id: input.savedReplyId, workspaceId: actor.workspaceId },
    select: { id: true, body: true },
  });
  if (!reply) throw new AppError("NOT_FOUND", "Saved reply not found");
  const order = await findLatestOrder(db, conversation.customer.id);
  // the most useful fulfilment: a delayed one first, else the latest with tracking
  const fulfillment =
    order?.fulfillments.find((f) => f.delayed) ?? [...(order?.fulfillments ?? [])].reverse().find((f) => f.trackingNumber);
  const rendered = renderTemplate(reply.body, {
    customer: { name: conversation.customer.name, email: conversation.customer.email, phone: conversation.customer.phone },
    order: order
      ? {
          number: order.number,
          trackingUrl: fulfillment?.trackingUrl ?? null,
          trackingNumber: fulfillment?.trackingNumber ?? null,
          carrier: fulfillment?.carrier ?? null,
          eta: fulfillment?.eta ?? null,
        }
      : null,
    agent: { name: actor.name },
  });
  await db.savedReply.update({ where: { id: reply.id }, data: { usageCount: { increment: 1 } }, select: { id: true } });
  return rendered;
}

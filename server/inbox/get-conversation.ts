import type { Db } from "../db/client";
import type { Actor } from "../auth/actor";
import { decodeCursor, encodeCursor } from "./cursor";
import { findConversationForActor, findMessagesPage, previousConversations, type MessageRow } from "./conversation.repository";
import { inlineEmailImages } from "./inline-images";

export type MessagePage = { items: MessageRow[]; nextCursor: string | null };

/** Thread page, newest first (the UI reverses it); nextCursor fetches older messages. Inline email images come as data: URLs. */
export async function listMessages(
  db: Db,
  actor: Actor,
  input: { conversationId: string; cursor?: string | null; limit: number },
): Promise<MessagePage> {
  await findConversationForActor(db, actor, input.conversationId);
  const rows = await findMessagesPage(db, input.conversationId, input.cursor ? decodeCursor(input.cursor) : null, input.limit + 1);
  const items = await inlineEmailImages(db, actor.workspaceId, rows.slice(0, input.limit));
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > input.limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null };
}

/** Everything the thread pane and the customer panel need, in a fixed number of queries. */
export async function getConversation(db: Db, actor: Actor, conversationId: string) {
  const conversation = await findConversationForActor(db, actor, conversationId);
  const [messages, previous] = await Promise.all([
    listMessages(db, actor, { conversationId, limit: 50 }),
    previousConversations(db, actor, conversation.customer.id, conversation.id),
  ]);
  const { tags, customer, ...rest } = conversation;
  const { orders, _count, ...customerRest } = customer;
  return {
    conversation: { ...rest, tags: tags.map((t) => t.tag) },
    customer: { ...customerRest, latestOrder: orders[0] ?? null, orderCount: _count.orders, conversationCount: _count.conversations },
    previousConversations: previous,
    messages,
  };
}

/** Records that this member has seen the conversation now; only their own mark changes. */
export async function markRead(db: Db, actor: Actor, conversationId: string): Promise<{ lastReadAt: Date }> {
  await findConversationForActor(db, actor, conversationId);
  const lastReadAt = new Date();
  await db.conversationRead.upsert({
    where: { conversationId_userId: { conversationId, userId: actor.userId } },
    create: { conversationId, userId: actor.userId, workspaceId: actor.workspaceId, lastReadAt },
    update: { lastReadAt },
  });
  return { lastReadAt };
}

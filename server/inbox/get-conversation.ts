import type { Db } from "../db/client";
import type { Actor } from "../auth/actor";
import { decodeCursor, encodeCursor } from "./cursor";
import { findConversationForActor, findMessagesPage, type MessageRow } from "./conversation.repository";
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

/** What the thread pane needs (the customer panel loads its own data: customers.panel), in a fixed number of queries. */
export async function getConversation(db: Db, actor: Actor, conversationId: string) {
  const conversation = await findConversationForActor(db, actor, conversationId);
  const messages = await listMessages(db, actor, { conversationId, limit: 50 });
  const { tags, customer, ...rest } = conversation;
  return { conversation: { ...rest, tags: tags.map((t) => t.tag) }, customer, messages };
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

import type { z } from "zod";
import type { Db } from "../db/client";
import type { Actor } from "../auth/actor";
import { decodeCursor, decodeRankedCursor, encodeCursor } from "./cursor";
import { conversationFilter } from "./conversation-filters";
import { conversationScope, findConversationPage, PRIORITY_ORDER, type ConversationListRow, type ListOrder } from "./inbox.repository";
import type { ZListConversationsInput } from "./inbox.schemas";

type Input = z.output<typeof ZListConversationsInput>;
export type ConversationListItem = Omit<ConversationListRow, "tags"> & {
  tags: { id: string; name: string; color: string }[];
  /** the customer is waiting and wrote since this member last opened the conversation */
  unread: boolean;
};
export type ConversationPage = { items: ConversationListItem[]; nextCursor: string | null };

function order(input: Input): ListOrder {
  const c = input.cursor;
  switch (input.sort) {
    case "priority":
      return { sort: "priority", after: c ? decodeRankedCursor(c, PRIORITY_ORDER) : null };
    case "sla":
      return { sort: "sla", after: c ? decodeRankedCursor(c, SLA_RANKS) : null };
    case "newest":
    case "oldest":
    case "waiting":
      return { sort: input.sort, after: c ? decodeCursor(c) : null };
  }
}

/** SLA cursor ranks: a due date, or none (listed last; the timestamp is then a placeholder) */
const SLA_RANKS = ["due", "none"] as const;

function cursorAfter(input: Input, last: ConversationListRow): string {
  if (input.sort === "sla") {
    return encodeCursor(last.slaDueAt ? { rank: "due", at: last.slaDueAt, id: last.id } : { rank: "none", at: new Date(0), id: last.id });
  }
  if (input.sort === "priority") return encodeCursor({ rank: last.priority, at: last.lastMessageAt, id: last.id });
  if (input.sort === "waiting") return encodeCursor({ at: last.waitingSince ?? last.lastMessageAt, id: last.id });
  return encodeCursor({ at: last.lastMessageAt, id: last.id });
}

export async function listConversations(db: Db, actor: Actor, input: Input): Promise<ConversationPage> {
  const rows = await findConversationPage(db, {
    scope: conversationScope(actor),
    status: input.status,
    filter: await conversationFilter(db, actor, input),
    order: order(input),
    take: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  // one primary-key lookup for the page's read marks (not one per row)
  const reads = page.length
    ? await db.conversationRead.findMany({
        where: { userId: actor.userId, conversationId: { in: page.map((r) => r.id) } },
        select: { conversationId: true, lastReadAt: true },
      })
    : [];
  const readAt = new Map(reads.map((r) => [r.conversationId, r.lastReadAt]));
  const isUnread = (row: ConversationListRow) => {
    if (!row.waitingSince) return false;
    const at = readAt.get(row.id);
    return !at || at < row.lastMessageAt;
  };
  return {
    items: page.map(({ tags, ...row }) => ({ ...row, tags: tags.map((t) => t.tag), unread: isUnread({ ...row, tags }) })),
    nextCursor: rows.length > input.limit && last ? cursorAfter(input, last) : null,
  };
}

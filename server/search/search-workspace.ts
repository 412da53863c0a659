import type { z } from "zod";
import type { Db } from "../db/client";
import type { ChannelKind, ConversationStatus } from "../db/generated/enums";
import { can, type Actor } from "../auth/actor";
import { decodeCursor, encodeCursor } from "../inbox/cursor";
import { findConversationByNumber, findCustomerHits, findMessageHits, type CustomerHitRow, type MessageHitRow } from "./search.repository";
import type { ZSearchAllInput, ZSearchCustomersInput, ZSearchMessagesInput } from "./search.schemas";
import { markSnippet } from "./snippet";

export type MessageHit = Omit<MessageHitRow, "headline"> & {
  /** HTML-escaped text with the matched words in <mark>…</mark> (render with parseSnippet, not as HTML) */
  snippet: string;
};
export type MessageHitPage = { items: MessageHit[]; nextCursor: string | null };
export type CustomerHit = CustomerHitRow;
export type ConversationHit = {
  id: string;
  number: number;
  subject: string | null;
  status: ConversationStatus;
  channelKind: ChannelKind;
  customerName: string | null;
  lastMessageAt: Date;
};
export type SearchAllResult = { conversations: ConversationHit[]; messages: MessageHit[]; customers: CustomerHit[] };

/** Messages and internal notes of the conversations the actor may open, newest first. */
export async function searchMessages(db: Db, actor: Actor, input: z.output<typeof ZSearchMessagesInput>): Promise<MessageHitPage> {
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await findMessageHits(db, actor, { q: input.q, after, take: input.limit + 1 });
  const items = rows.slice(0, input.limit).map(({ headline, ...row }) => ({ ...row, snippet: markSnippet(headline) }));
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > input.limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null };
}

/** Customers by name, email, phone, channel address or order number, best match first. */
export function searchCustomers(db: Db, actor: Actor, input: z.output<typeof ZSearchCustomersInput>): Promise<CustomerHit[]> {
  return findCustomerHits(db, actor, { q: input.q, take: input.limit });
}

/** "#123" or "123" */
function conversationNumber(q: string): number | null {
  const m = /^#?(\d{1,9})$/.exec(q);
  return m?.[1] ? Number(m[1]) : null;
}

/** The search dialog: a conversation by number, then a few messages and customers, in one round trip. */
export async function searchAll(db: Db, actor: Actor, input: z.output<typeof ZSearchAllInput>): Promise<SearchAllResult> {
  const number = conversationNumber(input.q);
  const [byNumber, messages, customers] = await Promise.all([
    number === null ? null : findConversationByNumber(db, actor, number),
    searchMessages(db, actor, { q: input.q, limit: input.limit }),
    can(actor, "customers.read") ? searchCustomers(db, actor, { q: input.q, limit: input.limit }) : [],
  ]);
  const conversations: ConversationHit[] = byNumber
    ? [
        {
          id: byNumber.id,
          number: byNumber.number,
          subject: byNumber.subject,
          status: byNumber.status,
          channelKind: byNumber.channel.kind,
          customerName: byNumber.customer.name,
          lastMessageAt: byNumber.lastMessageAt,
        },
      ]
    : [];
  return { conversations, messages: messages.items, customers };
}

import type { z } from "zod";
import type { Db } from "../db/client";
import type { Actor } from "../auth/actor";
import { decodeCursor, encodeCursor, type Keyset } from "../inbox/cursor";
import {
  findCustomerSummary,
  findTimelineConversations,
  findTimelineOrderEvents,
  type TimelineConversationRow,
  type TimelineOrderEventRow,
} from "./customer-page.repository";
import type { ZTimelineInput } from "./directory.schemas";

export type TimelineEntry =
  | { type: "conversation"; id: string; at: Date; conversation: TimelineConversationRow }
  | { type: "orderEvent"; id: string; at: Date; event: TimelineOrderEventRow };
export type TimelinePage = { items: TimelineEntry[]; nextCursor: string | null };

/** Newest first; ids break ties (uuids never collide across the two tables, so (at, id) orders both at once). */
export function compareEntries(a: { at: Date; id: string }, b: { at: Date; id: string }): number {
  const d = b.at.getTime() - a.at.getTime();
  if (d !== 0) return d;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * The customer's story, newest first: their conversations (placed at their start, on every channel the actor may
 * open) interleaved with their orders' events. One keyset (at, id) runs across both sources: each source gives
 * its first `limit + 1` entries before the cursor, the merge keeps the newest `limit`, and the last kept entry is
 * the next cursor — an entry is never skipped or repeated, whichever source it comes from.
 */
export async function customerTimeline(db: Db, actor: Actor, input: z.output<typeof ZTimelineInput>): Promise<TimelinePage> {
  await findCustomerSummary(db, actor, input.customerId); // the access check: NOT_FOUND when out of scope
  const before: Keyset | null = input.cursor ? decodeCursor(input.cursor) : null;
  const take = input.limit + 1;
  const [conversations, events] = await Promise.all([
    findTimelineConversations(db, actor, input.customerId, before, take),
    findTimelineOrderEvents(db, actor, input.customerId, before, take),
  ]);
  const merged: TimelineEntry[] = [
    ...conversations.map((c): TimelineEntry => ({ type: "conversation", id: c.id, at: c.createdAt, conversation: c })),
    ...events.map((e): TimelineEntry => ({ type: "orderEvent", id: e.id, at: e.occurredAt, event: e })),
  ].sort(compareEntries);
  const items = merged.slice(0, input.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: merged.length > input.limit && last ? encodeCursor({ at: last.at, id: last.id }) : null };
}

/** The page header: who this is, on which channels, and where they went if merged away. */
export async function customerSummary(db: Db, actor: Actor, customerId: string) {
  const row = await findCustomerSummary(db, actor, customerId);
  return row;
}
export type CustomerSummary = Awaited<ReturnType<typeof customerSummary>>;
